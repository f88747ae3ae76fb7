/**
 * Issuers and issue dates of documents in the forms real pages use (issue #11, session 3), one test per
 * form, on texts written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { authorityLine } from './issuers.ts'
import { docRows } from './test-kit.ts'

const docs = (text: string, published: string | null = '2024-05-02') =>
  docRows(text, published, ['type', 'number', 'symbol', 'date', 'issuer'])

describe('issuers written away from "của"', () => {
  it('reads the body whose direction a document carries ("chỉ đạo của X tại văn bản số …")', () => {
    expect(
      docs(
        'Theo chỉ đạo của UBND tỉnh tại văn bản số 415/UBND-VX ngày 2/4/2024, các sở tổ chức tuyên truyền.'
      )
    ).toEqual([['official_letter', '415', 'UBND-VX', '2024-04-02', 'UBND tỉnh']])
  })
  it('reads a subject with a bracketed parent body, a capitalised unit word and "Ban hành"', () => {
    expect(
      docs('Ban Thi đua - Khen thưởng Trung ương (Bộ Nội vụ) vừa có Công văn số 512 gửi các bộ, ngành.')
    ).toEqual([['official_letter', '512', null, null, 'Ban Thi đua - Khen thưởng Trung ương']])
    expect(docs('UBND Thành phố Cần Thơ vừa ban hành Kế hoạch số 88/KH-UBND về thi đua.')).toEqual([
      ['plan', '88', 'KH-UBND', null, 'UBND Thành phố Cần Thơ'],
    ])
    expect(
      docs('Ngày 3/5/2023, Ủy ban nhân dân tỉnh Phú Yên đã Ban hành Quyết định số 21/2023/QĐ-UBND.')
    ).toEqual([['decision', '21', 'QĐ-UBND', '2023-05-03', 'Ủy ban nhân dân tỉnh Phú Yên']])
  })
  it('reads the Front, mass organisations, offices and the ethnic committee as issuers', () => {
    expect(
      docs(
        'Ngày 4/6/2024, Ban Thường trực Ủy ban MTTQ Việt Nam huyện đã ban hành Thông báo số 07/TB-MTTQ-BTT.'
      )
    ).toEqual([['notice', '07', 'TB-MTTQ-BTT', '2024-06-04', 'Ban Thường trực Ủy ban MTTQ Việt Nam huyện']])
    expect(
      docs('Thực hiện Kế hoạch số 15-KH/TĐTN ngày 9/1/2024 của Ban Thường vụ Tỉnh đoàn Hà Giang.')
    ).toEqual([['plan', '15', 'KH/TĐTN', '2024-01-09', 'Ban Thường vụ Tỉnh đoàn Hà Giang']])
    expect(docs('Căn cứ Thông báo số 61/TB-VP ngày 8/3/2024 của Văn phòng UBND tỉnh Điện Biên;')).toEqual([
      ['notice', '61', 'TB-VP', '2024-03-08', 'Văn phòng UBND tỉnh Điện Biên'],
    ])
    expect(
      docs(
        'Ngày 2/2/2024, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc ban hành Thông tư số 03/2024/TT-UBDT về khen thưởng.'
      )
    ).toEqual([['circular', '03', 'TT-UBDT', '2024-02-02', 'Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc']])
  })
  it('reads boards named after their event or topic, and the emulation board without its dash', () => {
    expect(
      docs('Căn cứ Kế hoạch số 02/KH-BTC ngày 5/7/2023 của Ban Tổ chức kỷ niệm; các đơn vị thực hiện.')
    ).toEqual([['plan', '02', 'KH-BTC', '2023-07-05', 'Ban Tổ chức kỷ niệm']])
    expect(
      docs(
        'Thực hiện Kế hoạch số 03-KH/BCĐ ngày 2/6/2025 của Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ và chuyển đổi số triển khai phong trào.'
      )
    ).toEqual([
      [
        'plan',
        '03',
        'KH/BCĐ',
        '2025-06-02',
        'Ban Chỉ đạo tỉnh về phát triển khoa học, công nghệ và chuyển đổi số',
      ],
    ])
    expect(
      docs('Căn cứ Hướng dẫn số 40/HD-BTĐKT ngày 3/2/2010 của Ban Thi đua Khen thưởng Trung ương;')
    ).toEqual([['guideline', '40', 'HD-BTĐKT', '2010-02-03', 'Ban Thi đua Khen thưởng Trung ương']])
  })
  it('reads a province as the issuer of a local document in a database title', () => {
    expect(docs('Quyết định 2150/QĐ-UBND của Long An năm 2022 về thủ tục hành chính', null)).toEqual([
      ['decision', '2150', 'QĐ-UBND', null, 'Long An'],
    ])
    // A name that is no province is not taken.
    expect(docs('Quyết định 2150/QĐ-UBND của Giám Đốc năm 2022', null)[0]![4]).toBeNull()
  })
})

describe('issue dates and types away from the number', () => {
  it('reads a clause-opening day followed right away by the issuer and the verb "ra"', () => {
    expect(
      docs(
        'Để ngày 1/5/1950 được ghi nhớ mãi, ngày 3/4/1960 Ban Thường vụ Khu ủy Tả Ngạn đã ra Nghị quyết số 12-NQ/KU về kỷ niệm.',
        null
      )
    ).toEqual([['resolution', '12', 'NQ/KU', '1960-04-03', 'Ban Thường vụ Khu ủy Tả Ngạn']])
  })
  it('reads a date whose words are glued to the numbers', () => {
    expect(
      docs('Qua xem xét Báo cáo số 90/BC-UBND ngày 28 tháng11 năm 2012 của Ủy ban nhân dân tỉnh;')
    ).toEqual([['report', '90', 'BC-UBND', '2012-11-28', 'Ủy ban nhân dân tỉnh']])
  })
  it('keeps a Party "Quy định" whose symbol says QĐ as a regulation, not a decision', () => {
    expect(docs('Căn cứ Quy định số 132-QĐ/TW, ngày 8/3/2024 của Bộ Chính trị;')).toEqual([
      ['other', '132', 'QĐ/TW', '2024-03-08', 'Bộ Chính trị'],
    ])
  })
})

describe('document headers', () => {
  it('takes the authority line above "Căn cứ" as the issuer of the header document', () => {
    const header = [
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 812/QĐ-UBND',
      'Sơn La, ngày 14 tháng 4 năm 2016',
      'QUYẾT ĐỊNH',
      'VỀ VIỆC KHEN THƯỞNG CÁC TẬP THỂ',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA',
      'Căn cứ Luật Thi đua, khen thưởng ngày 26/11/2003;',
    ].join('\n')
    expect(docs(header, null)).toEqual([
      ['decision', '812', 'QĐ-UBND', '2016-04-14', 'Chủ tịch ủy ban nhân dân tỉnh Sơn La'],
    ])
  })
  it('reads a flattened header: issuer cell before "Số:", the motto before the dateline', () => {
    const header = [
      'UBND TỈNH ĐẮK LẮK Số: 40/2017/QĐ-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Đắk Lắk, ngày 9 tháng 10 năm 2017',
      'QUYẾT ĐỊNH',
      'Về công tác thi đua',
    ].join('\n')
    expect(docs(header, null)).toEqual([['decision', '40', 'QĐ-UBND', '2017-10-09', 'UBND tỉnh Đắk Lắk']])
  })
  it('ignores recipients and bare header cells when looking for the authority line', () => {
    const text =
      'Số: 5/BTC\nHà Nội, ngày 1 tháng 2 năm 2020\nKính gửi:\nBan Chỉ đạo các tỉnh\n\nCăn cứ Hướng dẫn;'
    expect(authorityLine(text, 0)).toBeNull()
    const block = 'Số: 9/QĐ-UBND\nỦY BAN NHÂN DÂN\nTỈNH X\nCăn cứ Luật;'
    expect(authorityLine(block.replace('ỦY BAN NHÂN DÂN', 'ủy ban nhân dân'), 0)).toBeNull()
    expect(authorityLine('Số: 9/QĐ-UBND\nchủ tịch ủy ban nhân dân tỉnh Sơn La\nCăn cứ Luật;', 0)).toBe(
      'Chủ tịch ủy ban nhân dân tỉnh Sơn La'
    )
  })
})

describe('more issuer and symbol forms', () => {
  it('reads Party groups, standing and inspection boards, commands and abbreviated boards', () => {
    expect(
      docs('Thực hiện Kế hoạch số 21-KH/ĐĐ ngày 4/3/2024 của Đảng đoàn MTTQ tỉnh Bình Định;')[0]![4]
    ).toBe('Đảng đoàn MTTQ tỉnh Bình Định')
    expect(docs('Căn cứ Kết luận số 15-KL/TU ngày 2/2/2024 của Thường trực Tỉnh ủy Bắc Ninh;')[0]![4]).toBe(
      'Thường trực Tỉnh ủy Bắc Ninh'
    )
    expect(docs('BTV Tỉnh ủy Nam Định vừa ban hành Chỉ thị số 30-CT/TU về đại hội.')[0]![4]).toBe(
      'BTV Tỉnh ủy Nam Định'
    )
    expect(docs('Theo Kế hoạch số 88/KH-BCH ngày 1/4/2024 của Bộ Chỉ huy Quân sự tỉnh Kon Tum;')[0]![4]).toBe(
      'Bộ Chỉ huy Quân sự tỉnh Kon Tum'
    )
    expect(docs('Căn cứ Hướng dẫn số 05/HD-HĐTĐKT ngày 5/1/2024 của Hội đồng TĐKT tỉnh Cà Mau;')[0]![4]).toBe(
      'Hội đồng TĐKT tỉnh Cà Mau'
    )
  })
  it('reads a bracketed day alone after the number, and a space before the slash of a typed symbol', () => {
    expect(docs('UBND tỉnh đã ban hành Kế hoạch số 45/KH-UBND (12/3/2024) về thi đua.')).toEqual([
      ['plan', '45', 'KH-UBND', '2024-03-12', 'UBND tỉnh'],
    ])
    expect(docs('Thực hiện Kế hoạch số 45 /KH-UBND ngày 12/3/2024 của UBND tỉnh.')).toEqual([
      ['plan', '45', 'KH-UBND', '2024-03-12', 'UBND tỉnh'],
    ])
    // A bracketed range is an anniversary, not the issue day; a spaced slash before a day is no symbol.
    expect(docs('Kế hoạch số 45/KH-UBND (11/6/1948 - 11/6/2024) về kỷ niệm.')[0]![3]).toBeNull()
    expect(docs('Đợt thi đua số 3 /6 năm nay.')).toEqual([])
  })
})

describe('issuers of legal preambles', () => {
  it('reads the provincial Party executive, the Front presidium, a city written "TP." and an en dash', () => {
    const issuerOf = (text: string) => docs(text)[0]![4]
    expect(
      issuerOf('Thực hiện Nghị quyết số 05-NQ/TU ngày 3/1/2024 của Ban Chấp hành Đảng bộ tỉnh Sơn La;')
    ).toBe('Ban Chấp hành Đảng bộ tỉnh Sơn La')
    expect(
      issuerOf(
        'Căn cứ Hướng dẫn số 12/HD-MTTW-ĐCT ngày 2/2/2024 của Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam;'
      )
    ).toBe('Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam')
    expect(issuerOf('Căn cứ Kế hoạch số 77/KH-UBND ngày 1/3/2024 của UBND TP.HCM;')).toBe('UBND TP.HCM')
    // A council's term stays out of its name.
    expect(
      issuerOf('Căn cứ Nghị quyết số 31/2023/NQ-HĐND ngày 8/12/2023 của HĐND tỉnh Nghệ An khóa XVIII;')
    ).toBe('HĐND tỉnh Nghệ An')
    expect(
      issuerOf('Căn cứ Thông tư số 09/2023/TT-BLĐTBXH ngày 2/8/2023 của Bộ Lao động – Thương binh và Xã hội;')
    ).toBe('Bộ Lao động – Thương binh và Xã hội')
  })
})

describe('hard-wrapped legal pages and district offices', () => {
  it('reads names and keywords broken over lines, and "Số:" alone on the line above the number', () => {
    expect(
      docs('Căn cứ Quyết định số 77/QĐ-UBND ngày 2/5/2013 của Ủy ban nhân\ndân tỉnh Lai Châu;')[0]![4]
    ).toBe('Ủy ban nhân\ndân tỉnh Lai Châu')
    expect(docs('Xét đề nghị của Sở Y tế tại Tờ\ntrình số 61/TTr-SYT ngày 7 tháng 5 năm 2013,')).toEqual([
      ['other', '61', 'TTr-SYT', '2013-05-07', 'Sở Y tế'],
    ])
    const header =
      'ỦY BAN NHÂN DÂN\nTỈNH BẠC LIÊU\n|\nSố:\n15/2010/QĐ-UBND\n|\nBạc Liêu, ngày 3 tháng 8 năm 2010\n|\nQUYẾT ĐỊNH\nỦY BAN NHÂN DÂN TỈNH BẠC LIÊU\nCăn cứ Luật;'
    expect(docs(header, null)).toEqual([
      ['decision', '15', 'QĐ-UBND', '2010-08-03', 'Ủy ban nhân dân tỉnh Bạc Liêu'],
    ])
  })
  it('reads a lone issuer token as the symbol of a letter, and a space before an issuer symbol', () => {
    expect(docs('Thực hiện Công văn số 92/SGDĐT ngày 3/1/2017 của Sở Giáo dục và Đào tạo Sơn La,')).toEqual([
      ['official_letter', '92', 'SGDĐT', '2017-01-03', 'Sở Giáo dục và Đào tạo Sơn La'],
    ])
    expect(docs('Thực hiện Công văn số 840 /SGDĐT-CTTT ngày 1/4/2020,')[0]!.slice(0, 4)).toEqual([
      'official_letter',
      '840',
      'SGDĐT-CTTT',
      '2020-04-01',
    ])
    // After a plan's abbreviation a lone token is the short form of a full symbol, not a symbol.
    expect(docs('Thể lệ gửi kèm KH 112/PGD ngày 13/3/2020.')).toEqual([])
  })
  it('reads district offices, heads of boards and offices, and the emulation board in lowercase', () => {
    const issuerOf = (text: string) => docs(text)[0]![4]
    expect(
      issuerOf('Thực hiện Kế hoạch số 112/KH-PGD&ĐT ngày 13/3/2020 của Phòng Giáo dục và Đào tạo;')
    ).toBe('Phòng Giáo dục và Đào tạo')
    expect(
      issuerOf('Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh tại Tờ trình số 37/TTr-BTĐKT,')
    ).toBe('Trưởng Ban Thi đua - Khen thưởng tỉnh')
    expect(issuerOf('Xét đề nghị của Chánh Văn phòng UBND tỉnh tại Tờ trình số 42/TTr-VPUB,')).toBe(
      'Chánh Văn phòng UBND tỉnh'
    )
    expect(
      issuerOf('Căn cứ Hướng dẫn số 1479/HD-BTĐKT ngày 25/7/2016 của Ban thi đua – Khen thưởng Trung ương;')
    ).toBe('Ban thi đua – Khen thưởng Trung ương')
  })
})
