/**
 * Forms found on the session-5 dev part (issue #11), one test per general rule, on sentences written for
 * these tests: a congress's ceremonial session ("phiên trọng thể") reports it under way, a congress whose
 * days include the publication day is under way, and an undated page takes the last day of a dated range
 * as its "now".
 */
import { describe, expect, it } from 'vitest'
import { eventRows, run } from './test-kit.ts'

const FIELDS = ['organization', 'ordinal', 'status'] as const

describe('the ceremonial session of a congress', () => {
  it('reports the congress held, with no publication date and no other cue', () => {
    const text =
      'Tại Hà Nội, phiên trọng thể Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII có 1.000 đại biểu dự.'
    expect(eventRows(text, null, FIELDS)).toEqual([['farmers_union', 8, 'held']])
  })

  it('leaves a congress without the session word to the other rules', () => {
    const text = 'Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII có nhiều nội dung mới.'
    expect(eventRows(text, null, FIELDS)).toEqual([['farmers_union', 8, 'unknown']])
  })
})

describe('a congress whose days include the publication day', () => {
  const text =
    'Đại hội đại biểu toàn quốc Hội Cựu chiến binh Việt Nam lần thứ VII diễn ra trong hai ngày 10 và 11/10/2022 tại Hà Nội.'

  it('is under way, so held, when published on its first day', () => {
    expect(eventRows(text, '2022-10-10', FIELDS)).toEqual([['veterans', 7, 'held']])
  })

  it('is still planned when published the day before', () => {
    expect(eventRows(text, '2022-10-09', FIELDS)).toEqual([['veterans', 7, 'planned']])
  })
})

describe('an undated page with a dated range', () => {
  it('takes the range’s last day as now: a congress held over those days was held', () => {
    const text = 'Đại hội Công đoàn tỉnh lần thứ XV diễn ra trong hai ngày 3 và 4/8/2023 tại hội trường tỉnh.'
    expect(eventRows(text, null, FIELDS)).toEqual([['trade_union', 15, 'held']])
  })

  it('still reads a future cue before the dates', () => {
    const text =
      'Đại hội Công đoàn tỉnh lần thứ XV sẽ diễn ra trong hai ngày 3 và 4/8/2023 tại hội trường tỉnh.'
    expect(eventRows(text, null, FIELDS)).toEqual([['trade_union', 15, 'planned']])
  })
})

describe('a term written short', () => {
  it.each([
    ['NK 2022-2027', '2022-2027'],
    ['nhiệm kì 2022 - 2027', '2022-2027'],
  ])('reads "%s" as the congress’s term', (term, period) => {
    const text = `Chào mừng Đại hội Hội Cựu chiến binh xã Tân Lập lần thứ 8 ${term}.`
    expect(eventRows(text, '2022-05-01', ['ordinal', 'period'])).toEqual([[8, period]])
  })
})

describe('"lấn thứ", a common typo of "lần thứ"', () => {
  it('still gives the congress its ordinal', () => {
    const text = 'Các cấp Hội thi đua thực hiện Nghị quyết Đại hội Đảng toàn quốc lấn thứ XIII.'
    expect(eventRows(text, '2023-05-01', FIELDS)).toEqual([['party', 13, 'held']])
  })

  it('leaves the verb "lấn" alone elsewhere', () => {
    const text = 'Tình trạng lấn chiếm vỉa hè giảm sau Đại hội Đảng toàn quốc lần thứ XIII.'
    expect(run(text, '2023-05-01').events.map((e) => e.surface)).toEqual([
      'Đại hội Đảng toàn quốc lần thứ XIII',
    ])
  })
})
