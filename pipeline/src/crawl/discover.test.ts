import { describe, expect, it } from 'vitest'
import { isArticleUrl, isPaginationUrl, sniffContent } from './classify.ts'
import { extractHtmlLinks, feedItemLinks, sitemapLinks, XmlDiscoveryError } from './discover.ts'

describe('feeds', () => {
  it('reads RSS 2.0 item links (NukeViet style, guid not a permalink)', () => {
    const rss = `<?xml version="1.0" encoding="utf-8"?><?xml-stylesheet type="text/xsl" href="/rss.xsl"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Tin tức</title>
<item><title>Đại hội thi đua</title><link>https://langson.gov.vn/vi/news/tin/dai-hoi-thi-dua-123.html?utm_source=rss</link>
<guid isPermaLink="false"><![CDATA[news_123]]></guid></item>
<item><title>B</title><link><![CDATA[/vi/news/tin/b-124.html]]></link></item></channel></rss>`
    expect(feedItemLinks(rss, 'https://langson.gov.vn/vi/news/rss/')).toEqual([
      'https://langson.gov.vn/vi/news/tin/dai-hoi-thi-dua-123.html',
      'https://langson.gov.vn/vi/news/tin/b-124.html',
    ])
  })

  it('reads Atom entries, preferring the alternate link', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><title>a</title><link rel="edit" href="https://kontumtv.vn/wp-json/1"/><link rel="alternate" href="https://kontumtv.vn/tin-tuc/thoi-su/bai-a/"/></entry>
<entry><title>b</title><link href="https://kontumtv.vn/?p=42"/></entry></feed>`
    expect(sniffContent(atom, 'application/atom+xml')).toBe('atom')
    expect(feedItemLinks(atom, 'https://kontumtv.vn/feed/atom/')).toEqual([
      'https://kontumtv.vn/tin-tuc/thoi-su/bai-a/',
      'https://kontumtv.vn/?p=42',
    ])
  })

  it('names the feed when the XML is broken', () => {
    expect(() => feedItemLinks('<rss><channel><item><link>x</link></channel>', 'https://a.vn/rss')).toThrow(
      XmlDiscoveryError
    )
  })
})

describe('sitemaps', () => {
  it('follows a sitemap index and reads a Google News sitemap', () => {
    const index = `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://a.vn/sitemap-vi.news.xml</loc></sitemap><sitemap><loc>https://a.vn/sitemap-vi.page.xml</loc></sitemap></sitemapindex>`
    expect(sitemapLinks(index, 'https://a.vn/sitemap.xml')).toEqual({
      kind: 'index',
      sitemaps: ['https://a.vn/sitemap-vi.news.xml', 'https://a.vn/sitemap-vi.page.xml'],
    })
    const news = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://a.vn/bai-1-post11.html</loc><news:news><news:publication_date>2024-06-10T08:00:00+07:00</news:publication_date></news:news></url>
<url><loc>https://a.vn/bai-2-post12.html</loc><lastmod>2024-06-11</lastmod></url></urlset>`
    expect(sniffContent(news, null)).toBe('urlset')
    expect(sitemapLinks(news, 'https://a.vn/sitemap-vi.news.xml')).toEqual({
      kind: 'urlset',
      urls: ['https://a.vn/bai-1-post11.html', 'https://a.vn/bai-2-post12.html'],
    })
  })
})

describe('HTML pagination', () => {
  it('finds rel=next, .pagination links and onclick-only pagers', () => {
    const html = `<html><head><link rel="next" href="/vi/news/tin/page-2/"></head><body>
<ul class="pagination"><li class="page-item active"><a href="javascript:void(0)">1</a><li>
<li class="page-item"><a class="page-link" href="/vi/news/tin/page-3/">3</a></li></ul>
<div class="wd-paging"><ul class="yiiPager"><li class="page"><a href="#" onclick="self.location='/tin-tuc?pagenum=4'">4</a></li></ul></div>
<a href="/vi/news/tin/bai-viet-99.html">Bài</a><a href="mailto:a@b.vn">m</a></body></html>`
    const links = extractHtmlLinks(html, 'https://a.vn/vi/news/tin/')
    expect(links.pagination).toEqual(
      expect.arrayContaining([
        'https://a.vn/vi/news/tin/page-2/',
        'https://a.vn/vi/news/tin/page-3/',
        'https://a.vn/tin-tuc?pagenum=4',
      ])
    )
    expect(links.pagination).toHaveLength(3)
    expect(links.anchors).toContain('https://a.vn/vi/news/tin/bai-viet-99.html')
    expect(links.anchors.some((a) => a.startsWith('mailto'))).toBe(false)
  })

  it('honours <base href>', () => {
    const links = extractHtmlLinks(
      '<html><head><base href="https://b.vn/x/"></head><body><a href="y-123.html">a</a></body></html>',
      'https://a.vn/'
    )
    expect(links.anchors).toEqual(['https://b.vn/x/y-123.html'])
  })
})

describe('URL shapes', () => {
  it('recognizes article URLs of each platform and refuses pagination and print views', () => {
    expect(isArticleUrl('https://langson.gov.vn/vi/news/tin/dai-hoi-thi-dua-123.html', 'nukeviet')).toBe(true)
    expect(
      isArticleUrl('https://langson.gov.vn/vi/news/print/tin/dai-hoi-thi-dua-123.html', 'nukeviet')
    ).toBe(false)
    expect(isArticleUrl('https://baolaocai.vn/lao-cai-65-nam-post373968.html', 'newspaper-post')).toBe(true)
    expect(isArticleUrl('https://vanphong.langson.gov.vn/vi/node/73091', 'drupal')).toBe(true)
    expect(isArticleUrl('https://x.gov.vn/Trang/ChiTietTinTuc.aspx?nid=168690', 'gov-portal')).toBe(true)
    expect(isArticleUrl('https://quangtri.gov.vn/chi-tiet-tin/-/view-article/1/13848/15896', 'liferay')).toBe(
      true
    )
    expect(isArticleUrl('https://kontumtv.vn/?p=42', 'wordpress')).toBe(true)
    expect(isArticleUrl('https://a.vn/vi/news/tin/page-2/', 'nukeviet')).toBe(false)
    expect(isPaginationUrl('https://www.baokontum.com.vn/xa-hoi-12.html?page=3')).toBe(true)
  })
})
