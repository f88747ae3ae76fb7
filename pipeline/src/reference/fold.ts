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
// New-style spellings only occur with these NFC pairs; most texts have none, so skip the NFD round trip.
const NEW_STYLE_HINT = /[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]/u

export function normalizeToneMarks(s: string): string {
  const nfc = s.normalize('NFC')
  if (!NEW_STYLE_HINT.test(nfc)) return nfc
  return nfc
    .normalize('NFD')
    .replace(NEW_STYLE_OA_OE, '$1$3$2')
    .replace(NEW_STYLE_UY, '$1$3$2')
    .normalize('NFC')
}

/** NFD, strip marks, đ→d, lowercase: "Đắk Lắk" → "dak lak". */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase()
}

// One folded UTF-16 unit per input unit for the Latin and Vietnamese range; other units fold to themselves.
const FOLD_TABLE = (() => {
  const t = new Uint16Array(0x2000)
  for (let c = 0; c < t.length; c++) {
    const ch = String.fromCharCode(c)
    const f = c >= 0xd800 ? ch : foldVietnamese(ch)
    t[c] = f.length === 1 ? f.charCodeAt(0) : c
  }
  return t
})()

/**
 * Fold an NFC string unit by unit: the result has the same length as the input, so a match found in the
 * folded text has the same span in the original. Used by the extractor's gazetteer matching.
 */
export function foldSameLength(s: string): string {
  const out = new Uint16Array(s.length)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[i] = c < 0x2000 ? FOLD_TABLE[c]! : c
  }
  let r = ''
  for (let i = 0; i < out.length; i += 4096) r += String.fromCharCode(...out.subarray(i, i + 4096))
  return r
}

/** Slug as in the reference files: fold, then runs of non-alphanumerics → "_". */
export function slugify(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}
