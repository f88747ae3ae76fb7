/**
 * Bytes to text for Vietnamese pages. Order: HTTP charset → <meta>/XML declaration → BOM → UTF-8
 * validity → legacy Vietnamese encodings (windows-1258, TCVN3, VNI) chosen by which one yields real
 * Vietnamese words → NFC. Two common lies are repaired: UTF-8 bytes labelled iso-8859-1 (mojibake
 * "Viá»‡t") and TCVN3/VNI font pages labelled latin1 (".VnTime" mojibake "ViÖt").
 */
import iconv from 'iconv-lite'
// Runs of combining marks are capped before NFC: a hostile page of one letter and a million accents
// would make normalisation quadratic on the crawler's event loop (issue #18).
import { safeNfc } from '../parse/text.ts'

export interface DecodedText {
  readonly text: string
  /** What the bytes turned out to be: utf-8, utf-16le, windows-1258, tcvn3, vni, windows-1252, ... */
  readonly encoding: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Valid multi-byte UTF-8 sequences and stray bytes (bytes >= 0x80 outside any valid sequence).
 * Overlong forms and surrogates count as stray, as TextDecoder would replace them.
 */
export const utf8Census = (bytes: Uint8Array): { readonly sequences: number; readonly stray: number } => {
  let sequences = 0
  let stray = 0
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      i++
      continue
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= bytes.length
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80
    if (ok && len === 3) {
      const b1 = bytes[i + 1] as number
      ok = !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 >= 0xa0)
    }
    if (ok && len === 4) {
      const b1 = bytes[i + 1] as number
      ok = !(b === 0xf0 && b1 < 0x90) && !(b === 0xf4 && b1 >= 0x90)
    }
    if (ok) {
      sequences++
      i += len
    } else {
      stray++
      i++
    }
  }
  return { sequences, stray }
}

/**
 * UTF-8 with a few stray bytes (a pasted Windows-1252 quote, a cut-off character): at least 90 % of
 * the non-ASCII runs are valid sequences. Chance sequences in legacy Vietnamese text are far rarer.
 */
export const isMostlyUtf8 = (bytes: Uint8Array): boolean => {
  const { sequences, stray } = utf8Census(bytes)
  return sequences >= 3 && stray * 9 <= sequences
}

/** Labels a page may not choose: UTF-7 smuggles markup past filters (`+ADw-script+AD4-`). */
const REFUSED_LABELS = new Set(['utf-7', 'utf7', 'unicode-1-1-utf-7', 'csunicode11utf7', 'x-utf-7'])

const hasHighBytes = (bytes: Uint8Array): boolean => {
  for (const b of bytes) if (b >= 0x80) return true
  return false
}

const charsetFromContentType = (contentType: string | null | undefined): string | null => {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null
  return m?.[1] ? m[1].toLowerCase() : null
}

/** <meta charset>, <meta http-equiv content="...charset=">, or <?xml encoding=?> in the first 4 KB. */
const charsetFromMarkup = (bytes: Uint8Array): string | null => {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)
  return meta?.[1] ? meta[1].toLowerCase() : null
}

const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'latin1',
  'latin-1',
  'l1',
  'windows-1252',
  'cp1252',
  'us-ascii',
  'ascii',
])
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8'])
const CP1258_LABELS = new Set(['windows-1258', 'cp1258', 'x-cp1258'])
const TCVN_LABELS = new Set(['tcvn', 'tcvn3', 'tcvn5712', 'tcvn-5712', 'x-viet-tcvn', 'x-viet-tcvn5712'])
const VNI_LABELS = new Set(['vni', 'x-viet-vni', 'vni-windows'])

// ---------------------------------------------------------------------------------------------------
// VNI-Windows: a base letter followed by a Latin-1 "accent" letter from the VNI fonts. Our own table.

const TONE: Record<string, string> = { ø: '\u0300', ù: '\u0301', û: '\u0309', õ: '\u0303', ï: '\u0323' }
const CIRC: Record<string, string> = {
  â: '\u0302',
  á: '\u0302\u0301',
  à: '\u0302\u0300',
  å: '\u0302\u0309',
  ã: '\u0302\u0303',
  ä: '\u0302\u0323',
}
const BREVE: Record<string, string> = {
  ê: '\u0306',
  é: '\u0306\u0301',
  è: '\u0306\u0300',
  ú: '\u0306\u0309',
  ü: '\u0306\u0303',
  ë: '\u0306\u0323',
}
const STANDALONE: Record<string, string> = {
  ô: 'ơ',
  ö: 'ư',
  ñ: 'đ',
  æ: 'ỉ',
  ó: 'ĩ',
  ò: 'ị',
  î: 'ỵ',
}

const lookup = (table: Record<string, string>, ch: string): { mark: string; upper: boolean } | null => {
  const lower = ch.toLowerCase()
  const mark = table[lower]
  return mark === undefined ? null : { mark, upper: ch !== lower }
}

/** Convert text decoded as windows-1252 from VNI-font bytes into Unicode (NFC). */
export function vniToUnicode(latin: string): string {
  let out = ''
  // What the last emitted letter still accepts: 'a' (circumflex, breve or tone), 'eo' (circumflex or
  // tone), 'tone' (tone only: i u y ơ ư, or a vowel that already got its hat), '' (nothing).
  let accepts: 'a' | 'eo' | 'tone' | '' = ''
  for (const ch of latin) {
    const lower = ch.toLowerCase()
    const standalone = STANDALONE[lower]
    if (standalone !== undefined) {
      out += ch === lower ? standalone : standalone.toUpperCase()
      accepts = standalone === 'ơ' || standalone === 'ư' ? 'tone' : ''
      continue
    }
    type Hit = { mark: string; upper: boolean } | null
    const state: string = accepts
    const breve: Hit = state === 'a' ? lookup(BREVE, ch) : null
    const circ: Hit = state === 'a' || state === 'eo' ? lookup(CIRC, ch) : null
    const tone: Hit = state !== '' ? lookup(TONE, ch) : null
    const hit: Hit = breve ?? circ ?? tone
    if (hit) {
      out += hit.mark
      // A hat alone still takes a tone; a hat+tone pair or a tone ends the syllable nucleus.
      accepts = (breve || circ) && hit.mark.length === 1 ? 'tone' : ''
      continue
    }
    out += ch
    accepts =
      lower === 'a' ? 'a' : lower === 'e' || lower === 'o' ? 'eo' : 'iuy'.includes(lower) ? 'tone' : ''
  }
  return safeNfc(out)
}

// ---------------------------------------------------------------------------------------------------
// Choosing among legacy encodings: the candidate that produces the most common Vietnamese words wins.

const COMMON_WORDS = [
  'của',
  'và',
  'các',
  'được',
  'những',
  'người',
  'trong',
  'thi',
  'đua',
  'tỉnh',
  'năm',
  'với',
  'cho',
  'một',
  'này',
  'đã',
  'có',
  'là',
  'không',
  'việt',
  'nam',
  'phong',
  'trào',
  'nước',
  'đồng',
  'chí',
  'hội',
  'nghị',
  'công',
  'tác',
  'để',
  'về',
  'ngày',
  'tháng',
  'thực',
  'hiện',
]
const COMMON = new Set(COMMON_WORDS)

export const vietnameseScore = (text: string): number => {
  let score = 0
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (COMMON.has(w)) score++
  const replacement = text.split('\uFFFD').length - 1
  return score - replacement * 2
}

const decodeWith = (bytes: Uint8Array, encoding: string): string => {
  if (encoding === 'vni') return vniToUnicode(iconv.decode(Buffer.from(bytes), 'windows-1252'))
  if (encoding === 'tcvn3') return safeNfc(iconv.decode(Buffer.from(bytes), 'tcvn'))
  return safeNfc(iconv.decode(Buffer.from(bytes), encoding))
}

const bestLegacy = (bytes: Uint8Array, fallback: string): DecodedText => {
  const candidates = ['windows-1258', 'tcvn3', 'vni', 'windows-1252']
  let best: DecodedText = { text: decodeWith(bytes, fallback), encoding: fallback }
  let bestScore = vietnameseScore(best.text)
  for (const enc of candidates) {
    if (enc === fallback) continue
    const text = decodeWith(bytes, enc)
    const score = vietnameseScore(text)
    if (score > bestScore) {
      best = { text, encoding: enc }
      bestScore = score
    }
  }
  return best
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

const utf8Text = (raw: string): DecodedText => ({ text: safeNfc(stripBom(raw)), encoding: 'utf-8' })

const fromUtf8 = (bytes: Uint8Array): DecodedText => utf8Text(new TextDecoder('utf-8').decode(bytes))

/**
 * The bytes as UTF-8 when they are valid UTF-8 or mostly so (a few stray bytes), else null. Valid bytes
 * are decoded once, not checked and then decoded again: that doubled the cost of a 15 MB page (#18).
 */
const asUtf8 = (bytes: Uint8Array): DecodedText | null => {
  try {
    return utf8Text(utf8.decode(bytes))
  } catch {
    return isMostlyUtf8(bytes) ? fromUtf8(bytes) : null
  }
}

const fromLabel = (bytes: Uint8Array, label: string): DecodedText | null => {
  if (REFUSED_LABELS.has(label)) return null // sniffed instead: UTF-8, else the legacy encodings
  if (UTF8_LABELS.has(label)) return asUtf8(bytes)
  // Mislabelled UTF-8 is far more common than real Western or legacy pages on Vietnamese portals.
  const asText = hasHighBytes(bytes) ? asUtf8(bytes) : null
  if (asText) return asText
  if (LATIN1_LABELS.has(label)) return bestLegacy(bytes, 'windows-1252')
  if (CP1258_LABELS.has(label)) return { text: decodeWith(bytes, 'windows-1258'), encoding: 'windows-1258' }
  if (TCVN_LABELS.has(label)) return { text: decodeWith(bytes, 'tcvn3'), encoding: 'tcvn3' }
  if (VNI_LABELS.has(label)) return { text: decodeWith(bytes, 'vni'), encoding: 'vni' }
  if (iconv.encodingExists(label)) return { text: stripBom(decodeWith(bytes, label)), encoding: label }
  return null // unknown label: fall through to sniffing
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const http = charsetFromContentType(contentType)
  if (http) {
    const d = fromLabel(bytes, http)
    if (d) return d
  }
  const meta = charsetFromMarkup(bytes)
  if (meta) {
    const d = fromLabel(bytes, meta)
    if (d) return d
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return fromUtf8(bytes)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: safeNfc(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le')),
      encoding: 'utf-16le',
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: safeNfc(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be')),
      encoding: 'utf-16be',
    }
  }
  return asUtf8(bytes) ?? bestLegacy(bytes, 'windows-1258')
}
