/**
 * Articles for the relation and implementation tests (warehouse and API): Chỉ thị 41-CT/TW, Lạng Sơn's
 * and Yên Bái's plans carrying it out, a later guide, an amendment. Run through the real extractor.
 * Texts written for these tests.
 */
import { type ArticleRecord, contentHash } from '../../domain/article.ts'
import type { SourceConfig } from '../../domain/source.ts'
import { extract } from '../../extract/extract.ts'
import type { LoadItem } from '../rows.ts'

const source = (id: string, p8: string | null, p25: string | null): SourceConfig => ({
  id,
  name: id,
  kind: 'portal',
  base_url: `https://${id}.example/`,
  province_code_2008: p8,
  province_code_2025: p25,
  platform: 'generic',
  entry_points: [],
})

/** An article run through the real extractor (told the article was published on `published`). */
export const extractedItem = (
  a: { url: string; source_id: string; title: string; published_at: string; body: string },
  published: string
): LoadItem => {
  const article: ArticleRecord = {
    url: a.url,
    source_id: a.source_id,
    platform: 'generic',
    title: a.title,
    lead: null,
    dateline: null,
    authors: [],
    published_at: a.published_at,
    updated_at: null,
    category: null,
    tags: [],
    body_text: a.body,
    images: [],
    links: [],
    content_hash: contentHash(a.body),
    origin: 'rebuilt',
    language: 'vi',
  }
  return { article, extraction: extract(a.body, { id: a.url, published }) }
}

/** An article run through the real extractor, as the pipeline loads it. */
export const relationItem = (n: number, sourceId: string, published: string, body: string): LoadItem =>
  extractedItem(
    {
      url: `https://${sourceId}.example/tin/${n}.html`,
      source_id: sourceId,
      title: body.slice(0, 60),
      published_at: `${published}T08:00:00+07:00`,
      body,
    },
    published
  )

const CT41 = 'Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị'
export const relationItems: LoadItem[] = [
  relationItem(
    1,
    'tw',
    '2024-12-28',
    `Ngày 26/12/2024, Bộ Chính trị ban hành ${CT41} về tăng cường sự lãnh đạo của Đảng đối với công tác thi đua, khen thưởng.`
  ),
  relationItem(
    2,
    'langson',
    '2025-03-05',
    `Thực hiện ${CT41}, UBND tỉnh Lạng Sơn ban hành Kế hoạch số 45/KH-UBND ngày 3/3/2025 về triển khai công tác thi đua.`
  ),
  relationItem(
    3,
    'langson',
    '2025-05-03',
    `Để triển khai ${CT41}, Sở Nội vụ tỉnh Lạng Sơn ban hành Hướng dẫn số 12/HD-SNV ngày 1/5/2025.`
  ),
  relationItem(
    4,
    'yenbai',
    '2025-02-12',
    `Thực hiện ${CT41}, UBND tỉnh Yên Bái ban hành Kế hoạch số 30/KH-UBND ngày 10/2/2025 phát động phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát”.`
  ),
  relationItem(
    5,
    'langson',
    '2025-03-20',
    'Quyết định số 80/QĐ-UBND ngày 18/3/2025 của UBND tỉnh Lạng Sơn sửa đổi, bổ sung Kế hoạch số 45/KH-UBND.'
  ),
]

export const relationSources: SourceConfig[] = [
  source('tw', null, null),
  source('langson', '20', '20'),
  source('yenbai', '15', '15'),
]
