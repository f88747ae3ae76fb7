/**
 * Session 8 (issues #11 and #16): general causes of misses found on the new dev batch b52. Every sentence
 * here is written in our own words; each test fails with its rule taken out.
 */
import { describe, expect, it } from 'vitest'
import { rel } from './relations-testkit.ts'
import { docRows, eventRows, run } from './test-kit.ts'

describe('the day of another act about an event is not the event’s time', () => {
  // A press briefing, publicity or an inspection held before the congress, on a day opening the sentence.
  it.each([
    'Chiều ngày 02/3/2026, Hội Nông dân tỉnh Hòa Bình tổ chức họp báo thông tin về Đại hội đại biểu Hội Nông dân tỉnh Hòa Bình lần thứ XI.',
    'Sáng 02/3/2026, Ban Tuyên giáo tỉnh tổ chức tuyên truyền về Đại hội đại biểu Hội Nông dân tỉnh Hòa Bình lần thứ XI.',
    'Ngày 02/3/2026, đoàn công tác của tỉnh kiểm tra công tác chuẩn bị Đại hội đại biểu Hội Nông dân tỉnh Hòa Bình lần thứ XI.',
  ])('%s', (text) => {
    const [e] = run(text, '2026-03-05').events
    expect(e?.ordinal).toBe(11)
    expect(e?.time_start ?? null).toBeNull()
    expect(e?.held_on ?? null).toBeNull()
    expect(e?.status).not.toBe('held')
  })

  it('keeps the day when the sentence reports the congress itself', () => {
    const text = 'Ngày 02/3/2026, Hội Nông dân tỉnh Hòa Bình tổ chức Đại hội đại biểu lần thứ XI.'
    expect(eventRows(text, '2026-03-05', ['ordinal', 'status', 'held_on'])).toEqual([
      [11, 'held', '2026-03-02'],
    ])
  })

  it('lets the later "sẽ diễn ra" decide a congress first met in a press-briefing sentence', () => {
    const text =
      'Chiều 02/3/2026, Hội LHPN tỉnh Lai Châu tổ chức họp báo về Đại hội đại biểu Phụ nữ tỉnh Lai Châu lần thứ XVI.\n' +
      'Theo đó, Đại hội đại biểu Phụ nữ tỉnh Lai Châu lần thứ XVI sẽ diễn ra ngày 20/3/2026.'
    expect(eventRows(text, '2026-03-05', ['ordinal', 'status', 'planned_start'])).toEqual([
      [16, 'planned', '2026-03-20'],
    ])
  })
})

describe('event status from the words near the event', () => {
  it('reads a congress whose numbered resolution is cited as held', () => {
    const text =
      'Căn cứ Nghị quyết số 02-NQ/ĐH ngày 20/9/2020 của Đại hội đại biểu Đảng bộ tỉnh Cà Mau lần thứ XVI về phương hướng 5 năm.'
    expect(eventRows(text, null, ['organization', 'ordinal', 'status'])).toEqual([['party', 16, 'held']])
  })

  it('reads a news lead opening on its day without a comma as held', () => {
    const text = 'Ngày 14-8 Sở Tư pháp tổ chức Hội nghị điển hình tiên tiến giai đoạn 2021-2025.'
    expect(eventRows(text, null, ['kind', 'status'])).toEqual([['hoi_nghi_dien_hinh', 'held']])
  })

  it('still reads a future word before the head as planned', () => {
    const text = 'Ngày 14-8 Sở Tư pháp sẽ tổ chức Hội nghị điển hình tiên tiến giai đoạn 2021-2025.'
    expect(eventRows(text, null, ['kind', 'status'])).toEqual([['hoi_nghi_dien_hinh', 'planned']])
  })
})

// A decision's preamble, one line per ground.
const PREAMBLE = [
  'Số: 120/QĐ-TTg',
  'QUYẾT ĐỊNH',
  'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;',
  'Xét đề nghị của Chủ tịch Ủy ban nhân dân tỉnh Lai Châu (Tờ trình số 45/TTr-UBND ngày 02/3/2026) và Trưởng ban Ban Thi đua - Khen thưởng Trung ương (Tờ trình số 310/TTr-BTĐKT ngày 10/3/2026),',
  'QUYẾT ĐỊNH:',
].join('\n')

describe('relations: the submissions named after "Xét đề nghị"', () => {
  it('cites each submission given in brackets after its proposer', () => {
    expect(rel(PREAMBLE)).toEqual(['120 cites 310', '120 cites 45', '120 cites 98'])
  })

  it('gives the submission in brackets its proposer as issuer', () => {
    const rows = docRows(PREAMBLE, null, ['number', 'issuer']).filter(([n]) => n === '45')
    expect(rows).toEqual([['45', 'Chủ tịch Ủy ban nhân dân tỉnh Lai Châu']])
  })
})

describe('document numbers read in full when the symbol is split from them', () => {
  // Written form → number and symbol read, one line per form.
  it.each([
    ['Thực hiện Nghị quyết số 36\nNQ/TW ngày 01/7/2022 của Bộ Chính trị.', '36', 'NQ/TW'],
    ['Bãi bỏ Quyết định số 55 QĐ/TWĐTN ngày 3/3/2015 của Ban Bí thư.', '55', 'QĐ/TWĐTN'],
    ['Xét Tờ trình số 210/TTr -\nSNN&PTNT ngày 4/4/2019 của Sở.', '210', 'TTr-SNN&PTNT'],
    ['Căn cứ Công văn số 902/SGDĐT- GDTrH ngày 5/9/2016 của Sở.', '902', 'SGDĐT-GDTrH'],
  ])('%s', (text, number, symbol) => {
    expect(docRows(text, null, ['number', 'symbol'])).toEqual([[number, symbol]])
  })

  it('takes no word after a spaced dash or a line break for a symbol', () => {
    expect(docRows('Theo Quyết định số 12/QĐ - Trường học đã nêu.', null, ['number', 'symbol'])).toEqual([
      ['12', null],
    ])
    expect(docRows('Kế hoạch số 7\nKH trường năm học mới.', null, ['number', 'symbol'])).toEqual([
      ['7', null],
    ])
  })
})

describe('congresses of associations outside the organisation list', () => {
  it.each([
    [
      'Ngày 12/12, Hội Khuyến học (HKH) huyện Mường Tè tổ chức Đại hội lần thứ IV, nhiệm kỳ 2024 - 2029.',
      'district',
      4,
    ],
    ['Hội Khuyến học Lai Châu vừa tổ chức Đại hội đại biểu khóa VI, nhiệm kỳ 2025-2030.', 'province', 6],
    ['Phát biểu của lãnh đạo tỉnh tại Đại hội Hội VHNT tỉnh Lai Châu lần thứ V.', 'province', 5],
  ])('%s', (text, scope, ordinal) => {
    expect(eventRows(text, null, ['kind', 'organization', 'scope', 'ordinal', 'status'])).toEqual([
      ['other', 'other', scope, ordinal, 'held'],
    ])
  })

  it('still needs an ordinal after a subject association ("… tổ chức Đại hội nhiệm kỳ …" is no single congress)', () => {
    expect(run('Hội Khuyến học (HKH) các xã đã tổ chức Đại hội nhiệm kỳ 2024 - 2029.', null).events).toEqual(
      []
    )
  })
})
