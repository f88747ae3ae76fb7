/**
 * Mentions that lean on another mention of the same text: a bare congress tied to a level ("Cấp tỉnh
 * tổ chức "Đại hội Thi đua yêu nước"...") is the full one of that level; a document restated in brackets
 * takes the sentence's issuer; coordinated documents share an issuer written after the last of them.
 * Texts written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { extract } from './extract.ts'
import { findPlaces } from './places.ts'
import { docRows, eventObjects, readCases, run, type SentenceCase } from './test-kit.ts'

const eventsOf = (text: string, published: string) =>
  eventObjects(text, published, [
    'kind',
    'surface',
    'scope',
    'province_code',
    'ordinal',
    'status',
    'time_start',
    'time_end',
  ]).map(({ time_start, time_end, ...e }) => ({
    ...e,
    time: time_start ? `${time_start}..${time_end}` : null,
  }))

const CASES = readCases<{
  readonly merged: ReadonlyArray<
    SentenceCase<{ readonly event: Record<string, unknown>; readonly mentions: string[] }>
  >
}>('coreference')

describe('one entity from the full and the partial mentions of an event', () => {
  it.each(CASES.merged)('$form', ({ text, published, want }) => {
    const evs = eventsOf(text, published ?? '')
    expect(evs).toHaveLength(1)
    expect(evs[0]).toMatchObject(want.event)
    // Each mention's surface, and the text its span covers.
    const mentions = run(text, published ?? null).events[0]?.mentions ?? []
    expect(mentions.map((m) => m.surface)).toEqual(want.mentions)
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(want.mentions)
  })
})

describe('a bare congress or conference tied to a level', () => {
  it('reads the level after the head and a quarter as the time', () => {
    const text =
      'Ban Thi đua - Khen thưởng tỉnh Nghệ An chuẩn bị Đại hội thi đua yêu nước tỉnh Nghệ An lần thứ V. ' +
      'Theo hướng dẫn, Đại hội thi đua yêu nước cấp tỉnh được tổ chức trong quý III/2025.'
    const evs = eventsOf(text, '2025-02-10')
    expect(evs).toHaveLength(1)
    expect(evs[0]).toMatchObject({ province_code: '40', ordinal: 5, time: '2025-07-01..2025-09-30' })
  })

  it('works for a city conference named by "cấp thành phố"', () => {
    const text =
      'Thành phố Đà Lạt chuẩn bị Hội nghị điển hình tiên tiến thành phố Đà Lạt lần thứ IV. Cấp thành phố ' +
      'tổ chức Hội nghị điển hình tiên tiến trong tháng 5/2025.'
    const evs = eventsOf(text, '2025-01-15')
    expect(evs.map((e) => [e.scope, e.ordinal, e.time])).toEqual([['city', 4, '2025-05-01..2025-05-31']])
  })

  it('stays out when no level word sits right before it, or the level names several events', () => {
    // The enterprises' own congresses are not the province's.
    const own =
      'Hướng tới Đại hội thi đua yêu nước tỉnh Bắc Ninh lần thứ VI, các doanh nghiệp trên địa bàn tỉnh tổ ' +
      'chức "Đại hội thi đua yêu nước" trong tháng 4/2025.'
    expect(eventsOf(own, '2025-01-02').map((e) => e.surface)).toEqual([
      'Đại hội thi đua yêu nước tỉnh Bắc Ninh lần thứ VI',
    ])
    // Two provinces' congresses: "cấp tỉnh" cannot say which.
    const two =
      'Đại hội thi đua yêu nước tỉnh Cao Bằng lần thứ VI và Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI ' +
      'đều đã có kế hoạch. Cấp tỉnh tổ chức Đại hội thi đua yêu nước trong tháng 9/2025.'
    expect(eventsOf(two, '2025-01-02')).toHaveLength(2)
  })

  it('gives a planned event with only a year that year as its time, but not a held one', () => {
    const text =
      'Tỉnh phấn đấu tổ chức thành công Đại hội Thi đua yêu nước tỉnh Hà Tĩnh lần thứ VI năm 2025. Từ sau ' +
      'Đại hội thi đua yêu nước tỉnh Hà Tĩnh lần thứ V (năm 2020), phong trào phát triển rộng khắp.'
    const evs = eventsOf(text, '2024-12-20')
    expect(evs.find((e) => e.ordinal === 6)).toMatchObject({
      status: 'planned',
      time: '2025-01-01..2025-12-31',
    })
    expect(evs.find((e) => e.ordinal === 5)).toMatchObject({ status: 'held', time: null })
  })

  it('reads a day range written without "ngày" when it has a year', () => {
    const text = 'Đại hội Thi đua yêu nước tỉnh Quảng Bình lần thứ IV dự kiến diễn ra từ 7 đến 14/9/2015.'
    expect(eventsOf(text, '2015-06-22')[0]?.time).toBe('2015-09-07..2015-09-14')
    // Without a year it may be a count ("tăng từ 7 đến 14/9 chỉ tiêu"): no time.
    expect(extract('Tăng từ 7 đến 14/9 chỉ tiêu.', { id: 't', published: '2015-06-22' }).times).toEqual([])
  })

  it("does not take a plan's issue date as the time of the event it plans", () => {
    const text =
      'UBND huyện ban hành Kế hoạch số 45/KH-UBND ngày 3 tháng 9 năm 2024 về tổ chức Hội nghị điển hình tiên ' +
      'tiến huyện Mường Tè lần thứ III.'
    expect(eventsOf(text, '2024-09-10')[0]?.time).toBeNull()
  })
})

const docsOf = (text: string) =>
  docRows(text, '2024-06-12', ['type', 'number', 'symbol', 'issuer', 'issuer_level'])

describe('document issuers named once for several mentions', () => {
  it('a bracketed restatement takes the subject of its sentence', () => {
    expect(
      docsOf(
        'Ủy ban nhân dân tỉnh vừa ban hành Kế hoạch triển khai phong trào thi đua năm 2024 (Kế hoạch số 77/KH-UBND ngày 2/2/2024).'
      )
    ).toEqual([['plan', '77', 'KH-UBND', 'Ủy ban nhân dân tỉnh', 'province']])
    // A subject that cannot issue this symbol is not taken.
    expect(docsOf('Tỉnh ủy ban hành Kế hoạch thực hiện (Kế hoạch số 15/KH-UBND).')).toEqual([
      ['plan', '15', 'KH-UBND', null, 'province'],
    ])
  })

  it('coordinated mentions share an issuer written after the last one', () => {
    expect(docsOf('Quán triệt Nghị quyết 26 và Chỉ thị 34 của Bộ Chính trị đến cán bộ.')).toEqual([
      ['resolution', '26', null, 'Bộ Chính trị', 'party_central'],
      ['directive', '34', null, 'Bộ Chính trị', 'party_central'],
    ])
    expect(docsOf('Thực hiện Chỉ thị 34 của Trung ương về thi đua.')).toEqual([
      ['directive', '34', null, 'Trung ương', 'party_central'],
    ])
    // A written issuer of its own is kept.
    expect(docsOf('Kế hoạch số 5 của UBND tỉnh và Chỉ thị 41 của Bộ Chính trị.')).toEqual([
      ['plan', '5', null, 'Ủy ban nhân dân tỉnh', 'province'],
      ['directive', '41', null, 'Bộ Chính trị', 'party_central'],
    ])
  })
})

describe('place names that are not places', () => {
  it('skips the person and the bodies named after Hồ Chí Minh, keeps the city', () => {
    const names = (t: string) => findPlaces(t).map((p) => p.code_2025)
    expect(names('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh')).toEqual([])
    expect(
      names('Đoàn TNCS Hồ Chí Minh, Đội TNTP Hồ Chí Minh, Học viện Chính trị quốc gia Hồ Chí Minh')
    ).toEqual([])
    expect(names('Giải thưởng Hồ Chí Minh; "Hồ Chí Minh toàn tập"; châu Á - Thái Bình Dương')).toEqual([])
    expect(names('Đoàn đại biểu Thành phố Hồ Chí Minh đến Thái Bình; sau đó về Hồ Chí Minh.')).toEqual([
      '79',
      '33', // Thái Bình went into Hưng Yên (33) in 2025
      '79',
    ])
  })
})
