/**
 * The extractor's fast paths must find exactly what the plain forms find: a regex scan with its leading
 * lookbehind split off, the NFC tone-mark swap, the unit-by-unit fold, the first-word gazetteer and the
 * two-word-lead campaign scan are each compared with the straightforward implementation they replace.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldSameLength, foldVietnamese, normalizeToneMarks } from '../reference/fold.ts'
import { provinceAliases } from '../reference/provinces.ts'
import { compiled, ledMatches } from './campaigns.ts'
import { extractPlaces, isNotAPlace } from './places.ts'
import { matchAll } from './spans.ts'

const plainMatches = (re: RegExp, text: string): Array<[number, string]> => {
  const g = new RegExp(re.source, re.flags)
  const out: Array<[number, string]> = []
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    if (m[0].length === 0) g.lastIndex++
    out.push([m.index, m.slice(0).join('|')])
  }
  return out
}
const fastMatches = (re: RegExp, text: string): Array<[number, string]> =>
  [...matchAll(re, text)].map((m) => [m.index, m.slice(0).join('|')])

const pieces = (words: string[]) =>
  fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((a) => a.join(''))

const VI = [
  ' ',
  '  ',
  '\n',
  ',',
  '.',
  '/',
  '-',
  '–',
  '"',
  '“',
  '”',
  '0',
  '1',
  '12',
  '2020',
  'a',
  'x',
  'ngày ',
  'Ngày ',
  'từ ',
  'tháng ',
  'năm ',
  'sáng ',
  'quý ',
  'II',
  'oà',
  'oá',
  'Oà',
  'uỷ',
  'Uỷ',
  'quý',
  'hoạ',
  'thuỳ',
  'oe',
  'oè',
  'ò',
  'ọa',
  'ạ́',
  '\u0301',
  '\u0323',
  'đ',
  'Đ',
  'ſ',
  'K',
  '𝒜',
  '\ud800',
  '\udc00',
  'Hòa Bình',
  'Hoà Bình',
  'tỉnh ',
  'Hà Nội',
  'TP.HCM',
  'Thành phố Hồ Chí Minh',
  'thành phố Hồ Chí Minh',
  'Hồ Chí Minh',
  'tư tưởng Hồ Chí Minh',
  'Chủ tịch  Hồ Chí Minh',
  'Đoàn TNCS Hồ Chí Minh',
  'Thái Bình Dương',
  'Thái Bình',
  'tư tưởng ',
  'Bà Rịa - Vũng Tàu',
  'Bà Rịa -  Vũng Tàu',
  'Kon Tum',
  'Kontum',
  'Lạng Sơn',
  'Lạng Sơnx',
  '3Hà Nội',
  'Đắk Lắk',
  'Thừa Thiên Huế',
  'Huế',
]

describe('fast paths find the same as the plain forms', () => {
  it('a scan with its leading lookbehind split off', () => {
    const patterns = [
      /(?<![\p{L}\p{N}/.])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?(?![\p{N}/])/gu,
      /(?<=ngày\s)(\d{1,2})[-.](\d{1,2})[-.](\d{4})/giu,
      /(?<!\p{L})(?:(?:từ\s+)?(?:ngày|sáng)\s+)(\d{1,2})\/(\d{1,2})/giu,
      /(?<![\p{L}])(?:Hà Nội|Hòa Bình|𝒜)(?![\p{L}])/gu,
      /(?<!a)x|ng/g, // a top-level alternation: the lookbehind binds one branch, so it is not split
      /(?<=(\d))x/g, // a capture inside the lookbehind: not split either
      /(?<![a-z0-9])(?:chung[^a-z0-9]{1,6}tay|oa)(?![a-z0-9])/g,
      /(?<![a-z])\d+/g, // "x12": rejected at "12", found again at "2"
    ]
    fc.assert(
      fc.property(pieces(VI), (text) => {
        for (const re of patterns) expect(fastMatches(re, text)).toEqual(plainMatches(re, text))
      }),
      { numRuns: 300 }
    )
  })

  it('the NFC tone-mark swap', () => {
    // The former implementation: an NFD round trip of the whole text.
    const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]'
    const OA = new RegExp(`([oO])([aAeE])(${TONE})(?![\\p{L}\\p{M}])`, 'gu')
    const UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONE})(?![\\p{L}\\p{M}])`, 'gu')
    const reference = (s: string) =>
      s.normalize('NFC').normalize('NFD').replace(OA, '$1$3$2').replace(UY, '$1$3$2').normalize('NFC')
    fc.assert(
      fc.property(pieces(VI), (text) => {
        const got = normalizeToneMarks(text)
        expect(got).toBe(reference(text))
        expect(got.length).toBe(text.normalize('NFC').length)
      }),
      { numRuns: 400 }
    )
    expect(normalizeToneMarks('Hoà Bình, thuỷ lợi, Quý, hoá')).toBe('Hòa Bình, thủy lợi, Quý, hóa')
  })

  it('the unit-by-unit fold, lone surrogates included', () => {
    const reference = (s: string) =>
      [...Array(s.length).keys()]
        .map((i) => {
          const c = s.charCodeAt(i)
          const f = c >= 0xd800 && c < 0xe000 ? s[i]! : foldVietnamese(s[i]!)
          return f.length === 1 && c < 0x2000 ? f : s[i]!
        })
        .join('')
    fc.assert(
      fc.property(pieces(VI), (text) => {
        const nfc = text.normalize('NFC')
        expect(foldSameLength(nfc)).toBe(reference(nfc))
      }),
      { numRuns: 300 }
    )
  })

  it('the first-word gazetteer', () => {
    // The former implementation: one alternation of every alias, tried at every word start.
    const keys = [...new Set(provinceAliases().map((a) => normalizeToneMarks(a.alias)))].sort(
      (a, b) => b.length - a.length
    )
    const alt = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')
    const sticky = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'uy')
    const wordStart = /(?<![\p{L}\p{N}])[\p{L}]/gu
    const reference = (toned: string) => {
      const out: Array<[number, number]> = []
      wordStart.lastIndex = 0
      for (let w = wordStart.exec(toned); w; w = wordStart.exec(toned)) {
        sticky.lastIndex = w.index
        const m = sticky.exec(toned)
        if (!m) continue
        const end = w.index + m[0].length
        wordStart.lastIndex = end
        // The exclusions (the person Hồ Chí Minh, "Thái Bình Dương") are shared; the scan is what is compared.
        if (isNotAPlace(toned, w.index, m[0])) continue
        out.push([w.index, end])
      }
      return out
    }
    fc.assert(
      fc.property(pieces(VI), (text) => {
        const toned = normalizeToneMarks(text)
        expect(extractPlaces(toned, toned).map((p) => [p.start, p.end])).toEqual(reference(toned))
      }),
      { numRuns: 300 }
    )
  })

  it('the campaign scan with a two-word lead', () => {
    const words = [
      ' ',
      '  ',
      ', ',
      '"',
      '“',
      '\n',
      '5',
      'ca',
      'nuoc',
      'quang',
      'nam',
      'chung',
      'suc',
      'tay',
      'xay',
      'dung',
      'nong',
      'thon',
      'moi',
      'phong',
      'trao',
      'thi',
      'dua',
      've',
      'x1',
      'aaaaaaa',
      '-------',
      'chung suc xay dung nong thon moi',
      'chung tay xay dung nong thon moi',
      'phong trao xay dung nong thon moi',
      'ca nuoc chung suc xay dung nong thon moi',
      'phong trao thi dua ve xay dung nong thon moi',
    ]
    const led = compiled().filter((c) => c.lead !== null)
    expect(led.length).toBeGreaterThan(0)
    fc.assert(
      fc.property(pieces(words.map((w) => `${w} `).concat(words)), (folded) => {
        for (const c of led) {
          const fast = [...ledMatches(c.lead!, folded)].map((m) => [m.index, m[0]])
          expect(fast).toEqual(plainMatches(c.re, folded).map(([i, s]) => [i, s]))
        }
      }),
      { numRuns: 400 }
    )
  })
})
