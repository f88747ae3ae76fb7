import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { ArticleRecord } from '../domain/article.ts'
import { isArticlePage, parseArticle } from './parse-article.ts'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const page = (name: string): string => readFileSync(path.join(fixtures, `${name}.txt`), 'utf8')

const parsed = (name: string, url: string): ArticleRecord => {
  const r = parseArticle(page(name), url)
  if (!r.ok) throw new Error(`${name}: ${r.reason}`)
  return r.article
}

const CHROME = [
  'SỐ LƯỢT TRUY CẬP',
  'Tổng số điểm',
  'Click để đánh giá',
  'Tin cùng chuyên mục',
  'Có thể bạn quan tâm',
  'Tin mới',
  'Xem tiếp',
  'Bản in',
  'Quay lại',
  'Email của bạn',
  'fb yt zl tw',
  'Chia sẻ',
  '.jpg',
  'A- A A+',
]
const expectNoChrome = (a: ArticleRecord) => {
  for (const c of CHROME) expect(a.body_text, c).not.toContain(c)
}

const NUKEVIET_URL = 'https://thunghiem.gov.vn/vi/news/tin-tuc-su-kien/so-noi-vu-tong-ket-4521.html'

/** One article page per platform: the fields it must read, the furniture it must drop, then its own checks. */
interface SiteCase {
  readonly site: string
  readonly what: string
  readonly file: string
  readonly url: string
  /** Record fields, each compared with toEqual. */
  readonly fields: Partial<ArticleRecord>
  /** Paragraphs of the body, when the case pins them. */
  readonly paragraphs?: number
  /** Page furniture that must not reach the body. */
  readonly absent?: RegExp
  /** Also check the common CHROME list. */
  readonly chrome?: boolean
  readonly more?: (a: ArticleRecord) => void
}

const SITES: readonly SiteCase[] = [
  {
    site: 'NukeViet',
    what: 'title, visible date (not the microdata edit time), authors, category, tags; lead first, table rows kept, captions apart, rating form dropped',
    file: 'nukeviet-article.html',
    url: NUKEVIET_URL,
    fields: {
      platform: 'nukeviet',
      title: 'Sở Nội vụ tổng kết phong trào thi đua năm 2023',
      published_at: '2024-01-12T09:05:00+07:00',
      authors: ['Thu Hà', 'Minh Đức'],
      category: 'Thi đua - Khen thưởng',
      tags: ['thi đua', 'khen thưởng'],
      images: [
        {
          src: 'https://thunghiem.gov.vn/assets/news/2024_01/hoi-nghi.jpg',
          caption: 'Quang cảnh hội nghị tổng kết',
        },
      ],
    },
    paragraphs: 6,
    absent: /\u00a0| {2}|Quang cảnh hội nghị tổng kết/,
    chrome: true,
    more: (a) => {
      expect(a.lead).toMatch(/^Sáng 12\/1, Sở Nội vụ/)
      const paras = a.body_text.split('\n\n')
      expect(paras[0]).toBe(a.lead)
      expect(paras).toContain('Tập thể 12')
    },
  },
  {
    site: 'a SharePoint-style government portal',
    what: 'the category + date line, the byline at the end, and skips the visitor counter',
    file: 'gov-portal-article.html',
    url: 'https://thunghiem.gov.vn/Trang/ChiTietTinTuc.aspx?nid=5678',
    fields: {
      platform: 'gov-portal',
      title: 'Triển khai kế hoạch Hội nghị điển hình tiên tiến cấp xã',
      published_at: '2019-10-22T15:50:00+07:00',
      category: 'Quy hoạch - Kế hoạch',
      authors: ['M. NƯƠNG'],
    },
    paragraphs: 3,
    absent: /M\. NƯƠNG|Số lượt người xem|TIN MỚI HƠN|TIN ĐÃ ĐƯA/,
    chrome: true,
  },
  {
    site: 'Liferay (DNICT portlet)',
    what: '"Ngày đăng tin:", "Tác giả:"',
    file: 'liferay-dnict.html',
    url: 'https://thunghiem.gov.vn/chi-tiet-tin?dinhdanh=1589692995213&danhmuc=13848241113627',
    fields: {
      platform: 'liferay',
      title: 'Phát động thi đua cao điểm 100 ngày',
      published_at: '2023-09-05T14:20:00+07:00',
      authors: ['Lê Văn An'],
    },
    paragraphs: 3,
    absent: /Người đăng tin|Lượt xem|Bình luận/,
  },
  {
    site: 'Liferay (VCMS)',
    what: '"Ngay dang" without diacritics, p.wd-actor, stops before "Các tin khác"',
    file: 'liferay-vcms.html',
    url: 'https://snv.thunghiem.gov.vn/web/guest/tin-tuc?articleId=77',
    fields: {
      published_at: '2024-02-09T08:15:00+07:00',
      authors: ['Phạm Thị Lan'],
      category: 'Thi đua khen thưởng',
    },
    absent: /In bài viết|Các tin khác|Ngay dang/,
    more: (a) => expect(a.body_text.split('\n\n')[0]).toMatch(/^Ngày 8\/2, Sở Nội vụ/),
  },
  {
    site: 'Drupal',
    what: 'converts the UTC datetime to Vietnamese time and keeps the figure caption apart',
    file: 'drupal-article.html',
    url: 'https://thunghiem.gov.vn/content/dai-hoi-thi-dua-yeu-nuoc-huyen-lan-thu-v',
    fields: {
      platform: 'drupal',
      published_at: '2020-08-14T10:30:00+07:00',
      authors: ['Nguyễn Hải'],
      tags: ['Đại hội thi đua'],
    },
    paragraphs: 3,
    absent: /Các đại biểu dự Đại hội/,
    more: (a) => expect(a.images[0]?.caption).toBe('Các đại biểu dự Đại hội. Ảnh: Nguyễn Hải'),
  },
  {
    site: 'WordPress',
    what: 'prefers time[datetime], reads the dateline, lazy image and caption, and strips comments/share',
    file: 'wordpress-article.html',
    url: 'https://tv.thunghiem.vn/tuyen-duong-dien-hinh-tien-tien/?fbclid=abc',
    fields: {
      platform: 'wordpress',
      url: 'https://tv.thunghiem.vn/tuyen-duong-dien-hinh-tien-tien/',
      published_at: '2019-05-20T08:10:00+07:00',
      updated_at: '2019-05-21T09:00:00+07:00',
      dateline: '(thunghiemtv.vn) –',
      category: 'Thời sự',
      images: [
        {
          src: 'https://tv.thunghiem.vn/wp-content/uploads/2019/05/hn.jpg',
          caption: 'Trao Bằng khen cho các tập thể. Ảnh: Đức Thắng',
        },
      ],
    },
    absent: /Nghĩa Hà|Trả lời|Bài viết liên quan|Các trường bắt buộc/,
    chrome: true,
  },
  {
    site: 'the "-post" newspaper family',
    what: 'reads the +0700 datetime, sapo, photo table caption, and drops file names and related boxes',
    file: 'newspaper-post-article.html',
    url: 'https://baothunghiem.vn/trien-khai-phong-trao-thi-dua-post392263.html?utm_source=fb',
    fields: {
      platform: 'newspaper-post',
      published_at: '2025-01-15T10:24:00+07:00',
      authors: ['Quang Minh'],
      category: 'Chính trị',
      lead: 'UBND tỉnh vừa ban hành Chỉ thị số 01 về phát động phong trào thi đua năm 2025.',
    },
    paragraphs: 3,
    absent: /Tin liên quan|Tin A|z6186955002147/,
    chrome: true,
    more: (a) =>
      expect(a.images[0]).toEqual({
        src: 'https://cdn.baothunghiem.vn/images/ab12/z6186955002147.jpg',
        caption: 'Quang cảnh hội nghị triển khai. Ảnh: Quang Minh',
      }),
  },
  {
    site: 'Báo Nghệ An',
    what: 'exposes the dateline, drops the duplicated caption paragraph and the "Tin mới" block',
    file: 'baonghean-article.html',
    url: 'https://baonghean.vn/phat-dong-phong-trao-thi-dua-10264872.html',
    fields: {
      platform: 'baonghean',
      dateline: '(Baonghean.vn) -',
      published_at: '2018-03-05T17:32:00+07:00',
      authors: ['Thanh Nga'],
    },
    absent: /Ảnh: Thanh Nga|mask|Tin mới nhất/,
    more: (a) => expect(a.body_text.startsWith('(Baonghean.vn) - Chiều 5/3')).toBe(true),
  },
  {
    site: 'an unknown site',
    what: 'takes metadata from JSON-LD @graph and the body by text density, not the menu or sidebar',
    file: 'generic-jsonld.html',
    url: 'https://tin.thunghiem.vn/xa-hoi/khen-thuong-dan-van-kheo.html',
    fields: {
      platform: 'generic',
      title: 'Khen thưởng phong trào thi đua “Dân vận khéo”',
      published_at: '2023-11-02T07:45:00+07:00',
      updated_at: '2023-11-03T08:00:00+07:00',
      authors: ['Trần Bình'],
      category: 'Xã hội',
      tags: ['thi đua', 'dân vận khéo'],
    },
    paragraphs: 3,
    absent: /Trang chủ|Tin A ngắn|Bản quyền/,
  },
]

describe('parseArticle on each platform', () => {
  it.each(SITES)('$site: $what', (c) => {
    const a = parsed(c.file, c.url)
    for (const [field, want] of Object.entries(c.fields))
      expect(a[field as keyof ArticleRecord], field).toEqual(want)
    if (c.paragraphs !== undefined) expect(a.body_text.split('\n\n')).toHaveLength(c.paragraphs)
    if (c.absent) expect(a.body_text).not.toMatch(c.absent)
    if (c.chrome) expectNoChrome(a)
    c.more?.(a)
  })
  it('hashes the body text', () => {
    const a = parsed('nukeviet-article.html', NUKEVIET_URL)
    expect(a.content_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(parsed('nukeviet-article.html', NUKEVIET_URL).content_hash).toBe(a.content_hash)
  })
})

describe('parseArticle failures', () => {
  it('gives a reason for a listing page, an empty page and a bad URL', () => {
    const listing = parseArticle(page('nukeviet-listing.html'), 'https://thunghiem.gov.vn/vi/news/tin-tuc/')
    expect(listing).toEqual({ ok: false, reason: expect.stringMatching(/no article body/) })
    expect(parseArticle('   ', 'https://a.vn/x')).toEqual({ ok: false, reason: 'empty document' })
    expect(parseArticle('<html><body><p>x</p></body></html>', 'not a url')).toEqual({
      ok: false,
      reason: 'invalid URL (http or https expected): not a url',
    })
  })
  it('survives truncated and malformed HTML', () => {
    const html = page('nukeviet-article.html')
    const cut = html.slice(0, Math.floor(html.indexOf('Hội nghị đã biểu dương') + 40))
    const r = parseArticle(
      cut,
      'https://thunghiem.gov.vn/vi/news/tin-tuc-su-kien/so-noi-vu-tong-ket-4521.html'
    )
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.article.body_text).toContain('Năm 2023, các phong trào thi đua')
  })
})

describe('parseArticle normalization', () => {
  it('NFC-normalizes decomposed text so the hash matches the composed page', () => {
    const html = page('nukeviet-article.html')
    const url = 'https://thunghiem.gov.vn/vi/news/tin-tuc-su-kien/so-noi-vu-tong-ket-4521.html'
    const a = parseArticle(html, url)
    const b = parseArticle(html.normalize('NFD'), url)
    expect(a.ok && b.ok).toBe(true)
    if (a.ok && b.ok) {
      expect(b.article.title).toBe(a.article.title)
      expect(b.article.content_hash).toBe(a.article.content_hash)
    }
  })
  it('reads the snapshot origin marker', () => {
    const html = page('drupal-article.html').replace(
      '<head>',
      '<head><meta name="thidua:origin" content="rebuilt">'
    )
    const r = parseArticle(html, 'https://thunghiem.gov.vn/content/x')
    expect(r.ok && r.article.origin).toBe('rebuilt')
  })
})

describe('isArticlePage(html, url)', () => {
  it('tells article pages from listings', () => {
    expect(
      isArticlePage(page('nukeviet-listing.html'), 'https://thunghiem.gov.vn/vi/news/tin-tuc/page-2/')
    ).toBe(false)
    expect(isArticlePage(page('nukeviet-listing.html'), 'https://thunghiem.gov.vn/vi/news/tin-tuc/')).toBe(
      false
    )
    expect(
      isArticlePage(
        page('wordpress-article.html'),
        'https://tv.thunghiem.vn/tuyen-duong-dien-hinh-tien-tien/'
      )
    ).toBe(true)
    expect(
      isArticlePage(
        page('nukeviet-article.html'),
        'https://thunghiem.gov.vn/vi/news/tin-tuc-su-kien/so-noi-vu-tong-ket-4521.html'
      )
    ).toBe(true)
    expect(isArticlePage('{"json": true}', 'https://a.vn/wp-json/wp/v2/posts')).toBe(false)
  })
})
