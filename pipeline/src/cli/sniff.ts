/**
 * Is a file an HTML page? Answers from the bytes, before any decoding or URL lookup, so `thidua parse`
 * on a PDF, an image or a database says "not an HTML page" rather than asking for --url.
 */
const MAGIC: ReadonlyArray<readonly [string, ReadonlyArray<number>, number]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46], 0],
  ['ZIP / Office', [0x50, 0x4b, 0x03, 0x04], 0],
  ['PNG', [0x89, 0x50, 0x4e, 0x47], 0],
  ['JPEG', [0xff, 0xd8, 0xff], 0],
  ['GIF', [0x47, 0x49, 0x46, 0x38], 0],
  ['gzip', [0x1f, 0x8b], 0],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46], 0],
  ['OLE / Word 97', [0xd0, 0xcf, 0x11, 0xe0], 0],
  ['DuckDB', [0x44, 0x55, 0x43, 0x4b], 8],
  ['WebP / RIFF', [0x52, 0x49, 0x46, 0x46], 0],
]

const HTML_MARKUP =
  /<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|main|section|a|table|span)[\s>/]/i

/** null for an HTML page; otherwise what the bytes look like (for the error message). */
export const notHtmlKind = (bytes: Uint8Array): string | null => {
  for (const [kind, magic, at] of MAGIC)
    if (bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)) return kind
  const head = bytes.subarray(0, 4096)
  // UTF-16 pages start with a byte-order mark; any other NUL byte means binary data.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  if (!utf16 && head.includes(0)) return 'binary data'
  if (bytes.length === 0) return 'empty file'
  const text = utf16
    ? new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(0, 131_072))
    : Buffer.from(bytes.subarray(0, 131_072)).toString('latin1')
  return HTML_MARKUP.test(text) ? null : 'no HTML markup'
}
