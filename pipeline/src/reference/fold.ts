/**
 * Vietnamese text folding for matching: diacritics, đ, case and tone placement must not decide whether
 * two spellings of a name are equal ("Thanh Hoá" = "Thanh Hóa" = "thanh hoa").
 */
const COMBINING = /[\u0300-\u036f]/g
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]'
// Open syllables oa/oe/uy with the tone on the second vowel ("hoà", "thuỷ") get the traditional
// placement on the first vowel ("hòa", "thủy"), the form of NQ 202/2025 and GSO letter 915.
const NEW_STYLE_OA_OE = new RegExp(`([oO])([aAeE])(${TONE})(?![\\p{L}\\p{M}])`, 'gu')
const NEW_STYLE_UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONE})(?![\\p{L}\\p{M}])`, 'gu')

/** NFC text with oa/oe/uy tone marks moved to the traditional position. Keeps the NFC length. */
export function normalizeToneMarks(s: string): string {
  if (!/[\u00c0-\u1ef9]/.test(s)) return s.normalize('NFC')
  return s.normalize('NFD').replace(NEW_STYLE_OA_OE, '$1$3$2').replace(NEW_STYLE_UY, '$1$3$2').normalize('NFC')
}

/** NFD, strip marks, đ→d, lowercase: "Đắk Lắk" → "dak lak". */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase()
}

const charCache = new Map<string, string>()

/** Fold one UTF-16 unit to exactly one unit, so folded offsets equal input offsets. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0)
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c
  const hit = charCache.get(c)
  if (hit !== undefined) return hit
  const f = foldVietnamese(c)
  const out = f.length === 1 ? f : c
  charCache.set(c, out)
  return out
}

/**
 * Fold an NFC string unit by unit: the result has the same length as the input, so a match found in the
 * folded text has the same span in the original. Used by the extractor's gazetteer matching.
 */
export function foldSameLength(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += foldChar(s[i]!)
  return out
}

/** Slug as in the reference files: fold, then runs of non-alphanumerics → "_". */
export function slugify(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}
