/** Text normalization shared by every adapter: NFC, odd spaces out, whitespace collapsed. */

// NBSP, narrow NBSP, figure space, ideographic space and friends become a plain space; zero-width
// characters and soft hyphens vanish (they break token matching and hashing).
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

// Either of the above, tested once so the common clean string skips two replace passes.
const ODD_OR_INVISIBLE = /[\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/
const SPACE_RUN = /\s+/g

/** One line of text: NFC, no invisible characters, runs of whitespace collapsed, trimmed. */
export const cleanInline = (s: string): string => {
  const t = ODD_OR_INVISIBLE.test(s) ? s.replace(INVISIBLE, '').replace(ODD_SPACES, ' ') : s
  return t.replace(SPACE_RUN, ' ').trim().normalize('NFC')
}

/** Multi-paragraph text: each paragraph cleaned, blank ones dropped, joined with "\n\n". */
export const joinParagraphs = (paragraphs: ReadonlyArray<string>): string =>
  paragraphs
    .map(cleanInline)
    .filter((p) => p.length > 0)
    .join('\n\n')

/** Decodes the few entities that survive in feed/REST titles ("&#8211;", "&amp;"). */
export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const k = e.toLowerCase()
    if (k === 'amp') return '&'
    if (k === 'lt') return '<'
    if (k === 'gt') return '>'
    if (k === 'quot') return '"'
    if (k === 'apos') return "'"
    if (k === 'nbsp') return '\u00a0'
    const code = k.startsWith('#x') ? Number.parseInt(k.slice(2), 16) : Number.parseInt(k.slice(1), 10)
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m
  })

/** Lower-case, diacritics removed, "đ" → "d": for matching labels written with or without accents. */
export const foldVietnamese = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()

/** Word tokens (letters/digits, NFC, lower case) — the unit of the body F1 score. */
export const tokens = (s: string): string[] =>
  s
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []

/** Bag-of-tokens F1 between a candidate and a reference text (1 when both are empty). */
export const tokenF1 = (candidate: string, reference: string): number => {
  const a = tokens(candidate)
  const b = tokens(reference)
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1)
  let overlap = 0
  for (const t of a) {
    const n = counts.get(t) ?? 0
    if (n > 0) {
      overlap++
      counts.set(t, n - 1)
    }
  }
  if (overlap === 0) return 0
  const precision = overlap / a.length
  const recall = overlap / b.length
  return (2 * precision * recall) / (precision + recall)
}
