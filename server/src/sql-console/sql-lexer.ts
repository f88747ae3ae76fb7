/**
 * A small SQL scanner for the console guard: it skips strings, quoted identifiers and comments (nested
 * block comments as in DuckDB's Postgres-derived parser) and reports the bare words in order and the
 * deepest bracket nesting. It runs before DuckDB's parser sees the text, so hostile input (5,000 nested
 * parentheses) is refused without recursion anywhere. It fails closed: anything it cannot close is an error.
 */

export interface Scan {
  /** Bare words (keywords and unquoted identifiers), upper-cased, with their offsets, in order. */
  readonly words: ReadonlyArray<{ readonly word: string; readonly at: number }>
  /** Deepest nesting of ( [ { seen outside strings and comments. */
  readonly maxDepth: number
  /** Where scanning failed (unterminated string or comment), or null. */
  readonly unterminated: string | null
}

const isWordStart = (ch: string): boolean => /[A-Za-z_]/.test(ch)
const isWordChar = (ch: string): boolean => /[A-Za-z0-9_$]/.test(ch)

/** Index just past a quoted run that started at `i` with `q`; a doubled quote is an escaped quote. */
const skipQuoted = (s: string, i: number, q: string, backslash: boolean): number => {
  let j = i + 1
  while (j < s.length) {
    const ch = s[j]
    if (backslash && ch === '\\') j += 2
    else if (ch === q) {
      if (s[j + 1] === q) j += 2
      else return j + 1
    } else j++
  }
  return -1
}

const skipBlockComment = (s: string, i: number): number => {
  let depth = 0
  let j = i
  while (j < s.length) {
    if (s.startsWith('/*', j)) {
      depth++
      j += 2
    } else if (s.startsWith('*/', j)) {
      depth--
      j += 2
      if (depth === 0) return j
    } else j++
  }
  return -1
}

/** `$tag$ … $tag$` dollar-quoted string starting at i, or null when `$` starts something else. */
const skipDollar = (s: string, i: number): number | null => {
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(s.slice(i, i + 64))
  if (!m) return null
  const end = s.indexOf(m[0], i + m[0].length)
  return end < 0 ? -1 : end + m[0].length
}

export const scanSql = (s: string): Scan => {
  const words: Array<{ word: string; at: number }> = []
  let depth = 0
  let maxDepth = 0
  let i = 0
  const fail = (what: string): Scan => ({ words, maxDepth, unterminated: what })
  while (i < s.length) {
    const ch = s[i]!
    if (ch === "'") {
      // E'…' strings honour backslash escapes; the E was already read as a word, drop it.
      const escaped = words.at(-1)?.word === 'E' && /[Ee]/.test(s[i - 1] ?? '')
      if (escaped) words.pop()
      i = skipQuoted(s, i, "'", escaped)
      if (i < 0) return fail('string')
    } else if (ch === '"') {
      i = skipQuoted(s, i, '"', false)
      if (i < 0) return fail('identifier')
    } else if (s.startsWith('--', i)) {
      const nl = s.indexOf('\n', i)
      i = nl < 0 ? s.length : nl + 1
    } else if (s.startsWith('/*', i)) {
      i = skipBlockComment(s, i)
      if (i < 0) return fail('comment')
    } else if (ch === '$') {
      const end = skipDollar(s, i)
      if (end === null) i++
      else if (end < 0) return fail('string')
      else i = end
    } else if (ch === '(' || ch === '[' || ch === '{') {
      depth++
      if (depth > maxDepth) maxDepth = depth
      i++
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth--
      i++
    } else if (isWordStart(ch)) {
      let j = i + 1
      while (j < s.length && isWordChar(s[j]!)) j++
      words.push({ word: s.slice(i, j).toUpperCase(), at: i })
      i = j
    } else i++
  }
  return { words, maxDepth, unterminated: null }
}
