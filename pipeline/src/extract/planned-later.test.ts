/**
 * An event's plan told in a later sentence by its bare name ("… hội nghị dự kiến tổ chức trong quý I năm
 * 2027"): the planned time goes to the congress or conference named before (merge.ts plannedLater), so the
 * behind-schedule view knows it. Sentences are written here in our own words.
 */
import { describe, expect, it } from 'vitest'
import { run } from './test-kit.ts'

const planned = (text: string) =>
  run(text, '2026-10-23', null).events.map((e) => [e.kind, e.status, e.planned_start, e.planned_end])

const CONFERENCE =
  'Sở Nội vụ xây dựng kế hoạch tổ chức Hội nghị điển hình tiên tiến tỉnh Gia Lai lần thứ II, giai đoạn 2026-2031.'

describe('a planned time told later by the bare name (merge.ts)', () => {
  it.each([
    [
      `${CONFERENCE} Theo kế hoạch, hội nghị dự kiến tổ chức trong quý I năm 2027 tại tỉnh.`,
      '2027-01-01',
      '2027-03-31',
    ],
    [`${CONFERENCE} Hội nghị sẽ diễn ra vào ngày 15/3/2027.`, '2027-03-15', '2027-03-15'],
    [`${CONFERENCE} Hội nghị lần này dự kiến khai mạc trong tháng 4/2027.`, '2027-04-01', '2027-04-30'],
  ])('%s', (text, start, end) => {
    expect(planned(text)).toEqual([['hoi_nghi_dien_hinh', 'planned', start, end]])
  })

  it('takes no time from the next sentence, no term for a date, and no conference for a congress', () => {
    for (const text of [
      `${CONFERENCE} Hội nghị sẽ được chuẩn bị chu đáo. Ngày 15/3/2027 các sở báo cáo kết quả.`,
      `${CONFERENCE} Hội nghị sẽ tôn vinh các điển hình giai đoạn 2021-2025.`,
      `${CONFERENCE} Đại hội dự kiến tổ chức vào tháng 5/2027.`,
    ])
      expect(planned(text).map(([, , start]) => start)).toEqual([null])
  })
})
