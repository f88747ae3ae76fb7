import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeHtml, isMostlyUtf8, utf8Census, vietnameseScore, vniToUnicode } from './decode.ts'
import { seedParagraphs } from '../crawl/testing/seed-articles.ts'

// The fixture matrix of design/portals.md §1.3, built from a real seed paragraph.
const text = (seedParagraphs()[0] ?? [])
  .filter((p) => p.length > 80)
  .slice(0, 2)
  .join('\n')
const page = (body: string, meta = '') =>
  `<html><head>${meta}<title>t</title></head><body><p>${body}</p></body></html>`

/** windows-1258 holds the tone marks as combining characters: split each syllable's tone off. */
const toCp1258 = (s: string): Buffer =>
  iconv.encode(
    [...s]
      .map((ch) => {
        const d = ch.normalize('NFD')
        const tone = [...d].filter((c) => /[\u0300\u0301\u0303\u0309\u0323]/.test(c)).join('')
        const rest = [...d]
          .filter((c) => !/[\u0300\u0301\u0303\u0309\u0323]/.test(c))
          .join('')
          .normalize('NFC')
        return rest + tone
      })
      .join(''),
    'windows-1258'
  )

/** Our own VNI encoder for the test: the inverse of the decoder's table for the letters used. */
const toVni = (s: string): Buffer => {
  const base: Record<string, string> = { ă: 'aê', â: 'aâ', ê: 'eâ', ô: 'oâ', ơ: 'ô', ư: 'ö', đ: 'ñ' }
  const tones: Record<string, string> = {
    '\u0300': 'ø',
    '\u0301': 'ù',
    '\u0309': 'û',
    '\u0303': 'õ',
    '\u0323': 'ï',
  }
  const hatTone: Record<string, Record<string, string>> = {
    â: { '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' },
    ă: { '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' },
  }
  const special: Record<string, string> = { ỉ: 'æ', ĩ: 'ó', ị: 'ò', ỵ: 'î', í: 'í', ì: 'ì' }
  let out = ''
  for (const ch of s.normalize('NFC')) {
    const lower = ch.toLowerCase()
    const up = (x: string) => (ch === lower ? x : x.toUpperCase())
    if (special[lower]) {
      out += up(special[lower])
      continue
    }
    const d = lower.normalize('NFD')
    const tone = [...d].find((c) => tones[c])
    const letter = [...d]
      .filter((c) => !tones[c])
      .join('')
      .normalize('NFC')
    const hat = letter === 'ê' || letter === 'ô' ? 'â' : letter
    if (tone && hatTone[hat])
      out += up(letter[0] === 'ê' ? 'e' : letter === 'ô' ? 'o' : 'a') + up(hatTone[hat][tone] ?? '')
    else out += up(base[letter] ?? letter) + (tone ? up(tones[tone] ?? '') : '')
  }
  return iconv.encode(out, 'windows-1252')
}

describe('decodeHtml', () => {
  it('has a real Vietnamese fixture to work on', () => {
    expect(text.length).toBeGreaterThan(100)
    expect(vietnameseScore(text)).toBeGreaterThan(5)
  })

  it('(a) UTF-8 NFC and (b) UTF-8 NFD both come out NFC', () => {
    const a = decodeHtml(Buffer.from(page(text), 'utf8'), 'text/html; charset=utf-8')
    const b = decodeHtml(Buffer.from(page(text.normalize('NFD')), 'utf8'), 'text/html; charset=UTF-8')
    expect(a).toEqual({ text: page(text), encoding: 'utf-8' })
    expect(b.text).toBe(page(text))
  })

  it('(c) windows-1258 bytes declared in <meta> decode to NFC', () => {
    const bytes = toCp1258(
      page(text, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">')
    )
    const d = decodeHtml(bytes, 'text/html')
    expect(d.encoding).toBe('windows-1258')
    expect(d.text).toContain(text)
  })

  it('(c2) undeclared windows-1258 is recognized among the legacy encodings', () => {
    const d = decodeHtml(toCp1258(page(text)), null)
    expect(d.encoding).toBe('windows-1258')
    expect(d.text).toContain(text)
  })

  it('(d) TCVN3 (.VnTime) bytes served as latin1 are re-read as TCVN3', () => {
    const bytes = iconv.encode(page(text, '<style>p{font-family:".VnTime"}</style>'), 'tcvn')
    expect(iconv.decode(bytes, 'latin1')).not.toContain('Lạng Sơn')
    const d = decodeHtml(bytes, 'text/html; charset=iso-8859-1')
    expect(d.encoding).toBe('tcvn3')
    expect(d.text).toContain(text)
  })

  it('(e) VNI-Windows text is converted with our table', () => {
    expect(vniToUnicode('Xin chaøo caùc baïn')).toBe('Xin chào các bạn')
    const d = decodeHtml(toVni(page(text)), 'text/html; charset=windows-1252')
    expect(d.encoding).toBe('vni')
    expect(d.text).toContain(text)
  })

  it('(f) UTF-8 bytes mislabelled iso-8859-1 are repaired', () => {
    const bytes = Buffer.from(page(text), 'utf8')
    expect(iconv.decode(bytes, 'latin1')).toContain('á»')
    expect(decodeHtml(bytes, 'text/html; charset=ISO-8859-1')).toEqual({
      text: page(text),
      encoding: 'utf-8',
    })
  })

  it('(g) UTF-8 with BOM and no declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(text), 'utf8')])
    expect(decodeHtml(bytes)).toEqual({ text: page(text), encoding: 'utf-8' })
  })

  it('falls back from a wrong UTF-8 label to what the bytes are', () => {
    const d = decodeHtml(toCp1258(page(text)), 'text/html; charset=utf-8')
    expect(d.encoding).toBe('windows-1258')
    expect(d.text).toContain(text)
  })

  it('refuses a UTF-7 declaration: the bytes are read as UTF-8 (or a legacy encoding), never as UTF-7', () => {
    const utf7Page = page(`${text} +ADw-script+AD4-alert(1)+ADw-/script+AD4-`, '<meta charset="utf-7">')
    const d = decodeHtml(Buffer.from(utf7Page, 'utf8'))
    expect(d.encoding).toBe('utf-8')
    expect(d.text).toContain('+ADw-script+AD4-')
    expect(d.text).not.toContain('<script>')
    const http = decodeHtml(toCp1258(page(text)), 'text/html; charset=UTF-7')
    expect(http.encoding).toBe('windows-1258')
    expect(http.text).toContain(text)
  })

  it('a UTF-8 page with a few stray bytes stays UTF-8 (with replacement characters), whatever it declares', () => {
    const good = Buffer.from(page(text), 'utf8')
    const at = good.indexOf(Buffer.from('<p>')) + 3
    // a Windows-1252 right quote and a lone continuation byte pasted into an otherwise UTF-8 page
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0x93, 0xa0]), good.subarray(at)])
    expect(utf8Census(bytes).stray).toBe(2)
    expect(isMostlyUtf8(bytes)).toBe(true)
    for (const ct of [null, 'text/html; charset=utf-8', 'text/html; charset=iso-8859-1']) {
      const d = decodeHtml(bytes, ct)
      expect(d.encoding).toBe('utf-8')
      expect(d.text).toContain(text)
      expect(d.text.split('\uFFFD')).toHaveLength(3)
    }
    // real legacy text is not mistaken for UTF-8
    expect(isMostlyUtf8(toCp1258(page(text)))).toBe(false)
    expect(isMostlyUtf8(toVni(page(text)))).toBe(false)
  })
})
