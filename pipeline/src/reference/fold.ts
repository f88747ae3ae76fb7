/**
 * Vietnamese text folding for matching: diacritics, đ, case and tone placement must not decide whether
 * two spellings of a name are equal ("Thanh Hoá" = "Thanh Hóa" = "thanh hoa").
 */
const COMBINING = /[\u0300-\u036f]/g
// Open syllables oa/oe/uy with the tone on the second vowel ("hoà", "thuỷ") get the traditional
// placement on the first vowel ("hòa", "thủy"), the form of NQ 202/2025 and GSO letter 915. In NFC such
// a syllable is a plain o/u followed by one precomposed toned vowel that ends the word, so it is found
// and swapped in place: no NFD round trip of the whole text, and the length stays the same.
const NEW_STYLE = /[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ](?![\p{L}\p{M}])|(?<![qQ])[uU][ỳýỷỹỵỲÝỶỸỴ](?![\p{L}\p{M}])/gu

const swapped = new Map<string, string>()
/** "oà" → "òa", "uỷ" → "ủy": the tone mark of the second vowel moves to the first. */
function moveTone(pair: string): string {
  const hit = swapped.get(pair)
  if (hit !== undefined) return hit
  const second = pair[1]!.normalize('NFD')
  const r = `${(pair[0]! + second.slice(1)).normalize('NFC')}${second[0]!}`
  swapped.set(pair, r)
  return r
}

/** NFC text with oa/oe/uy tone marks moved to the traditional position. Keeps the NFC length. */
export function normalizeToneMarks(s: string): string {
  const nfc = s.normalize('NFC')
  NEW_STYLE.lastIndex = 0
  if (!NEW_STYLE.test(nfc)) return nfc
  return nfc.replace(NEW_STYLE, moveTone)
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

const SURROGATE = /[\ud800-\udfff]/
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
// Decoding the folded units in one native call is several times faster than String.fromCharCode over
// chunks; it needs a little-endian host and well-formed UTF-16 (a lone surrogate would become U+FFFD).
const utf16 = LITTLE_ENDIAN ? new TextDecoder('utf-16le') : null

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
  if (utf16 && !SURROGATE.test(s)) return utf16.decode(out)
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
