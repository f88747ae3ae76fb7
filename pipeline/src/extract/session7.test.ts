/**
 * Session 7 (issue #11): one canonical issuer form for the product and the scorer, names cut at a line
 * wrap, and the Icelandic Eth typed for "Đ". Sentences are written here in our own words.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type GoldItem, evaluate } from './evaluate.ts'
import { canonicalIssuer } from './issuer-canonical.ts'
import { docRows, run } from './test-kit.ts'

const issuers = (text: string, province: string | null = null) =>
  run(text, '2024-05-02', province).documents.map((d) => d.issuer)

describe('canonical issuer (issuer-canonical.ts)', () => {
  // Written form → canonical form, one line per form.
  const FORMS = `
UBND tỉnh Bình Phước => Ủy ban nhân dân tỉnh Bình Phước
Ủy ban nhân dân Bình Phước => Ủy ban nhân dân tỉnh Bình Phước
Uỷ ban Nhân dân tỉnh Thanh Hoá => Ủy ban nhân dân tỉnh Thanh Hóa
UBND TP.HCM => Ủy ban nhân dân thành phố Hồ Chí Minh
UBND TP. Đà Nẵng => Ủy ban nhân dân thành phố Đà Nẵng
HĐND tỉnh Bà Rịa – Vũng Tàu => Hội đồng nhân dân tỉnh Bà Rịa - Vũng Tàu
BTGTW => Ban Tuyên giáo Trung ương
Ban Thi đua, khen thưởng tỉnh Nam Định => Ban Thi đua - Khen thưởng tỉnh Nam Định
Sở GD&ĐT tỉnh Yên Bái => Sở Giáo dục và Đào tạo tỉnh Yên Bái
Ban Chấp hành Đảng bộ tỉnh Long An khoá X => Ban Chấp hành Đảng bộ tỉnh Long An khóa X
Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh => Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh
UBND thành phố Vinh => Ủy ban nhân dân thành phố Vinh
`
  it.each(
    FORMS.trim()
      .split('\n')
      .map((l) => l.split(' => '))
  )('%s → %s', (written, canonical) => {
    expect(canonicalIssuer(written!)).toBe(canonical)
  })

  it('completes a bare "tỉnh" with the home province, but never a city with "tỉnh"', () => {
    expect(canonicalIssuer('Chủ tịch UBND tỉnh', 'Sóc Trăng')).toBe('Chủ tịch Ủy ban nhân dân tỉnh Sóc Trăng')
    expect(canonicalIssuer('UBND tỉnh', 'Hải Phòng')).toBe('Ủy ban nhân dân tỉnh')
    expect(canonicalIssuer('UBND thành phố', 'Hải Phòng')).toBe('Ủy ban nhân dân thành phố Hải Phòng')
    expect(canonicalIssuer('UBND huyện', 'Sóc Trăng')).toBe('Ủy ban nhân dân huyện')
  })

  it('stops at a capitalised run glued to the name and drops words after "tỉnh" that name no province', () => {
    expect(canonicalIssuer('Ủy ban nhân dân tỉnh Cà MauQuyết')).toBe('Ủy ban nhân dân tỉnh Cà Mau')
    expect(canonicalIssuer('Ủy ban nhân dân tỉnh Ban', 'Bến Tre')).toBe('Ủy ban nhân dân tỉnh Bến Tre')
    expect(canonicalIssuer('UBND tỉnh Bến tre')).toBe('Ủy ban nhân dân tỉnh Bến Tre')
  })

  it('is idempotent and never throws on any string', () => {
    const piece = fc.constantFrom(
      'UBND',
      'tỉnh',
      'Cà Mau',
      'TP.',
      ' ',
      '–',
      'Quyết',
      'khóa X',
      'ủy',
      '\n',
      'Đ'
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string()), { maxLength: 8 }),
        fc.option(fc.constantFrom('Cà Mau', 'Huế')),
        (parts, home) => {
          const once = canonicalIssuer(parts.join(''), home)
          expect(canonicalIssuer(once, home)).toBe(once)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('the extractor prints the canonical issuer', () => {
  it('an abbreviated subject and a wrapped full name give one form', () => {
    const short = 'UBND tỉnh Hậu Giang vừa ban hành Kế hoạch số 12/KH-UBND về thi đua.'
    const wrapped = 'Căn cứ Kế hoạch số 12/KH-UBND ngày 3/1/2024 của Ủy ban\nnhân dân tỉnh Hậu Giang;'
    expect(issuers(short)).toEqual(['Ủy ban nhân dân tỉnh Hậu Giang'])
    expect(issuers(wrapped)).toEqual(['Ủy ban nhân dân tỉnh Hậu Giang'])
  })

  it('a bare "tỉnh" takes the province the article is about', () => {
    const text =
      'Thực hiện Kế hoạch số 30/KH-UBND ngày 9/2/2024 của UBND tỉnh về phong trào thi đua năm 2024.'
    expect(issuers(text, '94')).toEqual(['Ủy ban nhân dân tỉnh Sóc Trăng'])
  })

  it('a sentence-case verb after the issuer is not part of its name', () => {
    const text =
      'Quyết định số 77/QĐ-UBND ngày 4/3/2023 của Ủy ban nhân dân tỉnh Phê duyệt đề án chuyển đổi số.'
    expect(issuers(text, '94')).toEqual(['Ủy ban nhân dân tỉnh Sóc Trăng'])
  })
})

describe('the Icelandic Eth typed for Đ', () => {
  it('reads "NÐ-CP" (U+00D0) as "NĐ-CP" and keeps spans on the text as given', () => {
    const text = 'Căn cứ Nghị định số 98/2023/N\u00d0-CP ngày 31/12/2023 của Chính phủ;'
    expect(docRows(text, null, ['type', 'number', 'symbol', 'year_in_symbol'])).toEqual([
      ['decree', '98', 'NĐ-CP', 2023],
    ])
    const [d] = run(text).documents
    expect(text.slice(d!.start, d!.end).replace('\u00d0', 'Đ')).toBe(d!.surface)
  })
})

describe('the scorer compares issuers through the product form', () => {
  const item = (issuer: string): GoldItem => ({
    id: 's7',
    text: 'Ngày 5/3/2024, Ủy ban nhân dân tỉnh Bình Phước ban hành Kế hoạch số 45/KH-UBND về thi đua.',
    published: '2024-03-06',
    documents: [
      { type: 'plan', number: '45', symbol: 'KH-UBND', year_in_symbol: null, date: '2024-03-05', issuer },
    ],
    events: [],
    campaigns: [],
    times: [{ start: '2024-03-05', end: '2024-03-05', granularity: 'day' }],
  })
  it('a label in the short form counts as the same body; another body does not', () => {
    expect(evaluate([item('UBND tỉnh Bình Phước')]).strict.documents.tp).toBe(1)
    expect(evaluate([item('UBND tỉnh Bình Dương')]).strict.documents.tp).toBe(0)
  })
})

describe('an issuer named once before a list of numbered documents', () => {
  it('each numbered item of "các Nghị quyết của HĐND tỉnh: số …; số …" takes it', () => {
    const text =
      'Căn cứ các Nghị quyết của Hội đồng nhân dân tỉnh: số 12/NQ-HĐND ngày 8/7/2021 về đầu tư công; số 30/NQ-HĐND ngày 9/12/2022 về ngân sách.'
    expect(issuers(text, '33')).toEqual([
      'Hội đồng nhân dân tỉnh Hưng Yên',
      'Hội đồng nhân dân tỉnh Hưng Yên',
    ])
  })
  it('stops at the end of the list and never overrides a body the symbol disagrees with', () => {
    const text =
      'Căn cứ các Nghị định của Chính phủ: số 15/2020/NĐ-CP về xử phạt; số 3/QĐ-UBND của UBND tỉnh Hậu Giang. Thực hiện Nghị định số 8/2021/NĐ-CP về quản lý.'
    expect(issuers(text)).toEqual(['Chính phủ', 'Ủy ban nhân dân tỉnh Hậu Giang', null])
  })
})

describe('events read on the session 7 excerpts (sentences in our own words)', () => {
  const events = (text: string, published: string | null = null, province: string | null = null) =>
    run(text, published, province).events.map((e) => [e.organization, e.scope, e.place, e.ordinal, e.status])

  it('a province written by an abbreviation is placed by its reference name', () => {
    const text =
      'Sáng 3-10, Đại hội Thi đua yêu nước TPHCM lần thứ II, giai đoạn 2030-2035 khai mạc tại hội trường.'
    expect(events(text, '2030-10-03')).toEqual([[null, 'province', 'Hồ Chí Minh', 2, 'held']])
  })
  it('"X tổ chức thành công Đại hội Đại biểu lần thứ …" (capital Đ) is X\'s congress, held', () => {
    const text = 'Đảng bộ xã Tân Lập tổ chức thành công Đại hội Đại biểu lần thứ V, nhiệm kỳ 2030-2035.'
    expect(events(text)).toEqual([['party', 'commune', 'Tân Lập', 5, 'held']])
  })
  it('a success asked for is no report of one', () => {
    const text = 'Ban Thường vụ yêu cầu tổ chức thành công Đại hội Thi đua yêu nước tỉnh Yên Bái lần thứ VII.'
    expect(events(text, '2030-01-05')[0]?.[4]).not.toBe('held')
  })
  it('a bare "huyện" takes the district the text names at the start of a sentence', () => {
    const text =
      'Huyện Mỹ Lộc đang chuẩn bị Đại hội Đảng bộ các cấp, trước hết là Đại hội Đại biểu Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2030 - 2035.'
    expect(events(text).map((e) => e.slice(0, 4))).toEqual([['party', 'district', 'Mỹ Lộc', 21]])
  })
})
