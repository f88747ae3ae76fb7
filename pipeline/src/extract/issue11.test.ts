/**
 * The forms of issue #11, one test per cause, on texts written for these tests (not the gold set's).
 */
import { describe, expect, it } from 'vitest'
import { docRows, eventRows, itReads, readCases, run as runAt, type SentenceCase } from './test-kit.ts'

const run = (text: string, published: string | null = '2025-03-10', province?: string) =>
  runAt(text, published, province ?? null)
const events = (text: string, published: string | null = '2025-03-10', province?: string) =>
  eventRows(
    text,
    published,
    ['kind', 'organization', 'scope', 'province_code', 'ordinal', 'status'],
    province ?? null
  )
const docs = (text: string, published: string | null = '2025-03-10') =>
  docRows(text, published, ['type', 'number', 'symbol', 'date', 'issuer'])

const CASES = readCases<{
  readonly organisations: ReadonlyArray<SentenceCase<Array<[string | null, string, number | null]>>>
  readonly statuses: ReadonlyArray<SentenceCase<string[]>>
}>('issue11')

describe('cause 1: congresses of the Party and the mass organisations (kind other)', () => {
  it('reads the national and provincial Party congress forms', () => {
    expect(
      events('Thi đua chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.', '2025-06-01')
    ).toEqual([['other', 'party', 'national', null, 14, 'planned']])
    expect(events('Quán triệt Nghị quyết Đại hội XIII của Đảng.', '2022-03-01')).toEqual([
      ['other', 'party', 'national', null, 13, 'held'],
    ])
    expect(events('Hướng tới Đại hội Đảng bộ tỉnh Gia Lai lần thứ XVII.', '2025-05-01')).toEqual([
      ['other', 'party', 'province', '52', 17, 'planned'],
    ])
  })
  itReads(CASES.organisations, (text) => run(text).events.map((e) => [e.organization, e.scope, e.ordinal]))
  it('keeps emulation congresses with a null organisation and skips a congress with no ordinal or date', () => {
    expect(events('Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI đã diễn ra.')).toEqual([
      ['dai_hoi_thi_dua', null, 'province', '20', 6, 'held'],
    ])
    expect(events('Đại hội Hội Nông dân tỉnh Lạng Sơn đã thành công.')).toEqual([])
  })
})

describe('cause 2: one entity per document and event, with every mention', () => {
  // A headline, an ALL-CAPS repeat and "Đại hội lần này" merged into one event: cases/coreference.json.
  it('merges a short back-reference into the full document and keeps its fields', () => {
    const x = run('Chỉ thị số 41-CT/TW ngày 10/4/2025 của Ban Bí thư. Thực hiện Chỉ thị 41, các cấp thi đua.')
    expect(x.documents.map((d) => [d.number, d.symbol, d.date, d.issuer, d.mentions?.length])).toEqual([
      ['41', 'CT/TW', '2025-04-10', 'Ban Bí thư', 2],
    ])
  })
  it('invents no ordinal: a partial mention that fits no full one stays apart', () => {
    const evs = run(
      'Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ V; Đại hội thi đua yêu nước tỉnh Cao Bằng năm 2020.'
    ).events
    expect(evs.map((e) => [e.province_code, e.ordinal, e.year])).toEqual([
      ['20', 5, null],
      ['04', null, 2020],
    ])
  })
})

describe('cause 3: issue dates away from the number', () => {
  it('reads a header block, a table row, a metadata row and an ALL-CAPS title', () => {
    expect(
      docs('UỶ BAN NHÂN DÂN\nTỈNH HÀ NAM\n-----\nSố: 61/KH-UBND\n\nHà Nam, ngày 9 tháng 4 năm 2024\nKẾ HOẠCH')
    ).toEqual([['plan', '61', 'KH-UBND', '2024-04-09', 'Ủy ban nhân dân tỉnh Hà Nam']])
    expect(docs('Số: 7/QĐ-UBND | Huế, ngày 2 tháng 1 năm 2025 |')[0]![3]).toBe('2025-01-02')
    expect(docs('Số hiệu: 90/KH-UBND\nNgày ban hành: 03/05/2023\nTrích yếu: thi đua')[0]![3]).toBe(
      '2023-05-03'
    )
    expect(docs('QUYẾT ĐỊNH SỐ 12/QĐ-UBND NGÀY 8 THÁNG 2 NĂM 2024 VỀ KHEN THƯỞNG')[0]!.slice(0, 4)).toEqual([
      'decision',
      '12',
      'QĐ-UBND',
      '2024-02-08',
    ])
  })
  it('reads a day before the issuer mid-sentence, and a day after a lead-in, dateline or title line', () => {
    expect(
      docs(
        'Thực hiện Kết luận số 83-KL/TW, ngày 2/8/2024, UBND tỉnh đã ban hành Kế hoạch số 99/KH-UBND về thi đua.'
      )
    ).toEqual([
      ['conclusion', '83', 'KL/TW', null, null],
      ['plan', '99', 'KH-UBND', '2024-08-02', 'Ủy ban nhân dân tỉnh'],
    ])
    expect(docs('(Báo Lào Cai) - Ngày 3/3/2025, UBND tỉnh ban hành Kế hoạch số 50/KH-UBND.')[0]![3]).toBe(
      '2025-03-03'
    )
    expect(
      docs('Thứ Hai, 03/03/2025 | 08:10\nNgày 28/2/2025, Tỉnh ủy ban hành Chỉ thị số 9-CT/TU.')[0]![3]
    ).toBe('2025-02-28')
    expect(
      docs('Tăng cường thi đua năm 2025\nNgày 28/2/2025, Tỉnh ủy ban hành Chỉ thị số 9-CT/TU.')[0]![3]
    ).toBe('2025-02-28')
  })
  it('reads other issuing verbs and a Quốc hội session', () => {
    expect(docs('Ngày 4/3/2025, Sở Nội vụ có Công văn số 300/SNV-TĐKT hướng dẫn.')[0]![3]).toBe('2025-03-04')
    expect(docs('Ngày 4/3/2025, UBND huyện có văn bản số 31/UBND-VP gửi các xã.')[0]![3]).toBe('2025-03-04')
    expect(docs('Ngày 6/3/2025, Chủ tịch UBND tỉnh ký ban hành Quyết định số 401/QĐ-UBND.')[0]![3]).toBe(
      '2025-03-06'
    )
    expect(docs('Sáng 7/3/2025, tại kỳ họp thứ 9, Quốc hội thông qua Nghị quyết số 190/2025/QH15.')).toEqual([
      ['resolution', '190', 'QH15', '2025-03-07', 'Quốc hội'],
    ])
  })
  it('reads issuers written as a steering board, a minister or a proposer', () => {
    expect(
      docs(
        'Căn cứ Thông báo số 05-TB/BCĐTW, ngày 3/3/2025 của Ban Chỉ đạo Trung ương về chuyển đổi số trong các cơ quan Đảng; các đơn vị triển khai.'
      )[0]![4]
    ).toBe('Ban Chỉ đạo Trung ương về chuyển đổi số trong các cơ quan Đảng')
    expect(docs('Căn cứ Thông tư số 05/2024/TT-BNV ngày 1/4/2024 của Bộ trưởng Bộ Nội vụ;')[0]![4]).toBe(
      'Bộ trưởng Bộ Nội vụ'
    )
    expect(docs('Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 88/TTr-SNV ngày 2/5/2024.')[0]![4]).toBe(
      'Giám đốc Sở Nội vụ'
    )
  })
  it('says an issuer known only from the symbol through its level, not as a name', () => {
    const d = run('Theo Kế hoạch số 12/KH-UBND.').documents[0]!
    expect([d.issuer, d.issuer_level, d.issuer_basis, d.symbol_issuer]).toEqual([
      null,
      'province',
      'symbol',
      'UBND',
    ])
  })
})

describe('cause 4: symbols glued, spaced, uncommon, kept as written', () => {
  it('reads each form', () => {
    expect(docs('Thông báo số 45-TB/TWngày 9 tháng 3 năm 2022 của Ban Bí thư')).toEqual([
      ['notice', '45', 'TB/TW', '2022-03-09', 'Ban Bí thư'],
    ])
    expect(docs('Quyết định số 88/QĐ - TTg')[0]![2]).toBe('QĐ-TTg')
    expect(docs('Công văn số 77/VPUBND-KGVX')[0]![2]).toBe('VPUBND-KGVX')
    expect(docs('Chỉ thị số 22/CT-TW')[0]![2]).toBe('CT-TW')
    expect(docs('CHỈ THỊ SỐ 19/CT-TTG')[0]![2]).toBe('CT-TTg')
  })
})

describe('cause 5: scope and place from context', () => {
  it('takes the clause subject, the article province and a workers sector', () => {
    expect(
      events('Sáng 12/9, tỉnh Bắc Ninh tổ chức Đại hội Thi đua yêu nước lần thứ VI.', '2025-09-12')
    ).toEqual([['dai_hoi_thi_dua', null, 'province', '24', 6, 'held']])
    // No province in the text: the source's own (2008 code 62, Kon Tum, now 51).
    expect(events('Đại hội Thi đua yêu nước tỉnh lần thứ VIII sẽ diễn ra.', '2020-08-01', '62')).toEqual([
      ['dai_hoi_thi_dua', null, 'province', '51', 8, 'planned'],
    ])
    const sector = run(
      'Đại hội thi đua yêu nước trong công nhân, viên chức, lao động tỉnh An Giang lần thứ IV đã diễn ra.'
    ).events[0]!
    expect([sector.scope, sector.place, sector.ordinal]).toEqual([
      'sector',
      'công nhân, viên chức, lao động tỉnh An Giang',
      4,
    ])
  })
})

describe('cause 5: an organisation named as the subject, its sector, and the place of a sector congress', () => {
  it('reads "Đảng bộ xã X tổ chức Đại hội đại biểu lần thứ I" as that unit\'s Party congress', () => {
    expect(
      events(
        'Sáng 3/7, Đảng bộ phường Tân Phong tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 - 2030.',
        null
      )
    ).toEqual([['other', 'party', 'commune', null, 1, 'held']])
    const one = run('Hội Khuyến học xã Mỹ An tổ chức Đại hội lần thứ III.', null).events
    expect(one.map((e) => [e.organization, e.scope, e.place, e.ordinal])).toEqual([
      ['other', 'commune', 'Mỹ An', 3],
    ])
  })
  it('places a sector congress by the organisation and the sector', () => {
    const dept = run('Chiều 9/6, Đảng bộ Sở Tài chính đã tổ chức Đại hội lần thứ I.', null, '26').events
    expect(dept.map((e) => [e.organization, e.scope, e.place, e.province_code, e.status])).toEqual([
      ['party', 'sector', 'Đảng bộ Sở Tài chính', '25', 'held'],
    ])
    const army = run(
      'Đại hội đại biểu Đoàn Thanh niên Cộng sản Hồ Chí Minh Bộ Quốc phòng lần thứ X đã bế mạc.'
    ).events
    expect(army.map((e) => [e.organization, e.scope, e.place])).toEqual([
      ['youth_union', 'sector', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh Bộ Quốc phòng'],
    ])
  })
  it('emits no congress for many units that held theirs, with no ordinal', () => {
    expect(events('Các Đảng bộ trực thuộc đã tổ chức thành công Đại hội nhiệm kỳ 2025-2030.', null)).toEqual(
      []
    )
  })
})

describe('status from tense and cue words (issue #11)', () => {
  const status = (text: string, published: string | null = null) =>
    run(text, published).events.map((e) => e.status)
  itReads(CASES.statuses, status)
  it('reads a news lead on the day after an opening clause or with a span of days', () => {
    const sector = run(
      'Trong không khí tháng Năm, sáng 18/5, Sở Y tế tổ chức Đại hội Thi đua yêu nước giai đoạn 2020-2025.',
      null,
      '40'
    ).events
    expect(sector.map((e) => [e.scope, e.place, e.status])).toEqual([['sector', 'Sở Y tế', 'held']])
    expect(
      events(
        'Trong 2 ngày 20 - 21/11, tại thành phố Vinh, UBND tỉnh Nghệ An tổ chức Đại hội đại biểu các dân tộc thiểu số tỉnh lần thứ IV.',
        null
      )
    ).toEqual([['other', 'ethnic_minorities', 'province', '40', 4, 'held']])
  })
})

describe('commendation conferences, terms and dates of congresses (issue #11)', () => {
  const fields = (text: string, published: string | null = null) =>
    run(text, published).events.map((e) => [
      e.kind,
      e.scope,
      e.place,
      e.province_code,
      e.ordinal,
      e.year,
      e.period,
    ])
  it('reads two commendation verbs, a summing-up conference and a results conference', () => {
    expect(fields('Bộ tổ chức Hội nghị biểu dương, tôn vinh điển hình tiên tiến toàn quốc.')).toEqual([
      ['hoi_nghi_dien_hinh', 'national', null, null, null, null, null],
    ])
    expect(
      fields(
        'Chiều 2/9, xã Tân Lập tổ chức hội nghị tổng kết, tuyên dương điển hình tiên tiến thực hiện phong trào thi đua yêu nước giai đoạn 2020-2025.'
      )
    ).toEqual([['hoi_nghi_dien_hinh', 'commune', 'Tân Lập', null, null, null, '2020-2025']])
    expect(
      fields(
        'UBND tỉnh Bắc Kạn vừa ban hành Kế hoạch số 30/KH-UBND về tổ chức hội nghị biểu dương kết quả phong trào thi đua năm 2024.'
      )
    ).toEqual([['hoi_nghi_dien_hinh', 'province', 'Bắc Kạn', '19', null, 2024, null]])
  })
  it('reads a year after a dash, a term number "khóa", and a name that stops at a line break', () => {
    expect(fields('Đại hội Thi đua yêu nước tỉnh Lạng Sơn lần thứ IV - năm 2015 đã diễn ra.')).toEqual([
      ['dai_hoi_thi_dua', 'province', 'Lạng Sơn', '20', 4, 2015, null],
    ])
    expect(fields('Đại hội đại biểu Hội Nông dân thị xã Sơn Tây khóa VIII đã bế mạc.')).toEqual([
      ['other', 'district', 'Sơn Tây', null, 8, null, null],
    ])
    expect(
      fields('Hội nghị biểu dương điển hình tiên tiến xã Tân Lập\n\nNgày 5/5, xã tổ chức hội nghị.')
    ).toEqual([['hoi_nghi_dien_hinh', 'commune', 'Tân Lập', null, null, null, null]])
  })
  it('gives a bare "xã" or "huyện" the one unit of that kind the text names, else no name', () => {
    expect(
      fields(
        'Chiều 17/8, xã Tân Hòa tổ chức hội nghị. Thi đua chào mừng Đại hội Đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030.'
      )
    ).toEqual([['other', 'commune', 'Tân Hòa', null, 1, null, '2025-2030']])
    expect(
      fields('Xã Tân Hòa và xã Phú Lộc quán triệt Nghị quyết Đại hội Đảng bộ huyện lần thứ XXV.')
    ).toEqual([['other', 'district', null, null, 25, null, null]])
  })
  it('reads the short form "ĐH thi đua yêu nước"', () => {
    expect(fields('ĐH thi đua yêu nước tỉnh Quảng Trị lần thứ VI đã bế mạc.')).toEqual([
      ['dai_hoi_thi_dua', 'province', 'Quảng Trị', '44', 6, null, null],
    ])
  })
  it("takes a sector event's province from the department that holds it", () => {
    expect(
      fields(
        'Sáng 6/8, Sở Y tế (SYT) tỉnh Nghệ An tổ chức Hội nghị tuyên dương điển hình tiên tiến ngành y tế giai đoạn 2020 - 2025.'
      )
    ).toEqual([['hoi_nghi_dien_hinh', 'sector', 'ngành y tế tỉnh Nghệ An', '40', null, null, '2020-2025']])
  })
  it('reads a unit after an organisation\'s national name, and "TP. X lần đầu tổ chức" as its first', () => {
    expect(fields('Bài hát của Đại hội lần thứ VI của Hội LHTN Việt Nam tỉnh Phú Yên.')).toEqual([
      ['other', 'province', 'Phú Yên', '66', 6, null, null],
    ])
    expect(fields('Khai mạc Đại hội Hội Chữ thập đỏ Việt Nam, tỉnh Hà Nam lần thứ X.')).toEqual([
      ['other', 'province', 'Hà Nam', '37', 10, null, null],
    ])
    const first = run(
      'Sáng 19/9, TP. Đà Nẵng lần đầu tổ chức Đại hội Thi đua yêu nước giai đoạn 2025 - 2030.',
      null
    ).events
    expect(first.map((e) => [e.scope, e.province_code, e.ordinal, e.status])).toEqual([
      ['province', '48', 1, 'held'],
    ])
  })
  it('gives a congress known by no ordinal or term the year of its date', () => {
    expect(
      fields('Đại hội đại biểu toàn quốc Hội Cựu chiến binh Việt Nam sẽ diễn ra từ ngày 20-22/11/2027.')
    ).toEqual([['other', 'national', null, null, null, 2027, null]])
  })
})

describe('cause 6: campaign wording variants', () => {
  const ids = (text: string) => run(text).campaigns.map((c) => c.id)
  it('reads each variant', () => {
    expect(ids('thi đua phát triển kết cấu hạ tầng hiện đại, thực hành tiết kiệm, chống lãng phí')).toEqual([
      'ha_tang_tiet_kiem',
    ])
    expect(ids('học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh')).toEqual([
      'hoc_tap_lam_theo_bac',
    ])
    expect(ids('hoàn thành xóa nhà ở tạm, dột nát trong năm 2025')).toEqual(['xoa_nha_tam'])
    expect(ids('Toàn dân tỉnh Vĩnh Long đoàn kết xây dựng đời sống văn hóa')).toEqual([
      'toan_dan_doan_ket_van_hoa',
    ])
    expect(ids('cuộc vận động "Ngày vì người nghèo"')).toEqual([])
  })
})

describe('cause 7: time ranges', () => {
  const times = (text: string) => run(text, '2025-02-01').times.map((t) => [t.start, t.end, t.granularity])
  it('reads "đến hết ngày" as one interval and a bracketed twenty-year span as a period', () => {
    expect(times('từ ngày 15/3 đến hết ngày 31/5/2025')).toEqual([['2025-03-15', '2025-05-31', 'range']])
    expect(times('giai đoạn (2005 - 2025)')).toEqual([['2005-01-01', '2025-12-31', 'period']])
  })
})

describe('events carry planned and held times (contract of issue #11)', () => {
  it('keeps the planned interval and the day held apart', () => {
    const text =
      'Đại hội thi đua yêu nước tỉnh Hà Nam lần thứ VI dự kiến tổ chức trong tháng 9/2025. ' +
      'Sáng 16/9/2025, Đại hội thi đua yêu nước tỉnh Hà Nam lần thứ VI đã khai mạc.'
    const e = run(text, '2025-09-17').events[0]!
    expect([e.status, e.planned_start, e.planned_end, e.held_on]).toEqual([
      'held',
      '2025-09-01',
      '2025-09-30',
      '2025-09-16',
    ])
  })
})
