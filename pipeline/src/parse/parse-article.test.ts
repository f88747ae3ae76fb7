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

describe('parseArticle on NukeViet', () => {
  const a = parsed(
    'nukeviet-article.html',
    'https://thunghiem.gov.vn/vi/news/tin-tuc-su-kien/so-noi-vu-tong-ket-4521.html'
  )
  it('reads title, visible date (not the microdata edit time), authors, category, tags', () => {
    expect(a.platform).toBe('nukeviet')
    expect(a.title).toBe('Sở Nội vụ tổng kết phong trào thi đua năm 2023')
    expect(a.published_at).toBe('2024-01-12T09:05:00+07:00')
    expect(a.authors).toEqual(['Thu Hà', 'Minh Đức'])
    expect(a.category).toBe('Thi đua - Khen thưởng')
    expect(a.tags).toEqual(['thi đua', 'khen thưởng'])
  })
  it('opens the body with the lead, keeps table rows, keeps captions apart, drops the rating form', () => {
    expect(a.lead).toMatch(/^Sáng 12\/1, Sở Nội vụ/)
    const paras = a.body_text.split('\n\n')
    expect(paras[0]).toBe(a.lead)
    expect(paras).toContain('Tập thể 12')
    expect(paras).toHaveLength(6)
    expect(a.body_text).not.toContain('Quang cảnh hội nghị tổng kết')
    expect(a.images).toEqual([
      {
        src: 'https://thunghiem.gov.vn/assets/news/2024_01/hoi-nghi.jpg',
        caption: 'Quang cảnh hội nghị tổng kết',
      },
    ])
    expect(a.body_text).not.toMatch(/\u00a0| {2}/)
    expectNoChrome(a)
  })
  it('hashes the body text', () => {
    expect(a.content_hash).toMatch(/^[0-9a-f]{64}$/)
    const again = parsed(
      'nukeviet-article.html',
      'https://thunghiem.gov.vn/vi/news/tin-tuc-su-kien/so-noi-vu-tong-ket-4521.html'
    )
    expect(again.content_hash).toBe(a.content_hash)
  })
})

describe('parseArticle on a SharePoint-style government portal', () => {
  const a = parsed('gov-portal-article.html', 'https://thunghiem.gov.vn/Trang/ChiTietTinTuc.aspx?nid=5678')
  it('reads the category + date line, the byline at the end, and skips the visitor counter', () => {
    expect(a.platform).toBe('gov-portal')
    expect(a.title).toBe('Triển khai kế hoạch Hội nghị điển hình tiên tiến cấp xã')
    expect(a.published_at).toBe('2019-10-22T15:50:00+07:00')
    expect(a.category).toBe('Quy hoạch - Kế hoạch')
    expect(a.authors).toEqual(['M. NƯƠNG'])
    expect(a.body_text.split('\n\n')).toHaveLength(3)
    expect(a.body_text).not.toMatch(/M\. NƯƠNG|Số lượt người xem|TIN MỚI HƠN|TIN ĐÃ ĐƯA/)
    expectNoChrome(a)
  })
})

describe('parseArticle on Liferay portals', () => {
  it('reads the DNICT portlet ("Ngày đăng tin:", "Tác giả:")', () => {
    const a = parsed(
      'liferay-dnict.html',
      'https://thunghiem.gov.vn/chi-tiet-tin?dinhdanh=1589692995213&danhmuc=13848241113627'
    )
    expect(a.platform).toBe('liferay')
    expect(a.title).toBe('Phát động thi đua cao điểm 100 ngày')
    expect(a.published_at).toBe('2023-09-05T14:20:00+07:00')
    expect(a.authors).toEqual(['Lê Văn An'])
    expect(a.body_text).not.toMatch(/Người đăng tin|Lượt xem|Bình luận/)
    expect(a.body_text.split('\n\n')).toHaveLength(3)
  })
  it('reads VCMS ("Ngay dang" without diacritics, p.wd-actor) and stops before "Các tin khác"', () => {
    const a = parsed('liferay-vcms.html', 'https://snv.thunghiem.gov.vn/web/guest/tin-tuc?articleId=77')
    expect(a.published_at).toBe('2024-02-09T08:15:00+07:00')
    expect(a.authors).toEqual(['Phạm Thị Lan'])
    expect(a.category).toBe('Thi đua khen thưởng')
    expect(a.body_text).not.toMatch(/In bài viết|Các tin khác|Ngay dang/)
    expect(a.body_text.split('\n\n')[0]).toMatch(/^Ngày 8\/2, Sở Nội vụ/)
  })
})

describe('parseArticle on Drupal', () => {
  const a = parsed(
    'drupal-article.html',
    'https://thunghiem.gov.vn/content/dai-hoi-thi-dua-yeu-nuoc-huyen-lan-thu-v'
  )
  it('converts the UTC datetime to Vietnamese time and keeps the figure caption apart', () => {
    expect(a.platform).toBe('drupal')
    expect(a.published_at).toBe('2020-08-14T10:30:00+07:00')
    expect(a.authors).toEqual(['Nguyễn Hải'])
    expect(a.tags).toEqual(['Đại hội thi đua'])
    expect(a.images[0]?.caption).toBe('Các đại biểu dự Đại hội. Ảnh: Nguyễn Hải')
    expect(a.body_text).not.toContain('Các đại biểu dự Đại hội')
    expect(a.body_text.split('\n\n')).toHaveLength(3)
  })
})

describe('parseArticle on WordPress', () => {
  const a = parsed(
    'wordpress-article.html',
    'https://tv.thunghiem.vn/tuyen-duong-dien-hinh-tien-tien/?fbclid=abc'
  )
  it('prefers time[datetime], reads the dateline, lazy image and caption, and strips comments/share', () => {
    expect(a.platform).toBe('wordpress')
    expect(a.url).toBe('https://tv.thunghiem.vn/tuyen-duong-dien-hinh-tien-tien/')
    expect(a.published_at).toBe('2019-05-20T08:10:00+07:00')
    expect(a.updated_at).toBe('2019-05-21T09:00:00+07:00')
    expect(a.dateline).toBe('(thunghiemtv.vn) –')
    expect(a.category).toBe('Thời sự')
    expect(a.images).toEqual([
      {
        src: 'https://tv.thunghiem.vn/wp-content/uploads/2019/05/hn.jpg',
        caption: 'Trao Bằng khen cho các tập thể. Ảnh: Đức Thắng',
      },
    ])
    expect(a.body_text).not.toMatch(/Nghĩa Hà|Trả lời|Bài viết liên quan|Các trường bắt buộc/)
    expectNoChrome(a)
  })
})

describe('parseArticle on the "-post" newspaper family', () => {
  const a = parsed(
    'newspaper-post-article.html',
    'https://baothunghiem.vn/trien-khai-phong-trao-thi-dua-post392263.html?utm_source=fb'
  )
  it('reads the +0700 datetime, sapo, photo table caption, and drops file names and related boxes', () => {
    expect(a.platform).toBe('newspaper-post')
    expect(a.published_at).toBe('2025-01-15T10:24:00+07:00')
    expect(a.authors).toEqual(['Quang Minh'])
    expect(a.category).toBe('Chính trị')
    expect(a.lead).toBe('UBND tỉnh vừa ban hành Chỉ thị số 01 về phát động phong trào thi đua năm 2025.')
    expect(a.images[0]).toEqual({
      src: 'https://cdn.baothunghiem.vn/images/ab12/z6186955002147.jpg',
      caption: 'Quang cảnh hội nghị triển khai. Ảnh: Quang Minh',
    })
    expect(a.body_text.split('\n\n')).toHaveLength(3)
    expect(a.body_text).not.toMatch(/Tin liên quan|Tin A|z6186955002147/)
    expectNoChrome(a)
  })
})

describe('parseArticle on Báo Nghệ An', () => {
  const a = parsed(
    'baonghean-article.html',
    'https://baonghean.vn/phat-dong-phong-trao-thi-dua-10264872.html'
  )
  it('exposes the dateline, drops the duplicated caption paragraph and the "Tin mới" block', () => {
    expect(a.platform).toBe('baonghean')
    expect(a.dateline).toBe('(Baonghean.vn) -')
    expect(a.published_at).toBe('2018-03-05T17:32:00+07:00')
    expect(a.authors).toEqual(['Thanh Nga'])
    expect(a.body_text).not.toMatch(/Ảnh: Thanh Nga|mask|Tin mới nhất/)
    expect(a.body_text.startsWith('(Baonghean.vn) - Chiều 5/3')).toBe(true)
  })
})

describe('parseArticle on an unknown site', () => {
  const a = parsed('generic-jsonld.html', 'https://tin.thunghiem.vn/xa-hoi/khen-thuong-dan-van-kheo.html')
  it('takes metadata from JSON-LD @graph and the body by text density, not the menu or sidebar', () => {
    expect(a.platform).toBe('generic')
    expect(a.title).toBe('Khen thưởng phong trào thi đua “Dân vận khéo”')
    expect(a.published_at).toBe('2023-11-02T07:45:00+07:00')
    expect(a.updated_at).toBe('2023-11-03T08:00:00+07:00')
    expect(a.authors).toEqual(['Trần Bình'])
    expect(a.category).toBe('Xã hội')
    expect(a.tags).toEqual(['thi đua', 'dân vận khéo'])
    expect(a.body_text.split('\n\n')).toHaveLength(3)
    expect(a.body_text).not.toMatch(/Trang chủ|Tin A ngắn|Bản quyền/)
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
