/**
 * Issue dates written away from the number (d-2025.4): after the issuer ("… của UBND tỉnh X ban hành ngày
 * 11 tháng 9 năm 2024"), after the topic in brackets ("(ban hành ngày 5-5-2018)"), and a day opening a
 * sentence that reports the document being issued ("Ngày 30-11-2020, Tỉnh ủy X ban hành Chỉ thị số …").
 * A day that belongs to an event, or to the sentence but not to the issuing, stays off the document.
 * Conferences commending "người tốt, việc tốt" are model-example conferences. Texts written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { extract } from './extract.ts'
import { eventObjects } from './test-kit.ts'

const datesOf = (text: string, published = '2025-06-01') =>
  Object.fromEntries(
    extract(text, { id: 't', published }).documents.map((d) => [`${d.number}/${d.symbol}`, d.date])
  )

describe('document issue dates written after the issuer or the topic', () => {
  it('reads "ban hành ngày" right after the issuer, in words or with hyphens', () => {
    expect(
      datesOf(
        'Kế hoạch số 45/KH-UBND của UBND tỉnh Quảng Ninh ban hành ngày 11 tháng 9 năm 2024 đặt mục tiêu mới.'
      )
    ).toEqual({ '45/KH-UBND': '2024-09-11' })
    expect(
      datesOf('Quyết định số 7/QĐ-UBND của UBND huyện Bảo Lâm ban hành ngày 3-2-2023 về khen thưởng.')
    ).toEqual({ '7/QĐ-UBND': '2023-02-03' })
  })

  it('reads a day right after the issuer and "(ban hành ngày …)" after the topic', () => {
    expect(
      datesOf('Công văn số 2150/UBND-VX của UBND tỉnh Hà Giang ngày 2-7-2024 hướng dẫn xét khen.')
    ).toEqual({
      '2150/UBND-VX': '2024-07-02',
    })
    expect(
      datesOf(
        'Chỉ thị số 09-CT/TU của Tỉnh ủy Hà Tĩnh về đổi mới công tác thi đua (ban hành ngày 5-5-2018) nêu rõ.'
      )
    ).toEqual({ '09/CT/TU': '2018-05-05' })
  })

  it('gives a later issue date only to the mention it follows, not to the one before', () => {
    const text =
      'Thực hiện Chỉ thị 34-CT/TW, UBND tỉnh có Kế hoạch số 12/KH-UBND về thi đua năm 2024 (ban hành ngày 5/1/2024).'
    expect(datesOf(text)).toEqual({ '34/CT/TW': null, '12/KH-UBND': '2024-01-05' })
  })

  it('leaves a day of the event the document plans off the document', () => {
    const text =
      'Kế hoạch số 12/KH-UBND của UBND tỉnh về tổ chức Đại hội Thi đua yêu nước tỉnh Hà Giang lần thứ V ' +
      'vào ngày 20/8/2025.'
    expect(datesOf(text)).toEqual({ '12/KH-UBND': null })
    const held =
      'Theo Kế hoạch số 1875/KH-UBND của UBND huyện Chư Sê, hội nghị diễn ra ngày 28/11/2023 tại hội trường.'
    expect(datesOf(held, '2023-11-30')).toEqual({ '1875/KH-UBND': null })
  })

  it('does not read "đăng ký ngày" (registering) as the issuing', () => {
    const text = 'Theo Kế hoạch số 40/KH-UBND về thi đua, các đơn vị đăng ký ngày 15/3/2024 tại Sở Nội vụ.'
    expect(datesOf(text)).toEqual({ '40/KH-UBND': null })
  })

  it('stops at the end of the sentence', () => {
    const text =
      'Kế hoạch số 30/KH-UBND về thi đua năm 2024. Quyết định khen thưởng được ban hành ngày 9/9/2024.'
    expect(datesOf(text)).toEqual({ '30/KH-UBND': null })
  })
})

describe('a day that opens a sentence reporting a document being issued', () => {
  it('dates the document issued there, with hyphens, slashes or a day without a year', () => {
    expect(datesOf('Ngày 30-11-2020, Tỉnh ủy Nghệ An ban hành Chỉ thị số 09-CT/TU về thi đua.')).toEqual({
      '09/CT/TU': '2020-11-30',
    })
    expect(
      datesOf('Sáng 5/3, UBND thành phố Cần Thơ ban hành Kế hoạch số 52/KH-UBND.', '2024-03-06')
    ).toEqual({
      '52/KH-UBND': '2024-03-05',
    })
  })

  it('dates only the document issued, not the documents it carries out', () => {
    const text =
      'Ngày 28/7/2025, Ban Thường vụ Tỉnh ủy Lào Cai ban hành Kế hoạch số 15-KH/TU thực hiện Chỉ thị số ' +
      '41-CT/TW và Kết luận số 105-KL/TW của Bộ Chính trị.'
    expect(datesOf(text)).toEqual({ '15/KH/TU': '2025-07-28', '41/CT/TW': null, '105/KL/TW': null })
  })

  it('dates every item of an issued list', () => {
    const text = 'Ngày 3/4/2024, UBND huyện Bảo Thắng ban hành các Kế hoạch số 60/KH-UBND và 61/KH-UBND.'
    expect(datesOf(text)).toEqual({ '60/KH-UBND': '2024-04-03', '61/KH-UBND': '2024-04-03' })
  })

  it('keeps the date written with the number over the opening day', () => {
    const text = 'Ngày 2/12/2024, UBND tỉnh ban hành Kế hoạch số 300/KH-UBND ngày 29/11/2024 về thi đua.'
    expect(datesOf(text)).toEqual({ '300/KH-UBND': '2024-11-29' })
  })

  it('leaves the document undated when the sentence reports something else than its issuing', () => {
    expect(
      datesOf('Ngày 10/7/2025, UBND tỉnh tổ chức hội nghị quán triệt Kế hoạch số 210/KH-UBND về thi đua.')
    ).toEqual({ '210/KH-UBND': null })
    expect(
      datesOf('Ngày 16/6/2025, Sở Nội vụ tập huấn Luật Thi đua, khen thưởng số 06/2022/QH15 cho cán bộ.')
    ).toEqual({ '06/QH15': null })
    // The day sits inside the sentence, not at its opening.
    expect(datesOf('Tỉnh cho biết ngày 5/3/2024 UBND tỉnh ban hành Kế hoạch số 52/KH-UBND.')).toEqual({
      '52/KH-UBND': null,
    })
  })

  it('does not give the issue date to the event the document plans', () => {
    const text =
      'Ngày 12/5/2025, UBND tỉnh Lào Cai ban hành Kế hoạch số 98/KH-UBND về tổ chức Đại hội Thi đua yêu nước ' +
      'tỉnh Lào Cai lần thứ VI.'
    const x = extract(text, { id: 't', published: '2025-05-20' })
    expect(x.documents[0]?.date).toBe('2025-05-12')
    expect(x.events).toHaveLength(1)
    expect(x.events[0]).toMatchObject({ ordinal: 6, status: 'planned', time_start: null })
    const after =
      'Kế hoạch số 98/KH-UBND của UBND tỉnh ban hành ngày 12/5/2025 về tổ chức Đại hội Thi đua yêu nước ' +
      'tỉnh Lào Cai lần thứ VI.'
    expect(extract(after, { id: 't', published: '2025-05-20' }).events[0]).toMatchObject({
      ordinal: 6,
      time_start: null,
    })
    // A day that opens a sentence about the event itself still dates the event.
    const held = 'Ngày 12/5/2025, Đại hội Thi đua yêu nước tỉnh Lào Cai lần thứ VI đã diễn ra.'
    expect(extract(held, { id: 't', published: '2025-05-20' }).events[0]).toMatchObject({
      status: 'held',
      time_start: '2025-05-12',
    })
  })
})

describe('conferences commending "người tốt, việc tốt"', () => {
  const eventsOf = (text: string, published: string) =>
    eventObjects(text, published, ['kind', 'scope', 'province_code', 'ordinal', 'status'])

  it('are model-example conferences, with or without comma, alone or with "điển hình tiên tiến"', () => {
    expect(
      eventsOf('Hội nghị biểu dương người tốt, việc tốt tỉnh Gia Lai lần thứ V đã diễn ra.', '2025-04-01')
    ).toEqual([
      { kind: 'hoi_nghi_dien_hinh', scope: 'province', province_code: '52', ordinal: 5, status: 'held' },
    ])
    expect(
      eventsOf(
        'Hội nghị tuyên dương người tốt việc tốt tỉnh Đồng Tháp lần thứ 2 sẽ được tổ chức.',
        '2022-09-01'
      )
    ).toEqual([
      { kind: 'hoi_nghi_dien_hinh', scope: 'province', province_code: '82', ordinal: 2, status: 'planned' },
    ])
    expect(
      eventsOf(
        'Hội nghị biểu dương người tốt, việc tốt và điển hình tiên tiến huyện Chư Sê lần thứ II đã diễn ra.',
        '2024-01-01'
      )
    ).toEqual([
      { kind: 'hoi_nghi_dien_hinh', scope: 'district', province_code: null, ordinal: 2, status: 'held' },
    ])
    expect(
      eventsOf(
        'Lễ tôn vinh điển hình tiên tiến, người tốt việc tốt tỉnh Bình Định năm 2025 sẽ diễn ra.',
        '2025-03-01'
      )
    ).toEqual([
      {
        kind: 'hoi_nghi_dien_hinh',
        scope: 'province',
        province_code: '52',
        ordinal: null,
        status: 'planned',
      },
    ])
  })

  it('are no event without an ordinal, place or year, nor as a movement or a programme name', () => {
    expect(
      eventsOf('Các xã tổ chức Hội nghị biểu dương người tốt, việc tốt cấp cơ sở.', '2024-01-01')
    ).toEqual([])
    expect(eventsOf('Tỉnh phát động phong trào người tốt, việc tốt trong toàn dân.', '2024-01-01')).toEqual(
      []
    )
    expect(
      eventsOf('Chương trình "Người tốt, việc tốt" lần thứ 3 lên sóng truyền hình.', '2024-01-01')
    ).toEqual([])
  })
})
