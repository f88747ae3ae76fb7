/**
 * Listing pages must never become articles. Every listing route of the offline snapshot (manifest
 * kind "listing": category archives, "Tin tức - Sự kiện" lists, paginated pages) is refused by
 * parseArticle and by isArticlePage, while every snapshot article page is accepted — with its
 * `thidua:origin` marker removed, so the structural test decides, not the snapshot's label.
 */
import { describe, expect, it } from 'vitest'
import { listSnapshotPages, readSnapshotPage, type SnapshotPage } from '../snapshot/catalog.ts'
import { decodeHtml } from './crawl-utils.ts'
import { listingEvidence } from './listing.ts'
import { parseHtml } from './doc.ts'
import { isArticlePage, parseArticle } from './parse-article.ts'

const pages = listSnapshotPages().filter((p) => p.status === 200)
const listings = pages.filter((p) => p.kind === 'listing')
const articles = pages.filter((p) => p.kind === 'article')

const textOf = (p: SnapshotPage): string => decodeHtml(readSnapshotPage(p), p.content_type).text
const withoutOrigin = (html: string): string =>
  html.replace(/<meta[^>]+name=["']thidua:origin["'][^>]*>/gi, '')

describe('snapshot listing pages', () => {
  it('are numerous and span several platforms', () => {
    expect(listings.length).toBeGreaterThanOrEqual(40)
    expect(new Set(listings.map((p) => p.platform)).size).toBeGreaterThanOrEqual(5)
  })

  it('the langson.gov.vn "Tin tức - Sự kiện" listing is refused as a listing', () => {
    const p = listings.find(
      (l) => l.host === 'langson.gov.vn' && l.path.startsWith('/vi/news/tin-tuc-su-kien')
    )
    expect(p, 'langson.gov.vn listing route in the snapshot').toBeDefined()
    const html = textOf(p!)
    expect(isArticlePage(html, p!.url)).toBe(false)
    expect(parseArticle(html, p!.url)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^listing page: /),
    })
  })

  it.each(listings.map((p) => [p.url, p] as const))('refuses %s', (_url, p) => {
    const html = textOf(p)
    const r = parseArticle(html, p.url)
    expect(r.ok, r.ok ? `parsed as an article titled ${JSON.stringify(r.article.title)}` : '').toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/listing page|no article body|no title/)
    expect(isArticlePage(html, p.url)).toBe(false)
  })
})

describe('snapshot article pages (origin marker removed)', () => {
  it.each(articles.map((p) => [p.url, p] as const))('accepts %s', (_url, p) => {
    const html = withoutOrigin(textOf(p))
    const r = parseArticle(html, p.url)
    if (!r.ok) throw new Error(`${p.url}: ${r.reason}`)
    expect(isArticlePage(html, p.url)).toBe(true)
  })
})

describe('listingEvidence', () => {
  const url = 'https://thunghiem.gov.vn/tin-tuc/bai-viet-1.html'
  const prose = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<p>Đoạn ${i + 1}: Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm 2024, biểu dương các tập thể và cá nhân có thành tích xuất sắc trong lao động, sản xuất.</p>`
    ).join('')
  const teaser = (i: number) =>
    `<div class="item"><h3><a href="/tin-tuc/bai-khac-${i}.html">Hội nghị điển hình tiên tiến cấp huyện lần thứ ${i}</a></h3><span class="time">0${i}/01/2024</span><p>Huyện tổ chức hội nghị điển hình tiên tiến, khen thưởng các gương người tốt việc tốt.</p></div>`
  const bodyOf = (inner: string) => {
    const doc = parseHtml(`<html><body><div id="body">${inner}</div></body></html>`)
    return [doc.first('#body')!]
  }

  it('counts related-news teasers closing an article as a small share of its text', () => {
    const e = listingEvidence(bodyOf(prose(5) + teaser(1) + teaser(2)), url)
    expect(e.teasers).toBe(2)
    expect(e.teaserChars).toBeLessThan(0.5 * e.bodyChars)
  })

  it('finds a body made of teasers, even a single one', () => {
    const one = listingEvidence(bodyOf(teaser(1)), url)
    expect(one.teasers).toBe(1)
    expect(one.teaserChars).toBe(one.bodyChars)
    const many = listingEvidence(bodyOf(teaser(1) + teaser(2) + teaser(3)), url)
    expect(many.teasers).toBe(3)
    expect(many.teaserChars).toBeGreaterThanOrEqual(0.9 * many.bodyChars)
  })

  it('finds list items that open with a headline link and go on with a snippet', () => {
    const li = (i: number) =>
      `<li><a href="/tin-tuc/tin-${i}.html">Sở Nội vụ tổng kết công tác thi đua khen thưởng năm ${2020 + i}</a> <span>(0${i}/12/2024)</span> Hội nghị biểu dương các tập thể, cá nhân tiêu biểu trong phong trào.</li>`
    const e = listingEvidence(bodyOf(`<ul>${li(1)}${li(2)}${li(3)}</ul>`), url)
    expect(e.teasers).toBe(3)
    expect(e.teaserChars).toBeGreaterThanOrEqual(0.9 * e.bodyChars)
  })

  it('does not take a list of attached documents for teasers', () => {
    const docs = [1, 2, 3]
      .map(
        (i) => `<li><a href="/uploads/van-ban/qd-${i}.pdf">Quyết định số ${i}/QĐ-UBND về khen thưởng</a></li>`
      )
      .join('')
    expect(listingEvidence(bodyOf(`${prose(1)}<ul>${docs}</ul>`), url).teasers).toBe(0)
  })

  it('does not count a headline that links to the page itself', () => {
    const self = `<h2><a href="${url}">Tiêu đề bài viết liên kết tới chính trang này</a></h2>${prose(1)}`
    expect(listingEvidence(bodyOf(self), url).teasers).toBe(0)
  })

  it('treats a body root that is the snippet under a teaser headline as part of the teaser', () => {
    const doc = parseHtml(
      `<html><body><div class="list"><article class="post"><h2 class="entry-title"><a href="/bai-1/">Thành phố họp xét điển hình tiên tiến</a></h2><div class="entry-summary"><p>${'Hội đồng xét chọn thành phố xem xét các điển hình tiên tiến. '.repeat(3)}</p></div></article></div></body></html>`
    )
    const e = listingEvidence([doc.first('.entry-summary')!], url)
    expect(e.teasers).toBe(1)
    expect(e.teaserChars).toBe(e.bodyChars)
  })
})
