/**
 * Listing vs article (issue #12): a short real article with a teaser link is kept, a news home page
 * and WordPress's "Sample Page" (a page, not a post) are refused.
 */
import { describe, expect, it } from 'vitest'
import { parseHtml } from './doc.ts'
import { listingEvidence } from './listing.ts'
import { isArticlePage, parseArticle } from './parse-article.ts'
import { isHomeUrl } from './page-kind.ts'

const PARA =
  'Chiều 12/6, Ủy ban nhân dân huyện tổ chức hội nghị biểu dương 45 tập thể, cá nhân điển hình tiên tiến trong phong trào thi đua yêu nước giai đoạn 2020 - 2025.'

describe('a short real article', () => {
  it('with one paragraph and a teaser link is an article, not a listing', () => {
    const html = `<html><head><title>Huyện biểu dương điển hình tiên tiến</title></head><body>
      <div class="menu"><a href="/">Trang chủ</a></div>
      <div class="news-detail"><h1>Huyện biểu dương điển hình tiên tiến</h1>
      <div class="content"><p>${PARA}</p>
      <div class="lien-ket"><h3><a href="/tin-tuc/tinh-to-chuc-dai-hoi-thi-dua-yeu-nuoc-lan-thu-vi.html">Tỉnh tổ chức Đại hội thi đua yêu nước lần thứ VI năm 2025</a></h3>
      <p>Đại hội biểu dương các điển hình tiên tiến của toàn tỉnh trong 5 năm qua, trao Cờ thi đua cho các đơn vị dẫn đầu.</p></div></div></div></body></html>`
    const url = 'https://huyenvidu.gov.vn/tin-tuc/bieu-duong-dien-hinh.html'
    // The teaser holds half the text: a share rule alone would call the page a listing.
    const doc = parseHtml(html)
    const e = listingEvidence([doc.first('.content')!], url)
    expect(e.teasers).toBe(1)
    expect(e.teaserChars).toBeGreaterThanOrEqual(0.5 * e.bodyChars)
    const r = parseArticle(html, url)
    expect(r.ok ? r.article.body_text : r.reason).toContain('biểu dương 45 tập thể')
  })

  it('but a body that is a single teaser and nothing else is a listing of one item', () => {
    const html = `<html><head><title>Tin tức - Sự kiện</title></head><body><h1>Tin tức - Sự kiện</h1>
      <div class="list"><div class="item"><h3><a href="/tin-tuc/bai-1.html">Huyện biểu dương điển hình tiên tiến năm 2025</a></h3>
      <p>${PARA}</p></div></div></body></html>`
    const r = parseArticle(html, 'https://huyenvidu.gov.vn/tin-tuc/su-kien.html')
    expect(r.ok ? 'article' : r.reason).toMatch(/^listing page/)
  })
})

describe('home pages', () => {
  const teaser = (i: number) =>
    `<div class="story"><h3 class="story__title"><a href="/thoi-su/bai-${i}-post${1000 + i}.html">Tin thời sự số ${i}: tỉnh phát động phong trào thi đua mới</a></h3><p class="sapo">${PARA}</p></div>`
  const home = `<html><head><title>Báo điện tử tỉnh - Tin tức mới nhất</title><meta property="og:type" content="website"></head>
    <body class="home"><div class="top-story"><h2><a href="/thoi-su/bai-0-post1000.html">Tỉnh tổ chức Đại hội thi đua yêu nước</a></h2>
    <p>${PARA} ${PARA}</p></div>${Array.from({ length: 12 }, (_, i) => teaser(i + 1)).join('')}</body></html>`

  it.each([
    'https://baovidu.vn/',
    'https://baovidu.vn',
    'https://baovidu.vn/index.php',
    'https://baovidu.vn/vi/',
    'https://portal.vidu.gov.vn/Pages/default.aspx',
    'https://vidu.gov.vn/web/guest/trang-chu',
    'https://baovidu.vn/trang-chu.html',
  ])('a news home page at %s is refused', (url) => {
    expect(isHomeUrl(url)).toBe(true)
    const r = parseArticle(home, url)
    expect(r.ok ? 'article' : r.reason).toBe('home page, not an article')
  })

  it.each([
    'https://baovidu.vn/thoi-su/bai-1-post1001.html',
    'https://vidu.gov.vn/vi/news/tin-tuc/bai-1.html',
  ])('an article URL is not a home URL: %s', (url) => {
    expect(isHomeUrl(url)).toBe(false)
  })
})

describe('WordPress pages', () => {
  const wp = (
    bodyClass: string,
    articleClass: string,
    title: string
  ) => `<!doctype html><html lang="vi"><head>
    <title>${title} – Phường Vidu</title><link rel="https://api.w.org/" href="https://phuongvidu.vn/wp-json/"></head>
    <body class="${bodyClass}"><div id="page" class="site"><main id="main" class="site-main">
    <article id="post-2" class="${articleClass}"><header class="entry-header"><h1 class="entry-title">${title}</h1></header>
    <div class="entry-content"><p>This is an example page. It's different from a blog post because it will stay in one place and will show up in your site navigation (in most themes).</p>
    <p>${PARA}</p></div></article></main></div></body></html>`

  // A page is refused with its reason; a post is kept and read (the title shows it was).
  it.each([
    [
      'refuses the "Sample Page", a WordPress page rather than a post',
      'page-template-default page page-id-2 wp-embed-responsive',
      'post-2 page type-page status-publish hentry',
      'Sample Page',
      'https://phuongvidu.vn/sample-page/',
      'WordPress page (not a post), not an article',
    ],
    [
      'keeps a WordPress post',
      'post-template-default single single-post postid-7 single-format-standard',
      'post-7 post type-post status-publish format-standard hentry category-tin-tuc',
      'Phường biểu dương điển hình tiên tiến',
      'https://phuongvidu.vn/2025/06/12/phuong-bieu-duong/',
      'Phường biểu dương điển hình tiên tiến',
    ],
  ])('%s', (_name, bodyClass, articleClass, title, url, want) => {
    const r = parseArticle(wp(bodyClass, articleClass, title), url)
    expect(r.ok ? r.article.title : r.reason).toBe(want)
  })
})

describe('WordPress block theme (Twenty Twenty-Three, WordPress 6.1 default)', () => {
  const post = `<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><title>Phường biểu dương điển hình tiên tiến &#8211; Cổng thông tin thử nghiệm</title>
    <link rel="https://api.w.org/" href="http://127.0.0.1:8081/index.php/wp-json/"></head>
    <body class="post-template-default single single-post postid-5 single-format-standard wp-embed-responsive">
    <div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group"><p class="wp-block-site-title"><a href="http://127.0.0.1:8081">Cổng thông tin thử nghiệm</a></p>
    <nav class="wp-block-navigation"><ul><li><a href="http://127.0.0.1:8081/index.php/sample-page/">Sample Page</a></li></ul></nav></div></header>
    <main class="wp-block-group"><div class="wp-block-group"><h1 class="wp-block-post-title">Phường biểu dương điển hình tiên tiến</h1></div>
    <div class="entry-content wp-block-post-content is-layout-constrained"><p>${PARA}</p></div>
    <div class="wp-block-group"><div class="wp-block-post-date"><time datetime="2024-06-12T08:00:00+07:00">12 Tháng Sáu, 2024</time></div>
    <div class="taxonomy-category wp-block-post-terms"><a href="http://127.0.0.1:8081/index.php/category/uncategorized/" rel="tag">Chưa phân loại</a></div></div>
    <nav class="wp-block-group" aria-label="Posts"><div class="post-navigation-link-previous wp-block-post-navigation-link"><a href="http://127.0.0.1:8081/index.php/2024/06/10/thidua-post-1/" rel="prev">Huyện tổng kết phong trào thi đua yêu nước năm 2023</a></div></nav>
    </main><footer class="wp-block-template-part"><p>Proudly powered by WordPress</p></footer></div></body></html>`

  it('accepts a post and dates it from its <time datetime>', () => {
    const r = parseArticle(post, 'http://127.0.0.1:8081/index.php/2024/06/12/thidua-post-2/')
    if (!r.ok) throw new Error(r.reason)
    expect(r.article.title).toBe('Phường biểu dương điển hình tiên tiến')
    expect(r.article.published_at).toBe('2024-06-12T08:00:00+07:00')
    expect(r.article.body_text).toBe(PARA)
  })

  it('keeps a one-sentence post (WordPress marks it single-post) but not the same text on a page', () => {
    const short = 'Chào mừng đến với WordPress. Đây là bài viết đầu tiên của bạn.'
    const one = post.replace(`<p>${PARA}</p>`, `<p>${short}</p>`)
    const url = 'http://127.0.0.1:8081/index.php/2024/06/12/hello-world/'
    expect(short.length).toBeLessThan(200)
    expect(isArticlePage(one, url)).toBe(true)
    const asPage = one.replace('single single-post postid-5', 'page page-id-2')
    expect(isArticlePage(asPage, url)).toBe(false)
  })
})
