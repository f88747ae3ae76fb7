/**
 * The five captured seed articles, placed verbatim inside their own platform's markup. The seed files
 * are extracted page text; we split them into chrome (boilerplate the page showed), title, lead, body
 * and captions by their blank-line blocks, and keep every body character as it is.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { seedsDir } from '../paths.ts'
import type { FactDocument, FactEvent } from './facts.ts'
import type { PageArticle, PageImage } from './types.ts'

/**
 * A seed as the page model has it (`published_at`: an assumed time where the page shows none, documented
 * in the report), plus where it came from and what the corpus records about it.
 */
export interface SeedPlan
  extends Pick<
    PageArticle,
    | 'factId'
    | 'id'
    | 'title'
    | 'lead'
    | 'paragraphs'
    | 'images'
    | 'authors'
    | 'published_at'
    | 'dateline'
    | 'category'
  > {
  readonly seed: string
  readonly file: string
  readonly host: string
  /** Real URL when known (seed 004 is corpus fact d147), else a path in the platform's scheme. */
  readonly url: string | null
  readonly chromeTop: ReadonlyArray<string>
  readonly chromeBottom: ReadonlyArray<string>
  readonly province_code_2008: string | null
  readonly province_code_2025: string | null
  readonly documents: ReadonlyArray<FactDocument>
  readonly events: ReadonlyArray<FactEvent>
  readonly campaigns: ReadonlyArray<string>
}

const blocks = (file: string): string[] => readFileSync(path.join(seedsDir, file), 'utf8').split(/\n[ \t]*\n/)

const at = (bs: ReadonlyArray<string>, i: number): string => {
  const b = bs[i]
  if (b === undefined) throw new Error(`seed block ${i} missing`)
  return b
}

const doc = (
  type: string,
  number: string | null,
  symbol: string | null,
  date: string | null,
  issuer: string | null,
  title_topic: string
): FactDocument => ({
  type,
  number,
  symbol,
  year_in_symbol: null,
  date,
  issuer,
  title_topic,
})

const ev = (
  kind: string,
  scope: string,
  place: string | null,
  ordinal: number | null,
  status: string,
  planned_time: string | null,
  period: string | null = null
): FactEvent => ({
  kind,
  scope,
  place,
  ordinal,
  period,
  status,
  date: null,
  planned_time,
})

const lines = (b: string): string[] => b.split('\n')

const captionPair = (b: string, after: number, src: string): PageImage => {
  const [first, second] = lines(b)
  return { src, caption: second ?? first ?? '', after, extraText: first && second ? [first] : [] }
}
/** Seed 003 blocks: file-name lines first, then caption lines. */
const fileCaption = (b: string, after: number): PageImage => {
  const ls = lines(b)
  const files = ls.filter((l) => /\.jpg$/i.test(l.trim()))
  const caption = ls.filter((l) => !/\.jpg$/i.test(l.trim())).join('\n')
  return {
    src: `https://cdn.baolaocai.vn/images/${files[0] ?? 'image.jpg'}`,
    caption,
    after,
    extraText: files,
  }
}

const seed000 = (s0: ReadonlyArray<string>): SeedPlan => ({
  seed: '000',
  file: '000_7f2b0f6029494eb8.txt',
  host: 'langson.gov.vn',
  url: null,
  factId: null,
  id: '48213',
  title: at(s0, 3),
  lead: at(s0, 4),
  paragraphs: [at(s0, 5), at(s0, 6)],
  images: [],
  authors: [at(s0, 7).trim()],
  published_at: '2024-06-12T15:20:00+07:00',
  dateline: null,
  chromeTop: [at(s0, 0), at(s0, 1), at(s0, 2)],
  chromeBottom: lines(at(s0, 8).trim()),
  category: { alias: 'tin-tuc-su-kien', name: 'Tin tức - Sự kiện' },
  province_code_2008: '20',
  province_code_2025: '20',
  documents: [
    doc(
      'plan',
      '138',
      '138/KH-UBND',
      '2024-06-10',
      'UBND tỉnh Lạng Sơn',
      'tổ chức Đại hội thi đua yêu nước các cấp'
    ),
  ],
  events: [
    ev('dai_hoi_thi_dua', 'province', 'tỉnh Lạng Sơn', 6, 'planned', '2025-08'),
    ev('dai_hoi_thi_dua', 'national', null, 11, 'planned', '2025-01-01/2025-12-31'),
  ],
  campaigns: ['hoc_tap_lam_theo_bac', 'nong_thon_moi', 'ha_tang_tiet_kiem', 'vi_nguoi_ngheo'],
})

const seed001 = (s1: ReadonlyArray<string>): SeedPlan => ({
  seed: '001',
  file: '001_c8ba279a564ecc4f.txt',
  host: 'halong.quangninh.gov.vn',
  url: null,
  factId: null,
  id: '13066',
  title: at(s1, 2),
  lead: at(s1, 3),
  paragraphs: [at(s1, 4), at(s1, 5), at(s1, 6), at(s1, 7), at(s1, 8)],
  images: [],
  authors: [at(s1, 9).trim()],
  published_at: '2019-10-22T15:50:00+07:00',
  dateline: null,
  chromeTop: [],
  chromeBottom: [],
  category: { alias: 'Quy-hoach-Ke-hoach', name: 'Quy hoạch - Kế hoạch' },
  province_code_2008: null,
  province_code_2025: null,
  documents: [
    doc(
      'plan',
      '156',
      '156/KH-UBND',
      '2019-10-15',
      'Ủy ban nhân dân thành phố',
      'tổ chức Hội nghị điển hình tiên tiến cấp xã, phường'
    ),
    doc(
      'directive',
      '34',
      '34-CT/TW',
      '2014-04-07',
      'Bộ Chính trị',
      'tiếp tục đổi mới công tác thi đua, khen thưởng'
    ),
  ],
  events: [ev('hoi_nghi_dien_hinh', 'city', 'thành phố', 5, 'planned', '2020-04-20/2020-04-25', '2020-2025')],
  campaigns: ['doanh_nghiep_hoi_nhap', 'vi_nguoi_ngheo', 'van_hoa_cong_so', 'hoc_tap_lam_theo_bac'],
})

const seed002 = (s2: ReadonlyArray<string>): SeedPlan => ({
  seed: '002',
  file: '002_f3039fbd6f5ff209.txt',
  host: 'baonghean.vn',
  url: null,
  factId: null,
  id: '10152207',
  title: at(s2, 1),
  lead: at(s2, 2),
  paragraphs: [at(s2, 3), at(s2, 5), at(s2, 7), at(s2, 8), at(s2, 10), at(s2, 11), at(s2, 12)],
  images: [
    captionPair(at(s2, 4), 0, 'https://bna.1cdn.vn/2018/03/05/hop-thi-dua-1.jpg'),
    captionPair(at(s2, 6), 1, 'https://bna.1cdn.vn/2018/03/05/hop-thi-dua-2.jpg'),
    captionPair(at(s2, 9), 3, 'https://bna.1cdn.vn/2018/03/05/hop-thi-dua-3.jpg'),
  ],
  authors: [],
  published_at: '2018-03-05T19:10:00+07:00',
  dateline: '(Baonghean.vn) -',
  chromeTop: [at(s2, 0)],
  chromeBottom: [at(s2, 13)],
  category: { alias: 'thoi-su', name: 'Thời sự' },
  province_code_2008: '40',
  province_code_2025: '40',
  documents: [
    doc(
      'directive',
      '22',
      '22-CT/TW',
      '2018-01-23',
      'Ban Bí thư Trung ương Đảng',
      'đẩy mạnh phong trào thi đua yêu nước'
    ),
    doc('resolution', '26', null, null, 'Bộ Chính trị', 'NQ 26 của Bộ Chính trị'),
  ],
  events: [ev('other', 'province', null, null, 'planned', '2018-06-11')],
  campaigns: [],
})

const seed003 = (s3: ReadonlyArray<string>): SeedPlan => ({
  seed: '003',
  file: '003_86f93bb68bb18f5a.txt',
  host: 'baolaocai.vn',
  url: null,
  factId: null,
  id: '392263',
  title: at(s3, 0),
  lead: at(s3, 1),
  paragraphs: [2, 3, 4, 6, 8, 9, 11, 12, 13, 15, 16, 17].map((i) => at(s3, i)),
  images: [
    fileCaption(at(s3, 5), 2),
    fileCaption(at(s3, 7), 3),
    fileCaption(at(s3, 10), 5),
    fileCaption(at(s3, 14), 8),
  ],
  authors: [],
  published_at: '2025-01-08T08:30:00+07:00',
  dateline: null,
  chromeTop: [],
  chromeBottom: s3.slice(18),
  category: { alias: 'thoi-su', name: 'Thời sự' },
  province_code_2008: '10',
  province_code_2025: '15',
  documents: [
    doc('directive', '01', null, null, 'UBND tỉnh Lào Cai', 'phát động phong trào thi đua năm 2025'),
    doc(
      'directive',
      '41',
      '41-CT/TW',
      '2024-12-26',
      'Bộ Chính trị',
      'tăng cường sự lãnh đạo của Đảng đối với công tác thi đua, khen thưởng'
    ),
  ],
  events: [ev('dai_hoi_thi_dua', 'province', 'tỉnh Lào Cai', 6, 'planned', '2025-01-01/2025-12-31')],
  campaigns: ['nong_thon_moi', 'xoa_nha_tam'],
})

const seed004 = (s4: ReadonlyArray<string>): SeedPlan => ({
  seed: '004',
  file: '004_76a80c90f4edaa84.txt',
  host: 'kontumtv.vn',
  url: 'https://kontumtv.vn/tin-tuc/tin-trong-nuoc/to-chuc-hoi-nghi-tuyen-duong-dien-hinh-tien-tien-cac-cap-tien-toi-dai-hoi-thi-dua-yeu-nuoc-tinh-kon-tum-lan-thu-viii',
  factId: 'd147',
  id: '36120',
  // The extracted text has no headline: this one is read back from the page's URL slug.
  title:
    'Tổ chức Hội nghị tuyên dương điển hình tiên tiến các cấp tiến tới Đại hội thi đua yêu nước tỉnh Kon Tum lần thứ VIII',
  lead: null,
  paragraphs: [at(s4, 0), at(s4, 2), at(s4, 3), at(s4, 4)],
  images: [
    {
      src: 'https://kontumtv.vn/wp-content/uploads/2019/11/to-chuc-hop-nghi.jpg',
      caption: at(s4, 1),
      after: 0,
    },
  ],
  authors: [at(s4, 5)],
  published_at: '2019-11-20T10:05:00+07:00',
  dateline: '(kontumtv.vn) –',
  chromeTop: [],
  chromeBottom: [at(s4, 6), at(s4, 7)],
  category: { alias: 'tin-tuc', name: 'Tin tức' },
  province_code_2008: '62',
  province_code_2025: '51',
  documents: [],
  events: [],
  campaigns: [],
})

/** Each seed file and how its blocks are placed. */
const SEED_FILES: ReadonlyArray<readonly [string, (blocks: ReadonlyArray<string>) => SeedPlan]> = [
  ['000_7f2b0f6029494eb8.txt', seed000],
  ['001_c8ba279a564ecc4f.txt', seed001],
  ['002_f3039fbd6f5ff209.txt', seed002],
  ['003_86f93bb68bb18f5a.txt', seed003],
  ['004_76a80c90f4edaa84.txt', seed004],
]

export const loadSeedPlans = (): SeedPlan[] => SEED_FILES.map(([file, plan]) => plan(blocks(file)))
