/**
 * Forms found on the session-5 dev part (issue #11), one test per general rule, on sentences written for
 * these tests: a congress's ceremonial session ("phiên trọng thể") reports it under way, a congress whose
 * days include the publication day is under way, and an undated page takes the last day of a dated range
 * as its "now".
 */
import { describe, expect, it } from 'vitest'
import { docRows, eventRows, run } from './test-kit.ts'

const FIELDS = ['organization', 'ordinal', 'status'] as const

const VETERANS =
  'Đại hội đại biểu toàn quốc Hội Cựu chiến binh Việt Nam lần thứ VII diễn ra trong hai ngày 10 và 11/10/2022 tại Hà Nội.'
const UNION = (cue: string) =>
  `Đại hội Công đoàn tỉnh lần thứ XV ${cue}diễn ra trong hai ngày 3 và 4/8/2023 tại hội trường tỉnh.`

// [rule, text, publication date, expected organization, ordinal, status]
describe.each([
  [
    'the ceremonial session ("phiên trọng thể") reports the congress held, with no other cue',
    'Tại Hà Nội, phiên trọng thể Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII có 1.000 đại biểu dự.',
    null,
    ['farmers_union', 8, 'held'],
  ],
  [
    'without the session word the congress is left to the other rules',
    'Đại hội đại biểu toàn quốc Hội Nông dân Việt Nam lần thứ VIII có nhiều nội dung mới.',
    null,
    ['farmers_union', 8, 'unknown'],
  ],
  [
    'days that include the publication day: under way, so held',
    VETERANS,
    '2022-10-10',
    ['veterans', 7, 'held'],
  ],
  ['published the day before its days: still planned', VETERANS, '2022-10-09', ['veterans', 7, 'planned']],
  [
    'an undated page takes the last day of a dated range as now: a congress held over those days was held',
    UNION(''),
    null,
    ['trade_union', 15, 'held'],
  ],
  [
    'an undated page still reads a future cue before the dates',
    UNION('sẽ '),
    null,
    ['trade_union', 15, 'planned'],
  ],
] as const)('event status: %s', (_rule, text, published, expected) => {
  it('reads organization, ordinal and status', () => {
    expect(eventRows(text, published, FIELDS)).toEqual([expected])
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

describe('a ministry written by its short name', () => {
  it.each([
    [
      'Thông tư số 07/2019/TT-BNNPTNT ngày 3/5/2019 của Bộ trưởng Bộ NN&PTNT',
      'Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn',
    ],
    ['Quyết định số 12/QĐ-BGDĐT ngày 2/1/2024 của Bộ GD&ĐT về tuyển sinh', 'Bộ Giáo dục và Đào tạo'],
  ])('"%s" is issued by "%s"', (text, issuer) => {
    expect(docRows(text, '2024-06-01', ['issuer']).map(([i]) => i)).toEqual([issuer])
  })
})

describe('a header table broken over narrow lines', () => {
  it.each([
    ['ỦY\nBAN NHÂN DÂN\nTỈNH HÀ GIANG', 'Số:\n52/KH-UBND'],
    ['ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG', 'Số: 52/KH-UBND'],
  ])('names the issuer above the motto split into "CỘNG" / "HÒA …"', (block, numberRow) => {
    const text =
      `${block}\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n` +
      `---------------\n|\n${numberRow}\n|\nHà Giang, ngày 4 tháng 3 năm 2024\n|\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024`
    expect(docRows(text, null, ['number', 'issuer', 'date'])).toEqual([
      ['52', 'Ủy ban nhân dân tỉnh Hà Giang', '2024-03-04'],
    ])
  })
})
