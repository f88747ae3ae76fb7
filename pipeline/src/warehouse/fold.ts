/**
 * Text folding for search and matching: lowercase, strip combining marks (NFD), đ → d. Mirrors the SQL
 * macros `thidua_fold` / `thidua_tokens` in migrations/0003_search.sql, so index and query agree.
 */
const foldSlow = (s: string): string =>
  s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replaceAll('đ', 'd').normalize('NFC')

// Fast path (issue #17, loading folds every body): in Latin, Latin Extended Additional (Vietnamese) and
// general punctuation no two non-mark characters compose under NFC and no lowercase depends on context,
// so folding such a text is folding each character; each character's fold is made once by foldSlow.
const FAST_END = 0x2070
const charFold: Array<string | undefined> = []
const foldChar = (c: number): string => {
  let f = charFold[c]
  if (f === undefined) {
    f = foldSlow(String.fromCharCode(c))
    charFold[c] = f
  }
  return f
}
const fastFoldable = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x370 && !(c >= 0x1e00 && c < 0x1f00) && !(c >= 0x2000 && c < FAST_END)) return false
  }
  return true
}
const NON_ASCII = /[^\x00-\x7f]/g

const fastFold = (s: string): string => s.toLowerCase().replace(NON_ASCII, (ch) => foldChar(ch.charCodeAt(0)))

export const foldText = (s: string): string => (fastFoldable(s) ? fastFold(s) : foldSlow(s))

/**
 * foldText(s), and whether folding that result again leaves it as it is: true on the fast path, where every
 * character's fold folds to itself (fold.test.ts checks each one), so a caller may skip the second fold.
 */
export const foldTextOnce = (s: string): { readonly folded: string; readonly fixedPoint: boolean } =>
  fastFoldable(s) ? { folded: fastFold(s), fixedPoint: true } : { folded: foldSlow(s), fixedPoint: false }

/** The reference definition, for tests of the fast path. */
export const foldTextSlow = foldSlow

export const tokenize = (s: string): string[] =>
  foldText(s)
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '')
