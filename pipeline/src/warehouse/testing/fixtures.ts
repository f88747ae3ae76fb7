/**
 * Hand-written, realistic fixture records for warehouse tests and the SQL cookbook: Lạng Sơn's plan
 * 138/KH-UBND (10/6/2024) and its congress, the same number issued by Nghệ An, Chỉ thị 41-CT/TW, Kon Tum
 * before and after it joined Quảng Ngãi, Lào Cai seen from a national newspaper, a syndicated copy.
 * Texts are written for these tests (no third-party article text).
 */
import { type ArticleRecord, textArticle } from '../../domain/article.ts'
import type { DocumentMention, EventMention, Extraction, TimeMention } from '../../domain/extraction.ts'
import type { SourceConfig } from '../../domain/source.ts'
import type { LoadItem } from '../rows.ts'

const src = (
  id: string,
  name: string,
  kind: SourceConfig['kind'],
  base_url: string,
  p2008: string | null,
  p2025: string | null
): SourceConfig => ({
  id,
  name,
  kind,
  base_url,
  province_code_2008: p2008,
  province_code_2025: p2025,
  platform: 'generic',
  entry_points: [],
})

export const fixtureSources: SourceConfig[] = [
  src('langson-gov', 'Cổng TTĐT tỉnh Lạng Sơn', 'portal', 'https://langson.gov.vn/', '20', '20'),
  src('baolangson', 'Báo Lạng Sơn', 'newspaper', 'https://baolangson.vn/', '20', '20'),
  src('nghean-gov', 'Cổng TTĐT tỉnh Nghệ An', 'portal', 'https://nghean.gov.vn/', '40', '40'),
  src('kontum-gov', 'Cổng TTĐT tỉnh Kon Tum', 'portal', 'https://kontum.gov.vn/', '62', '51'),
  src('baoquangngai', 'Báo Quảng Ngãi', 'newspaper', 'https://baoquangngai.vn/', '51', '51'),
  src('tienphong', 'Báo Tiền Phong', 'newspaper', 'https://tienphong.vn/', null, null),
]

const span = (body: string, surface: string): { start: number; end: number } => {
  const start = body.indexOf(surface)
  if (start < 0) throw new Error(`fixture surface not in body: ${surface}`)
  return { start, end: start + surface.length }
}

interface Spec {
  readonly url: string
  readonly source_id: string | null
  readonly title: string
  readonly published_at: string | null
  readonly body: string
  readonly documents?: ReadonlyArray<Omit<DocumentMention, 'start' | 'end'>>
  readonly events?: ReadonlyArray<Omit<EventMention, 'start' | 'end'>>
  readonly campaigns?: ReadonlyArray<{ id: string; surface: string }>
  readonly times?: ReadonlyArray<Omit<TimeMention, 'span_start' | 'span_end'>>
}

export const makeItem = (s: Spec, archiveRecordId: string | null = null): LoadItem => {
  const body = s.body.normalize('NFC')
  const article: ArticleRecord = {
    ...textArticle({
      url: s.url,
      source_id: s.source_id,
      platform: 'generic',
      title: s.title,
      published_at: s.published_at,
      body_text: body,
      origin: 'rebuilt',
    }),
    authors: ['Minh Anh'],
    category: 'Tin tức',
    tags: ['thi đua'],
  }
  const extraction: Extraction = {
    id: s.url,
    documents: (s.documents ?? []).map((d) => ({ ...d, ...span(body, d.surface) })),
    events: (s.events ?? []).map((e) => ({ ...e, ...span(body, e.surface) })),
    campaigns: (s.campaigns ?? []).map((c) => ({ ...c, ...span(body, c.surface) })),
    times: (s.times ?? []).map((t) => {
      const sp = span(body, t.surface)
      return { ...t, span_start: sp.start, span_end: sp.end }
    }),
  }
  return { article, extraction, archive_record_id: archiveRecordId }
}

// Where and which provincial emulation congress: Nghệ An's of 2020-2025, Lạng Sơn's sixth.
type Congress = Pick<EventMention, 'place' | 'province_code' | 'ordinal' | 'period'>
const NGHE_AN: Congress = { place: 'Nghệ An', province_code: '40', ordinal: null, period: '2020-2025' }
const LANG_SON_VI = { place: 'Lạng Sơn', province_code: '20', ordinal: 6 } as const

// A provincial emulation congress of 2025 as one article reports it (planned, or held on a day).
const congress2025 = (
  c: Congress,
  status: EventMention['status'],
  surface: string,
  time_start: string,
  time_end: string = time_start
): Omit<EventMention, 'start' | 'end'> => ({
  kind: 'dai_hoi_thi_dua',
  scope: 'province',
  year: 2025,
  ...c,
  status,
  surface,
  time_start,
  time_end,
})

const plan138Body = `Ủy ban nhân dân tỉnh Lạng Sơn vừa ban hành Kế hoạch số 138/KH-UBND ngày 10/6/2024 về tổ chức Đại hội thi đua yêu nước các cấp, tiến tới Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI.

Theo kế hoạch, Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI dự kiến tổ chức trong tháng 8 năm 2025. Các huyện, thành phố tổ chức đại hội cấp huyện xong trước ngày 30/6/2025.

Kế hoạch yêu cầu các sở, ngành gắn phong trào thi đua "Chung tay xóa nhà tạm, nhà dột nát" với nhiệm vụ chính trị của từng cơ quan, đơn vị.`

const planDocs: Spec['documents'] = [
  {
    type: 'plan',
    number: '138',
    symbol: 'KH-UBND',
    year_in_symbol: null,
    date: '2024-06-10',
    issuer: 'UBND tỉnh Lạng Sơn',
    issuer_level: 'province',
    surface: 'Kế hoạch số 138/KH-UBND ngày 10/6/2024',
  },
]
const planEvents: Spec['events'] = [
  congress2025(
    { ...LANG_SON_VI, period: null },
    'planned',
    'Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI dự kiến tổ chức trong tháng 8 năm 2025',
    '2025-08-01',
    '2025-08-31'
  ),
]

/** Chỉ thị 41-CT/TW as the fixtures name it (dated, Politburo). */
const directive41: NonNullable<Spec['documents']>[number] = {
  type: 'directive',
  number: '41',
  symbol: 'CT/TW',
  year_in_symbol: null,
  date: '2024-12-26',
  issuer: 'Bộ Chính trị',
  issuer_level: 'party_central',
  surface: 'Chỉ thị số 41-CT/TW ngày 26/12/2024',
}

export const fixtureItems: LoadItem[] = [
  makeItem(
    {
      url: 'https://langson.gov.vn/tin-tuc/ke-hoach-to-chuc-dai-hoi-thi-dua-yeu-nuoc-lan-thu-vi.html',
      source_id: 'langson-gov',
      title: 'Kế hoạch tổ chức Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI',
      published_at: '2024-06-12T09:15:00+07:00',
      body: plan138Body,
      documents: planDocs,
      events: planEvents,
      campaigns: [{ id: 'xoa_nha_tam', surface: 'Chung tay xóa nhà tạm, nhà dột nát' }],
      times: [{ surface: 'tháng 8 năm 2025', start: '2025-08-01', end: '2025-08-31', granularity: 'month' }],
    },
    'urn:uuid:00000000-0000-4000-8000-000000000001'
  ),
  // The provincial newspaper republished the portal's item a day later with a new first line.
  makeItem({
    url: 'https://baolangson.vn/lang-son-trien-khai-dai-hoi-thi-dua-yeu-nuoc-5012345.html',
    source_id: 'baolangson',
    title: 'Lạng Sơn triển khai kế hoạch Đại hội thi đua yêu nước lần thứ VI',
    published_at: '2024-06-13T07:30:00+07:00',
    body: `(Báo Lạng Sơn) - ${plan138Body}`,
    documents: planDocs,
    events: planEvents,
    campaigns: [{ id: 'xoa_nha_tam', surface: 'Chung tay xóa nhà tạm, nhà dột nát' }],
  }),
  makeItem({
    url: 'https://langson.gov.vn/tin-tuc/dai-hoi-thi-dua-yeu-nuoc-tinh-lang-son-lan-thu-vi-thanh-cong.html',
    source_id: 'langson-gov',
    title: 'Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI thành công tốt đẹp',
    published_at: '2025-09-18T16:00:00+07:00',
    body: `Ngày 17/9/2025, tỉnh Lạng Sơn long trọng tổ chức Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI, giai đoạn 2025 - 2030.

Đại hội được tổ chức theo Kế hoạch 138/KH-UBND của UBND tỉnh và quán triệt Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác thi đua, khen thưởng trong tình hình mới.

Dịp này, 180 tập thể, cá nhân tiêu biểu được biểu dương vì thành tích trong phong trào thi đua "Chung tay xóa nhà tạm, nhà dột nát".`,
    documents: [
      {
        type: 'plan',
        number: '138',
        symbol: 'KH-UBND',
        year_in_symbol: null,
        date: null,
        issuer: 'UBND tỉnh',
        issuer_level: 'province',
        surface: 'Kế hoạch 138/KH-UBND',
      },
      directive41,
    ],
    events: [
      congress2025(
        { ...LANG_SON_VI, period: '2025-2030' },
        'held',
        'Ngày 17/9/2025, tỉnh Lạng Sơn long trọng tổ chức Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI',
        '2025-09-17'
      ),
    ],
    campaigns: [{ id: 'xoa_nha_tam', surface: 'Chung tay xóa nhà tạm, nhà dột nát' }],
    times: [{ surface: 'Ngày 17/9/2025', start: '2025-09-17', end: '2025-09-17', granularity: 'day' }],
  }),
  makeItem({
    url: 'https://langson.gov.vn/tin-tuc/khai-truong-cho-dem-ky-lua.html',
    source_id: 'langson-gov',
    title: 'Khai trương phố đi bộ Kỳ Lừa mùa du lịch mới',
    published_at: '2024-07-02T20:00:00+07:00',
    body: 'Tối 1/7, thành phố Lạng Sơn khai trương mùa du lịch mới tại phố đi bộ Kỳ Lừa với nhiều gian hàng đặc sản địa phương.',
  }),
  makeItem({
    url: 'https://nghean.gov.vn/thi-dua-khen-thuong/ke-hoach-138-kh-ubnd-dai-hoi-thi-dua-yeu-nuoc-tinh-nghe-an.html',
    source_id: 'nghean-gov',
    title: 'Nghệ An ban hành kế hoạch Đại hội Thi đua yêu nước tỉnh giai đoạn 2020 - 2025',
    published_at: '2024-03-25T10:00:00+07:00',
    body: `UBND tỉnh Nghệ An ban hành Kế hoạch số 138/KH-UBND ngày 20/3/2024 về tổ chức Đại hội Thi đua yêu nước tỉnh Nghệ An giai đoạn 2020 - 2025, dự kiến vào tháng 9/2025.

Các địa phương đẩy mạnh phong trào thi đua "Chung tay xóa nhà tạm, nhà dột nát" và phong trào "Cả nước chung sức xây dựng nông thôn mới".`,
    documents: [
      {
        type: 'plan',
        number: '138',
        symbol: 'KH-UBND',
        year_in_symbol: null,
        date: '2024-03-20',
        issuer: 'UBND tỉnh Nghệ An',
        issuer_level: 'province',
        surface: 'Kế hoạch số 138/KH-UBND ngày 20/3/2024',
      },
    ],
    events: [
      congress2025(
        NGHE_AN,
        'planned',
        'Đại hội Thi đua yêu nước tỉnh Nghệ An giai đoạn 2020 - 2025, dự kiến vào tháng 9/2025',
        '2025-09-01',
        '2025-09-30'
      ),
    ],
    campaigns: [
      { id: 'xoa_nha_tam', surface: 'Chung tay xóa nhà tạm, nhà dột nát' },
      { id: 'nong_thon_moi', surface: 'Cả nước chung sức xây dựng nông thôn mới' },
    ],
  }),
  makeItem({
    url: 'https://nghean.gov.vn/tin-tuc/dai-hoi-thi-dua-yeu-nuoc-tinh-nghe-an-2020-2025.html',
    source_id: 'nghean-gov',
    title: 'Đại hội Thi đua yêu nước tỉnh Nghệ An giai đoạn 2020 - 2025',
    published_at: '2025-09-26T18:00:00+07:00',
    body: `Ngày 26/9/2025, tỉnh Nghệ An tổ chức Đại hội Thi đua yêu nước tỉnh Nghệ An giai đoạn 2020 - 2025 và đón nhận Bằng khen của Thủ tướng Chính phủ.`,
    events: [
      congress2025(
        NGHE_AN,
        'held',
        'Ngày 26/9/2025, tỉnh Nghệ An tổ chức Đại hội Thi đua yêu nước tỉnh Nghệ An giai đoạn 2020 - 2025',
        '2025-09-26'
      ),
    ],
  }),
  // A national paper gives another day for the same congress: kept and flagged as a conflict.
  makeItem({
    url: 'https://tienphong.vn/nghe-an-dai-hoi-thi-dua-yeu-nuoc-post1781450.tpo',
    source_id: 'tienphong',
    title: 'Nghệ An: Đại hội thi đua yêu nước đón nhận Bằng khen của Thủ tướng',
    published_at: '2025-09-28T08:00:00+07:00',
    body: `Ngày 27/9/2025, Nghệ An tổ chức Đại hội Thi đua yêu nước giai đoạn 2020 - 2025, tôn vinh các điển hình tiên tiến trong phong trào thi đua của tỉnh Nghệ An.`,
    events: [
      congress2025(
        NGHE_AN,
        'held',
        'Ngày 27/9/2025, Nghệ An tổ chức Đại hội Thi đua yêu nước giai đoạn 2020 - 2025',
        '2025-09-27'
      ),
    ],
  }),
  makeItem({
    url: 'https://kontum.gov.vn/pages/detail/41234/hoi-nghi-dien-hinh-tien-tien-nong-thon-moi.html',
    source_id: 'kontum-gov',
    title: 'Kon Tum biểu dương điển hình tiên tiến xây dựng nông thôn mới',
    published_at: '2024-10-05T15:00:00+07:00',
    body: `Ngày 4/10/2024, UBND tỉnh Kon Tum tổ chức Hội nghị điển hình tiên tiến trong phong trào thi đua "Cả nước chung sức xây dựng nông thôn mới" giai đoạn 2021 - 2025. Tỉnh Quảng Ngãi cử đoàn công tác đến dự và trao đổi kinh nghiệm.`,
    events: [
      {
        kind: 'hoi_nghi_dien_hinh',
        scope: 'province',
        place: 'Kon Tum',
        province_code: '51',
        province_code_2008: '62',
        ordinal: null,
        year: 2024,
        period: '2021-2025',
        status: 'held',
        surface: 'Ngày 4/10/2024, UBND tỉnh Kon Tum tổ chức Hội nghị điển hình tiên tiến',
        time_start: '2024-10-04',
        time_end: '2024-10-04',
      },
    ],
    campaigns: [{ id: 'nong_thon_moi', surface: 'Cả nước chung sức xây dựng nông thôn mới' }],
  }),
  makeItem({
    url: 'https://baoquangngai.vn/thi-dua/khu-vuc-kon-tum-cu-day-manh-phong-trao-nong-thon-moi-202508201234.htm',
    source_id: 'baoquangngai',
    title: 'Khu vực Kon Tum (cũ) đẩy mạnh phong trào thi đua xây dựng nông thôn mới',
    published_at: '2025-08-20T11:00:00+07:00',
    body: `Sau khi hợp nhất vào tỉnh Quảng Ngãi, các xã thuộc khu vực Kon Tum (cũ) tiếp tục hưởng ứng phong trào thi đua "Cả nước chung sức xây dựng nông thôn mới". Nhiều thôn làng ở Kon Tum đã hoàn thành tiêu chí về giao thông và nhà ở.`,
    campaigns: [{ id: 'nong_thon_moi', surface: 'Cả nước chung sức xây dựng nông thôn mới' }],
  }),
  makeItem({
    url: 'https://tienphong.vn/lao-cai-phat-dong-phong-trao-thi-dua-nam-2025-post1701234.tpo',
    source_id: 'tienphong',
    title: 'Lào Cai phát động phong trào thi đua năm 2025',
    published_at: '2025-01-15T09:00:00+07:00',
    body: `UBND tỉnh Lào Cai vừa ban hành Chỉ thị số 01/CT-UBND ngày 10/01/2025 về phát động phong trào thi đua năm 2025, quán triệt Chỉ thị 41-CT/TW của Bộ Chính trị.`,
    documents: [
      {
        type: 'directive',
        number: '01',
        symbol: 'CT-UBND',
        year_in_symbol: null,
        date: '2025-01-10',
        issuer: 'UBND tỉnh Lào Cai',
        issuer_level: 'province',
        surface: 'Chỉ thị số 01/CT-UBND ngày 10/01/2025',
      },
      {
        type: 'directive',
        number: '41',
        symbol: 'CT/TW',
        year_in_symbol: null,
        date: null,
        issuer: 'Bộ Chính trị',
        issuer_level: 'party_central',
        surface: 'Chỉ thị 41-CT/TW',
      },
    ],
  }),
]

export const urlOf = (i: number): string => {
  const item = fixtureItems[i]
  if (!item) throw new Error(`no fixture ${i}`)
  return item.article.url
}

// Everyday wording with no province name and nothing about emulation, for routine output.
const WORD_BANK = (
  'giá lúa gạo xuất khẩu tăng mạnh chứng khoán ngân hàng lãi suất điện mặt trời cảng biển hàng hóa du lịch ' +
  'khách quốc tế mưa bão miền Bắc nắng nóng giao thông cao tốc vé máy bay học sinh tuyển bệnh viện vắc xin ' +
  'cà phê hồ tiêu thép xi măng ô tô xe điện'
).split(' ')

const pseudoText = (seed: number, words: number): string => {
  let x = seed * 2654435761
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    out.push(WORD_BANK[(x >>> 8) % WORD_BANK.length] ?? 'giá')
  }
  return `${out.join(' ')}.`
}

/**
 * Routine news of a national outlet: three items a month through 2024 except September, a silent
 * crawl gap the coverage ledger must flag.
 */
export const routineSource: SourceConfig = src(
  'baotintuc',
  'Báo Tin tức',
  'newspaper',
  'https://baotintuc.vn/',
  null,
  null
)

export const routineItems: LoadItem[] = Array.from({ length: 12 }, (_, m) => m + 1)
  .filter((month) => month !== 9)
  .flatMap((month) =>
    [5, 15, 25].map((day, k) => {
      const n = month * 10 + k
      return makeItem({
        url: `https://baotintuc.vn/kinh-te/ban-tin-${n}.htm`,
        source_id: 'baotintuc',
        title: `Bản tin kinh tế số ${n}`,
        published_at: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:00:00+07:00`,
        body: pseudoText(n, 60),
      })
    })
  )

/** fixtureItems[2] reparsed: a new title and a body citing only Chỉ thị 41-CT/TW (no event any more). */
export const reparsedFixture = (): LoadItem =>
  makeItem({
    url: fixtureItems[2]?.article.url ?? '',
    source_id: 'langson-gov',
    title: 'Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI (cập nhật)',
    published_at: '2025-09-18T16:00:00+07:00',
    body: 'Đại hội thực hiện theo Chỉ thị số 41-CT/TW ngày 26/12/2024.',
    documents: [directive41],
  })
