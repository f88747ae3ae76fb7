/**
 * Forms found in the session-4 dev batches (b35, b36), one test per general rule, on sentences written for
 * these tests: a day-month with a dash opening a sentence that issues a letter, a body of a bare unit word
 * as the clause's subject ("UBND tỉnh tổ chức …", "Hội … huyện tổ chức …"), a unit after the count
 * ("… giai đoạn 2020-2025 của huyện X").
 */
import { describe, expect, it } from 'vitest'
import { docRows, eventRows, itReads, readCases, run, type SentenceCase } from './test-kit.ts'

const CASES = readCases<{ readonly issuers: ReadonlyArray<SentenceCase<string[][]>> }>('session4')

const EVENT_FIELDS = ['kind', 'organization', 'scope', 'place', 'province_code', 'ordinal', 'status'] as const

describe('a day-month with a dash opening a sentence that issues a document', () => {
  const text =
    'Thi đua chào mừng Đại hội Thi đua yêu nước toàn quốc lần thứ XI\n' +
    'Ngày 12-9, UBND tỉnh có văn bản số 2301/UBND-VX về việc đẩy mạnh thi đua lập thành tích chào mừng Đại hội Thi đua yêu nước toàn quốc lần thứ XI.'

  it('dates the letter', () => {
    expect(docRows(text, '2025-09-14', ['number', 'symbol', 'date'])).toEqual([
      ['2301', 'UBND-VX', '2025-09-12'],
    ])
  })

  it('does not give that day to the congress named on the line above', () => {
    const events = run(text, '2025-09-14').events
    expect(events.map((e) => [e.ordinal, e.time_start])).toEqual([[11, null]])
  })

  it('still dates a headline event by the next line when that line reports the event', () => {
    const lead = 'Hội nghị biểu dương điển hình tiên tiến xã Tân Hòa\nNgày 8/5, xã Tân Hòa tổ chức hội nghị.'
    expect(run(lead, '2025-05-10').events.map((e) => [e.place, e.time_start, e.status])).toEqual([
      ['Tân Hòa', '2025-05-08', 'held'],
    ])
  })
})

describe('a body of a bare unit word as the subject of the clause', () => {
  it('puts "UBND tỉnh tổ chức hội nghị …" in the article’s own province', () => {
    const text = 'Sáng 3/6, UBND tỉnh tổ chức hội nghị biểu dương, tôn vinh điển hình tiêu biểu năm 2024.'
    // 2008 code 64 (Gia Lai), whose 2025 unit keeps code 52.
    expect(eventRows(text, '2024-06-03', EVENT_FIELDS, '64')).toEqual([
      ['hoi_nghi_dien_hinh', null, 'province', 'Gia Lai', '52', null, 'held'],
    ])
  })

  it('puts an association of the district in the one district the text names', () => {
    const text =
      'Đại hội Hội Khuyến học huyện Chợ Mới lần thứ III\n\nSáng 9/7, Hội Khuyến học huyện tổ chức Đại hội đại biểu lần thứ III, nhiệm kỳ 2021 – 2026.'
    const events = eventRows(text, null, ['kind', 'organization', 'scope', 'place', 'ordinal', 'status'])
    expect(events).toEqual([['other', 'other', 'district', 'Chợ Mới', 3, 'held']])
  })
})

describe('a unit written after the count', () => {
  it('reads "… giai đoạn 2020-2025 của huyện X" as that district', () => {
    const text = 'Hội nghị điển hình tiên tiến giai đoạn 2020-2025 của huyện Tân Lạc sẽ diễn ra vào tháng 7.'
    expect(eventRows(text, '2020-06-01', ['scope', 'place', 'period', 'status'])).toEqual([
      ['district', 'Tân Lạc', '2020-2025', 'planned'],
    ])
  })
})

describe('issuers of schools, the cooperative alliance and departments written with a hyphen', () => {
  itReads(CASES.issuers, (text, published) => docRows(text, published ?? null, ['number', 'date', 'issuer']))
})

describe('status of a congress the lead reports as it happens', () => {
  it('is held when the sentence opens on its days and the congress "diễn ra"', () => {
    const text =
      'Ngày 14 và 15/9/2023, Đại hội đại biểu toàn quốc Hội Người cao tuổi Việt Nam lần thứ V diễn ra tại Hà Nội.'
    expect(run(text, null).events.map((e) => [e.ordinal, e.status])).toEqual([[5, 'held']])
  })
  it('stays planned when the verb is future', () => {
    const text =
      'Ngày 14 và 15/9/2030, Đại hội đại biểu toàn quốc Hội Người cao tuổi Việt Nam lần thứ VII sẽ diễn ra tại Hà Nội.'
    expect(run(text, null).events.map((e) => [e.ordinal, e.status])).toEqual([[7, 'planned']])
  })
  it('is held when the congress presents its executive committee', () => {
    const text =
      'Chiều 8/10, Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh Bến Tre lần thứ XI công bố Ban Chấp hành khóa mới.'
    expect(run(text, null).events.map((e) => [e.ordinal, e.status])).toEqual([[11, 'held']])
  })
})
