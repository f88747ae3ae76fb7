/** Byte encodings for the legacy-page variants (windows-1258, TCVN3 served as latin1, NFD text). */
import iconv from 'iconv-lite'

export type PageEncoding = 'utf-8' | 'windows-1258' | 'tcvn3' | 'utf-8-nfd'

export interface EncodedPage {
  readonly bytes: Uint8Array
  readonly contentType: string
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g

/**
 * windows-1258 keeps â ê ô ơ ư ă đ precomposed and writes the five tone marks as combining bytes,
 * which is how Vietnamese legacy editors produced cp1258 text. Input NFC, output the cp1258 form.
 */
export const toCp1258Form = (s: string): string =>
  s.normalize('NFD').replace(/(\P{M})(\p{M}+)/gu, (_m, base: string, marks: string) => {
    const tones = marks.match(TONES)?.join('') ?? ''
    const rest = marks.replace(TONES, '')
    return (base + rest).normalize('NFC') + tones
  })

const encodable = new Map<string, boolean>()
const canTcvn = (ch: string): boolean => {
  let ok = encodable.get(ch)
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'tcvn'), 'tcvn') === ch
    encodable.set(ch, ok)
  }
  return ok
}

/**
 * TCVN3 has no capital letters with tone marks (real pages switched to the ".VnTimeH" font for
 * capitals); typists fell back to the small letter. We do the same, so the page text is what a
 * legacy page really carried. Returns the text as the page will decode.
 */
export const toTcvnForm = (s: string): string =>
  [...s.normalize('NFC')]
    .map((ch) => (canTcvn(ch) ? ch : canTcvn(ch.toLowerCase()) ? ch.toLowerCase() : '?'))
    .join('')

/** The legacy encodings: the charset a page declares (and is served with) and how its text is encoded. */
const LEGACY = {
  'windows-1258': {
    charset: 'windows-1258',
    encode: (doc: string) => iconv.encode(toCp1258Form(doc), 'windows-1258'),
  },
  // TCVN3 (".VnTime" fonts) pages were served as if they were latin1: the bytes are TCVN3.
  tcvn3: { charset: 'iso-8859-1', encode: (doc: string) => iconv.encode(toTcvnForm(doc), 'tcvn') },
} as const

/** Rewrites the page's declared charset, then encodes the whole document. */
export const encodePage = (html: string, enc: PageEncoding): EncodedPage => {
  switch (enc) {
    case 'windows-1258':
    case 'tcvn3': {
      const { charset, encode } = LEGACY[enc]
      const doc = html.replace(
        /<meta[^>]*charset=[^>]*>/i,
        `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`
      )
      return { bytes: new Uint8Array(encode(doc)), contentType: `text/html; charset=${charset}` }
    }
    case 'utf-8-nfd':
      return {
        bytes: new Uint8Array(Buffer.from(html.normalize('NFD'), 'utf8')),
        contentType: 'text/html; charset=utf-8',
      }
    default:
      return { bytes: new Uint8Array(Buffer.from(html, 'utf8')), contentType: 'text/html; charset=utf-8' }
  }
}
