/**
 * The date finder on generic pages: every printed Vietnamese form of issue #12 next to the headline,
 * meta tags, JSON-LD, <time>, the URL, and the source recorded for each.
 */
import { describe, expect, it } from 'vitest'
import { findPublished, printedDate, urlDate } from './date-finder.ts'
import { parseHtml } from './doc.ts'
import { readHeadMeta } from './head-meta.ts'
import { parseArticle } from './parse-article.ts'

const TITLE = 'Phát động phong trào thi đua yêu nước năm 2024'
const BODY = [
  'Sáng nay, Ủy ban nhân dân tỉnh tổ chức lễ phát động phong trào thi đua yêu nước năm 2024 với sự tham dự của đại diện các sở, ban, ngành.',
  'Theo Kế hoạch số 138/KH-UBND ngày 10/6/2024, các cơ quan, đơn vị triển khai phong trào thi đua đến từng cán bộ, công chức và người lao động.',
]

const page = (beforeTitle: string, afterTitle: string, head = '') =>
  `<!doctype html><html><head><title>${TITLE} - Cổng thông tin điện tử tỉnh</title>${head}</head><body>
  <div class="header"><span class="today">Thứ Năm, 05/12/2026</span></div>
  <div class="main">${beforeTitle}<h1 class="title">${TITLE}</h1>${afterTitle}
  <div class="content">${BODY.map((p) => `<p>${p}</p>`).join('')}</div></div></body></html>`

const URL_ = 'https://sonoivu.vidu.gov.vn/tin-tuc/phat-dong-phong-trao.html'

const dateOf = (html: string, url = URL_) => {
  const r = parseArticle(html, url)
  if (!r.ok) throw new Error(r.reason)
  return [r.article.published_at, r.article.date_source]
}

describe('printed date lines next to the headline', () => {
  it.each([
    ['<div class="info">Cập nhật : 20-10-2015 - 09:42</div>', '2015-10-20T09:42:00+07:00'],
    ['<span>21/12/2012 | 12:00 AM</span>', '2012-12-21T00:00:00+07:00'],
    ['<p class="meta">Ngày đăng 01/07/2015 | 12:00 AM</p>', '2015-07-01T00:00:00+07:00'],
    ['<div>05-03-2018</div>', '2018-03-05T00:00:00+07:00'],
    ['<div><i>ngày 12 tháng 6 năm 2024</i></div>', '2024-06-12T00:00:00+07:00'],
    ['<div class="dt">Thứ Tư, 14/07/2021 | 17:45</div>', '2021-07-14T17:45:00+07:00'],
    ['<div>Đăng lúc 03:05 PM 02/01/2020</div>', '2020-01-02T15:05:00+07:00'],
    ['<span class="date">Thứ tư, 22/10/2025, 19:25 (GMT+7)</span>', '2025-10-22T19:25:00+07:00'],
    ['<span class="muted date"> 30 tháng 8, 2024 </span>', '2024-08-30T00:00:00+07:00'],
    ['<time class="entry-date">Tháng Ba 5, 2018</time>', '2018-03-05T00:00:00+07:00'],
    ['<div class="posted">5 Tháng Mười Hai, 2019</div>', '2019-12-05T00:00:00+07:00'],
    ['<div>Cập nhật lúc 14h30 ngày 05/03/2018</div>', '2018-03-05T14:30:00+07:00'],
    ['<div>05.03.2018 - 2:30 chiều</div>', '2018-03-05T14:30:00+07:00'],
  ])('%s', (line, iso) => {
    expect(dateOf(page('', line))).toEqual([iso, 'printed'])
  })

  it('reads a date printed above the headline', () => {
    expect(dateOf(page('<div class="d">Thứ Hai, 03/06/2024 08:15</div>', ''))).toEqual([
      '2024-06-03T08:15:00+07:00',
      'printed',
    ])
  })

  it('never takes the header clock or a date the article text talks about', () => {
    const r = parseArticle(page('', ''), URL_)
    expect(r.ok && r.article.published_at).toBe(null)
    expect(r.ok && r.article.date_source).toBe(null)
  })

  it('finds a labelled line when the headline is not on the page', () => {
    const doc = parseHtml('<body><div>Ngày đăng tin: 22/10/2019 15:50</div><p>Nội dung</p></body>')
    expect(printedDate(doc, 'Một tiêu đề không có trên trang')).toBe('2019-10-22T15:50:00+07:00')
  })
})

describe('machine-readable dates and their sources', () => {
  it('prefers JSON-LD, then meta, then <time>, and records which', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${TITLE}","datePublished":"2024-06-12T08:00:00+07:00"}</script>`
    expect(dateOf(page('', '', ld))).toEqual(['2024-06-12T08:00:00+07:00', 'json-ld'])
    const meta = '<meta name="pubdate" content="2024-06-13T09:30:00+07:00">'
    expect(dateOf(page('', '', meta))).toEqual(['2024-06-13T09:30:00+07:00', 'meta'])
    const time = '<time datetime="2024-06-14T10:00:00+07:00">14/06/2024</time>'
    expect(dateOf(page('', time))).toEqual(['2024-06-14T10:00:00+07:00', 'time'])
  })

  it('lets a date-only meta value take the time from the printed line of the same day', () => {
    const doc = parseHtml(
      page('', '<div>Cập nhật: 14/06/2024 10:20</div>', '<meta name="date" content="2024-06-14">')
    )
    const found = findPublished({ doc, meta: readHeadMeta(doc), url: URL_, title: TITLE })
    expect(found).toEqual({ iso: '2024-06-14T10:20:00+07:00', source: 'printed' })
  })

  it('falls back to a date in the URL', () => {
    expect(dateOf(page('', ''), 'https://vidu.vn/2023/04/05/phat-dong-phong-trao/')).toEqual([
      '2023-04-05T00:00:00+07:00',
      'url',
    ])
    expect(urlDate('https://dantri.com.vn/xa-hoi/doc-dao-canh-20220701013433218.htm')).toBe(
      '2022-07-01T01:34:33+07:00'
    )
    expect(urlDate('https://vidu.vn/tin/bai-viet-123.html')).toBe(null)
  })
})
