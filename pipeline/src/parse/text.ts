/** Text normalization shared by every adapter: NFC, odd spaces out, whitespace collapsed. */

// NBSP, narrow NBSP, figure space, ideographic space and friends become a plain space; zero-width
// characters and soft hyphens vanish (they break token matching and hashing).
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

// Either of the above, tested once so the common clean string skips two replace passes.
const ODD_OR_INVISIBLE = /[\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/
const SPACE_RUN = /\s+/g

/** Most combining marks one base character keeps; Vietnamese needs two (vowel mark and tone). */
export const MAX_COMBINING_MARKS = 4

// A run of more combining marks than that. NFC sorts a run by insertion (quadratic): a letter
// followed by 100k accents of alternating classes costs minutes, 4 cost nothing.
// Which BMP code units are combining marks, as a lookup table built once (a regex scan with
// `\p{M}` costs ~1 s on a 15 MB run; this loop a few tens of ms).
const BMP_MARK = (() => {
  const table = new Uint8Array(0x10000)
  const isMark = /^\p{M}$/u
  for (let c = 0x300; c < 0x10000; c++)
    if ((c < 0xd800 || c > 0xdfff) && isMark.test(String.fromCharCode(c))) table[c] = 1
  return table
})()
const ASTRAL_MARK = /^\p{M}$/u

/** Runs of combining marks cut to MAX_COMBINING_MARKS, so normalisation stays linear. */
export const capCombiningMarks = (s: string): string => {
  const n = s.length
  let run = 0
  let i = 0
  // Fast scan: most text has no run longer than the cap, and most characters are below U+0300.
  for (; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x300) run = 0
    else if (BMP_MARK[c] === 1 || (c >= 0xd800 && c <= 0xdbff && isAstralMark(s, i))) {
      if (++run > MAX_COMBINING_MARKS) break
    } else run = 0
  }
  return i === n ? s : dropLongRuns(s)
}

const isAstralMark = (s: string, i: number): boolean =>
  i + 1 < s.length && ASTRAL_MARK.test(s.slice(i, i + 2))

/** The copy without the marks past the cap in each run (slow path, only for text that has such runs). */
const dropLongRuns = (s: string): string => {
  const parts: string[] = []
  let from = 0 // start of the text not yet copied to parts
  let run = 0
  let dropFrom = -1 // start of the marks being dropped in the current run
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const astral = c >= 0xd800 && c <= 0xdbff && isAstralMark(s, i)
    if (BMP_MARK[c] === 1 || astral) {
      if (++run === MAX_COMBINING_MARKS + 1) dropFrom = i
    } else {
      if (dropFrom >= 0) {
        parts.push(s.slice(from, dropFrom))
        from = i
        dropFrom = -1
      }
      run = 0
    }
    if (astral) i++
  }
  parts.push(dropFrom >= 0 ? s.slice(from, dropFrom) : s.slice(from))
  return parts.join('')
}

/** NFC of text from the network: combining runs capped first (issue #18). */
export const safeNfc = (s: string): string => capCombiningMarks(s).normalize('NFC')

// NUL and other C0/C1 controls (tab and line breaks aside) and bidi embedding/override/isolate
// marks: invisible, they spoof titles ("gnp.exe") and break matching.
const CONTROLS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const HAS_CONTROL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/

/** Control and bidi formatting characters removed. */
export const stripControls = (s: string): string => (HAS_CONTROL.test(s) ? s.replace(CONTROLS, '') : s)

/** One line of text: NFC, no invisible characters, runs of whitespace collapsed, trimmed. */
export const cleanInline = (s: string): string => {
  const t = ODD_OR_INVISIBLE.test(s) ? s.replace(INVISIBLE, '').replace(ODD_SPACES, ' ') : s
  return safeNfc(stripControls(t).replace(SPACE_RUN, ' ').trim())
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
  capCombiningMarks(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()

/** Word tokens (letters/digits, NFC, lower case) — the unit of the body F1 score. */
export const tokens = (s: string): string[] =>
  safeNfc(s)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []

/**
 * Bag-of-tokens precision, recall and F1 of a candidate against a reference text (F1 is 1 when both are
 * empty; precision and recall are 0 on an empty side): F1 scores a body, the other two say which way it errs.
 */
export const tokenScores = (candidate: string, reference: string): { p: number; r: number; f1: number } => {
  const a = tokens(candidate)
  const b = tokens(reference)
  if (a.length === 0 || b.length === 0) return { p: 0, r: 0, f1: a.length === b.length ? 1 : 0 }
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
  if (overlap === 0) return { p: 0, r: 0, f1: 0 }
  const p = overlap / a.length
  const r = overlap / b.length
  return { p, r, f1: (2 * p * r) / (p + r) }
}

/** Bag-of-tokens F1 between a candidate and a reference text (1 when both are empty). */
export const tokenF1 = (candidate: string, reference: string): number => tokenScores(candidate, reference).f1
