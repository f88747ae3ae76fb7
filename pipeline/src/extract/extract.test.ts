import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { processLine } from './batch.ts'
import { extract, MAX_TEXT_CHARS } from './extract.ts'
import {
  docRows,
  eventRows,
  itReads,
  PATTERN_PIECES,
  readCases,
  type SentenceCase,
  timeRows,
} from './test-kit.ts'

const docs = (text: string, published: string | null = '2025-01-10') =>
  docRows(text, published, ['type', 'number', 'symbol', 'year_in_symbol', 'date', 'issuer'])

describe('documents (issue #6 forms)', () => {
  it('reads number, symbol, date and issuer', () => {
    expect(docs('(Kế hoạch số 138/KH-UBND, ngày 10/6/2024)')).toEqual([
      ['plan', '138', 'KH-UBND', null, '2024-06-10', null],
    ])
    expect(docs('Kế hoạch số 156/KH-UBND ngày 15 tháng 10 năm 2019 về')).toEqual([
      ['plan', '156', 'KH-UBND', null, '2019-10-15', null],
    ])
    expect(docs('Chỉ thị số 22 - CT /TW ngày 23/1/2018 của Ban Bí thư Trung ương Đảng')).toEqual([
      ['directive', '22', 'CT/TW', null, '2018-01-23', 'Ban Bí thư Trung ương Đảng'],
    ])
    expect(docs('Chỉ thị 34-CT/TW ngày 07/4/2014')).toEqual([
      ['directive', '34', 'CT/TW', null, '2014-04-07', null],
    ])
  })
  it('keeps references without a symbol, with leading zeros', () => {
    expect(docs('UBND tỉnh Lào Cai vừa ban hành Chỉ thị số 01 về')).toEqual([
      ['directive', '01', null, null, null, 'Ủy ban nhân dân tỉnh Lào Cai'],
    ])
    expect(docs('tại Kế hoạch số 2297 của UBND tỉnh Kon Tum')).toEqual([
      ['plan', '2297', null, null, null, 'Ủy ban nhân dân tỉnh Kon Tum'],
    ])
    expect(docs('gắn với NQ 26 của Bộ Chính trị.')).toEqual([
      ['resolution', '26', null, null, null, 'Bộ Chính trị'],
    ])
  })
  it('reads normative symbols with the year and công văn without a type', () => {
    expect(docs('Nghị định 91/2017/NĐ-CP')).toEqual([['decree', '91', 'NĐ-CP', 2017, null, null]])
    expect(docs('Luật Thi đua, khen thưởng số 06/2022/QH15')).toEqual([
      ['law', '06', 'QH15', 2022, null, null],
    ])
    expect(docs('văn bản số 4912/UBND-NC')).toEqual([
      ['official_letter', '4912', 'UBND-NC', null, null, null],
    ])
    expect(docs('Tờ trình 141/TTr-UBND, Quyết định 1620/QĐ-TTg và 60-CTr/TU').map((d) => d[2])).toEqual([
      'TTr-UBND',
      'QĐ-TTg',
      'CTr/TU',
    ])
  })
  it('reads lists, a date before the number and the TƯ variant', () => {
    expect(docs('các Kế hoạch số 12/KH-UBND và 13/KH-UBND của UBND tỉnh').map((d) => [d[1], d[5]])).toEqual([
      ['12', 'Ủy ban nhân dân tỉnh'],
      ['13', 'Ủy ban nhân dân tỉnh'],
    ])
    expect(docs('Quyết định ngày 20/9/2011 số 1620/QĐ-TTg')).toEqual([
      ['decision', '1620', 'QĐ-TTg', null, '2011-09-20', null],
    ])
    expect(docs('Chỉ thị số 05-CT/TƯ')[0]?.[2]).toBe('CT/TW')
  })
  it('does not read plans of N years, dates or ranges as documents', () => {
    expect(docs('Kế hoạch 5 năm 2021-2025; ngày 10/6/2024; lần thứ V (2020 - 2025)')).toEqual([])
  })
  it('gives spans into the NFC text', () => {
    const text = 'Theo Quyết định số 1620/QĐ-TTg.'.normalize('NFD')
    const nfc = text.normalize('NFC')
    const d = extract(text, { id: 'x' }).documents[0]!
    expect(nfc.slice(d.start, d.end)).toBe(d.surface)
  })
})

const CASES = readCases<{
  readonly events: ReadonlyArray<SentenceCase<Array<Array<string | number | null>>>>
}>('events')

describe('events', () => {
  const events = (text: string, published: string | null) =>
    eventRows(text, published, ['kind', 'scope', 'province_code', 'ordinal', 'year', 'period', 'status'])
  itReads(CASES.events, (text, published) => events(text, published ?? null))
  // Partial mentions completed from the full one: coreference.test.ts (cases/coreference.json).
  it('leaves a partial mention as written when two full mentions disagree', () => {
    expect(
      events(
        'Chuẩn bị Đại hội thi đua yêu nước lần thứ X; Đại hội thi đua yêu nước toàn quốc lần thứ X; Đại hội thi đua yêu nước tỉnh Gia Lai lần thứ X.',
        '2020-02-20'
      ).map((e) => e[1])
    ).toEqual(['unknown', 'national', 'province'])
  })
})

describe('campaigns', () => {
  const ids = (text: string) => extract(text, { id: 't' }).campaigns.map((c) => c.id)
  it('finds movements through variants, without diacritics and across line breaks', () => {
    expect(ids('phong trào "Cả nước chung sức xây dựng nông thôn mới"')).toEqual(['nong_thon_moi'])
    expect(ids('phong trao thi dua ca nuoc chung suc xay dung nong thon moi')).toEqual(['nong_thon_moi'])
    expect(ids('chung tay\nvì người nghèo – không để ai\nbị bỏ lại phía sau')).toEqual(['vi_nguoi_ngheo'])
    expect(ids('Doanh nghiệp Lai Châu hội nhập và phát triển')).toEqual(['doanh_nghiep_hoi_nhap'])
    // Two mentions, one entity (issue #11).
    expect(ids('các phong trào “xây dựng nông thôn mới”, phong trào nông thôn mới')).toEqual([
      'nong_thon_moi',
    ])
    expect(ids('Chương trình mục tiêu quốc gia xây dựng nông thôn mới; xã đạt chuẩn nông thôn mới')).toEqual(
      []
    )
  })
  it('rejects decoys and keeps other quoted movements as candidates', () => {
    expect(ids('hưởng ứng Ngày vì người nghèo và Quỹ Vì người nghèo')).toEqual([])
    expect(ids('thi đua với chủ đề "Đoàn kết, sáng tạo, chung tay vì người nghèo"')).toEqual([])
    expect(ids('phong trào "Vì an ninh Tổ quốc"')).toEqual(['candidate:Vì an ninh Tổ quốc'])
    expect(ids('theo khẩu hiệu "Thi đua là yêu nước"')).toEqual([])
  })
})

describe('times', () => {
  const times = (text: string, published: string | null) => timeRows(text, published)
  it('normalizes the issue #6 forms to inclusive intervals', () => {
    expect(times('quý I/2025; tháng 8/2025; từ ngày 20/4 - 25/4/2020', null)).toEqual([
      ['2025-01-01', '2025-03-31', 'quarter'],
      ['2025-08-01', '2025-08-31', 'month'],
      ['2020-04-20', '2020-04-25', 'range'],
    ])
    expect(
      times('từ tháng 3 đến tháng 6 năm 2020; 6 tháng đầu năm; giai đoạn 2021 - 2025', '2024-07-02')
    ).toEqual([
      ['2020-03-01', '2020-06-30', 'range'],
      ['2024-01-01', '2024-06-30', 'half'],
      ['2021-01-01', '2025-12-31', 'period'],
    ])
    expect(times('Chiều 5/3, UBND tỉnh họp', '2018-03-06')).toEqual([['2018-03-05', '2018-03-05', 'day']])
    expect(times('Chiều 5/3, UBND tỉnh họp', null)).toEqual([])
  })
})

describe('robustness', () => {
  it('never throws, on arbitrary text and on pattern-heavy text', () => {
    const pieces = fc.constantFrom(...PATTERN_PIECES)
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 400 }),
      fc.array(pieces, { maxLength: 200 }).map((a) => a.join(''))
    )
    fc.assert(
      fc.property(text, fc.option(fc.constantFrom('2020-01-01', '2025-07', 'junk', '')), (t, pub) => {
        const x = extract(t, { id: 'p', published: pub })
        for (const d of x.documents) expect(d.end).toBeGreaterThan(d.start)
        for (const tm of x.times) expect(tm.start <= tm.end).toBe(true)
      }),
      { numRuns: 400 }
    )
  })
  it('caps very long input instead of working on all of it', () => {
    const long = 'Kế hoạch số 1/KH-UBND. '.repeat(Math.ceil((MAX_TEXT_CHARS * 1.5) / 24))
    const x = extract(long, { id: 'big' })
    expect(x.documents.length).toBeLessThanOrEqual(Math.ceil(MAX_TEXT_CHARS / 23))
    expect(Math.max(...x.documents.map((d) => d.end))).toBeLessThanOrEqual(MAX_TEXT_CHARS)
  })
})

describe('batch lines', () => {
  it('writes exactly the contract fields', () => {
    const out = JSON.parse(
      processLine(JSON.stringify({ id: 'a', text: 'Kế hoạch số 138/KH-UBND, ngày 10/6/2024' }), 1)
    )
    expect(Object.keys(out)).toEqual(['id', 'documents', 'events', 'campaigns', 'times'])
    expect(Object.keys(out.documents[0])).toEqual([
      'type',
      'number',
      'symbol',
      'year_in_symbol',
      'date',
      'issuer',
      'surface',
      'start',
      'end',
      'issuer_level',
      'issuer_basis',
      'mentions',
    ])
    expect(out.documents[0]).toMatchObject({ issuer: null, issuer_level: 'province', issuer_basis: 'symbol' })
    expect(Object.keys(out.times[0])).toEqual([
      'surface',
      'start',
      'end',
      'granularity',
      'span_start',
      'span_end',
    ])
  })
  it('writes the fields of issue #11 on events and campaigns', () => {
    const text =
      'Hướng tới Đại hội Hội Nông dân tỉnh Lạng Sơn lần thứ IX, dự kiến tổ chức trong tháng 8/2025, phong trào "Nông dân thi đua sản xuất".'
    const out = JSON.parse(processLine(JSON.stringify({ id: 'b', text, published: '2025-03-01' }), 1))
    expect(Object.keys(out.events[0])).toEqual([
      'kind',
      'scope',
      'place',
      'province_code',
      'ordinal',
      'year',
      'period',
      'status',
      'surface',
      'organization',
      'planned_start',
      'planned_end',
      'held_on',
      'start',
      'end',
      'mentions',
    ])
    expect(out.events[0]).toMatchObject({
      kind: 'other',
      organization: 'farmers_union',
      ordinal: 9,
      status: 'planned',
      planned_start: '2025-08-01',
      planned_end: '2025-08-31',
      held_on: null,
    })
    expect(Object.keys(out.campaigns[0])).toEqual(['id', 'surface', 'start', 'end', 'mentions'])
  })
  it('answers a bad line with an error line that names the problem', () => {
    expect(JSON.parse(processLine('{not json', 3))).toMatchObject({
      id: null,
      error: expect.stringContaining('line 3: not JSON'),
    })
    expect(JSON.parse(processLine('{"id":"x","text":5}', 4))).toMatchObject({
      id: 'x',
      error: expect.stringContaining('"text"'),
    })
    expect(JSON.parse(processLine('{"id":"x","text":"a","published":"yesterday"}', 5)).error).toContain(
      'published'
    )
  })
})
