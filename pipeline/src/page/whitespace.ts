/**
 * JavaScript's `\s` (WhiteSpace and LineTerminator) on one UTF-16 code unit, for loops that read text
 * a character at a time instead of running a regex: the parser's text measures and the search's
 * snippets. Checked against the regex on every code unit in whitespace.test.ts.
 */
export const isJsSpace = (c: number): boolean =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff
