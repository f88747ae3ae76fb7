import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attributeArticle, buildProvinceIndex, findProvinceNames } from './attribution.ts'
import { documentKey, isCentralDocument, normalizeSymbol } from './keys.ts'
import { estimatedJaccard, exactJaccard, minhashSignature, shingleHashes } from './minhash.ts'
import { validDate, vietnamDate } from './rows.ts'
import type { DocumentMention } from '../domain/extraction.ts'

const index = buildProvinceIndex([
  { old_code: '62', new_code: '51' },
  { old_code: '51', new_code: '51' },
  { old_code: '17', new_code: '25' },
])

describe('province attribution', () => {
  it('matches province names case-sensitively on word boundaries', () => {
    expect(findProvinceNames('giữ gìn hòa bình ở Hòa Bình').map((h) => h.surface)).toEqual(['Hòa Bình'])
    expect(findProvinceNames('tỉnh Hoà Bình')[0]).toMatchObject({ code_2008: '17', code_2025: '25' })
  })
  it('does not read the person or bodies named after Hồ Chí Minh as the city', () => {
    const text = [
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh.',
      'Đoàn TNCS Hồ Chí Minh phối hợp với Học viện Chính trị quốc gia Hồ Chí Minh và Đội TNTP Hồ Chí Minh.',
      'Học tập tấm gương Bác Hồ; các nước châu Á - Thái Bình Dương.',
    ].join(' ')
    expect(findProvinceNames(text)).toEqual([])
    // The city keeps its names, short ones included.
    const city = findProvinceNames(
      'Đoàn công tác của Thành phố Hồ Chí Minh và TP.HCM; làm việc tại Hồ Chí Minh.'
    )
    expect(city.map((h) => h.code_2025)).toEqual(['79', '79', '79'])
  })
  it('leaves an article with no configured province and no place name unattributed', () => {
    const places = findProvinceNames(
      'Triển khai Hội nghị điển hình tiên tiến thành phố; tư tưởng Hồ Chí Minh.'
    )
    const weighted = places.map((p, order) => ({ ...p, weight: 1, order }))
    expect(attributeArticle(index, null, weighted, false)).toEqual({
      code_2008: null,
      code_2025: null,
      basis: 'none',
    })
  })
  it('refines the 2008 unit only after the merger', () => {
    const kontum = [{ code_2008: '62', code_2025: '51', weight: 3, order: 0 }]
    const src = { code_2008: '51', code_2025: '51' }
    expect(attributeArticle(index, src, kontum, true)).toEqual({
      code_2008: '62',
      code_2025: '51',
      basis: 'source+text',
    })
    expect(attributeArticle(index, src, kontum, false)).toEqual({
      code_2008: '51',
      code_2025: '51',
      basis: 'source',
    })
    expect(attributeArticle(index, null, kontum, true)).toEqual({
      code_2008: '62',
      code_2025: '51',
      basis: 'text',
    })
    expect(attributeArticle(index, null, [], true)).toEqual({
      code_2008: null,
      code_2025: null,
      basis: 'none',
    })
  })
})

const mention = (p: Partial<DocumentMention>): DocumentMention => ({
  type: 'plan',
  number: '138',
  symbol: 'KH-UBND',
  year_in_symbol: null,
  date: null,
  issuer: null,
  surface: 'Kế hoạch 138/KH-UBND',
  start: 0,
  end: 20,
  ...p,
})

describe('document keys', () => {
  it('tells central symbols from local ones', () => {
    expect(isCentralDocument(mention({ symbol: 'CT/TW' }))).toBe(true)
    expect(isCentralDocument(mention({ symbol: 'CT/TƯ' }))).toBe(true)
    expect(isCentralDocument(mention({ symbol: 'QĐ-TTg' }))).toBe(true)
    expect(isCentralDocument(mention({ symbol: 'QH15' }))).toBe(true)
    expect(isCentralDocument(mention({ symbol: 'KH-UBND' }))).toBe(false)
    expect(isCentralDocument(mention({ symbol: 'NQ/TU' }))).toBe(false)
    expect(normalizeSymbol(' ct/ tư ')).toBe('CT/TW')
  })
  it('separates provinces and years, and unites spellings of one document', () => {
    const ls = { code_2008: '20', code_2025: '20' }
    const na = { code_2008: '40', code_2025: '40' }
    const a = documentKey(mention({}), '2024-06-10', '2024-06-12', ls)
    expect(documentKey(mention({ number: '0138' }), '2024-06-10', '2025-01-01', ls).document_id).toBe(
      a.document_id
    )
    expect(documentKey(mention({}), '2024-03-20', '2024-03-25', na).document_id).not.toBe(a.document_id)
    expect(documentKey(mention({}), '2025-06-10', '2025-06-12', ls).document_id).not.toBe(a.document_id)
    const central = documentKey(mention({ symbol: 'CT/TW', number: '41' }), '2024-12-26', '2025-01-01', ls)
    expect(
      documentKey(mention({ symbol: 'CT/TW', number: '41' }), '2024-12-26', '2025-09-01', na).document_id
    ).toBe(central.document_id)
    expect(a.issuer_scope).toBe('p2008:20')
    expect(
      documentKey(mention({}), '2025-08-01', '2025-08-02', { code_2008: '62', code_2025: '51' }).issuer_scope
    ).toBe('p2025:51')
  })
})

describe('minhash', () => {
  it('estimates Jaccard similarity of shingle sets', () => {
    const words = Array.from({ length: 300 }, (_, i) => `tu${i % 97}x${i % 13}`)
    const a = words.join(' ')
    const b = [...words.slice(0, 240), ...Array.from({ length: 60 }, (_, i) => `khac${i}`)].join(' ')
    const sa = minhashSignature(a)
    const sb = minhashSignature(b)
    if (!sa || !sb) throw new Error('no signature')
    const exact = exactJaccard(shingleHashes(a), shingleHashes(b))
    expect(Math.abs(estimatedJaccard(sa, sb) - exact)).toBeLessThan(0.2)
    expect(minhashSignature('')).toBeNull()
  })
  it('gives identical texts identical signatures (any casing or marks)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('thi', 'đua', 'yêu', 'nước', 'Lạng', 'Sơn', 'đại', 'hội'), {
          minLength: 1,
          maxLength: 40,
        }),
        (ws) => {
          const s1 = minhashSignature(ws.join(' '))
          const s2 = minhashSignature(ws.join(' ').toUpperCase())
          expect(s1 && s2 ? estimatedJaccard(s1, s2) : -1).toBe(1)
        }
      )
    )
  })
})

describe('dates', () => {
  it('keeps real calendar dates only and converts to Việt Nam local dates', () => {
    expect(validDate('2024-02-29')).toBe('2024-02-29')
    expect(validDate('2023-02-29')).toBeNull()
    expect(validDate('2024-06')).toBeNull()
    expect(vietnamDate('2024-06-30T20:00:00Z')).toBe('2024-07-01')
    expect(vietnamDate('2024-06-30T20:00:00+07:00')).toBe('2024-06-30')
  })

  it('accepts exactly the dates a Date round trip accepts (leap years, month lengths, zeros)', () => {
    const roundTrip = (s: string) => {
      const d = new Date(`${s}T00:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null
    }
    const two = (n: number) => String(n).padStart(2, '0')
    for (const y of ['0000', '1900', '2000', '2023', '2024', '2100', '9999'])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++) {
          const s = `${y}-${two(m)}-${two(d)}`
          expect(validDate(s), s).toBe(roundTrip(s))
        }
  })
})
