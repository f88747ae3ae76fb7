/** Markup pieces shared by the platform renderers: meta tags, images, feeds, sitemaps, paging. */
import { hashString } from '../snapshot/rng.ts'
import { dmy, escapeHtml, escapeXml, httpDate, parseYmd } from '../snapshot/text.ts'
import type { ListingPage, PageArticle, PageImage, Site } from '../snapshot/types.ts'

export const e = escapeHtml

/** The snapshot's own markers: origin on every article page, the fact id on rebuilt ones. */
export const thiduaMeta = (a: PageArticle): string =>
  `<meta name="thidua:origin" content="${a.origin}">` +
  (a.factId ? `\n<meta name="thidua:fact-id" content="${e(a.factId)}">` : '')

export const TRANSPARENT_GIF =
  'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'

export const imgTag = (a: PageArticle, src: string, alt: string, cls = ''): string => {
  const lazy = a.variants.includes('lazy-images')
  const c = cls ? ` class="${cls}${lazy ? ' lazyload' : ''}"` : lazy ? ' class="lazyload"' : ''
  return lazy
    ? `<img${c} src="${TRANSPARENT_GIF}" data-src="${e(src)}" alt="${e(alt)}" loading="lazy">`
    : `<img${c} src="${e(src)}" alt="${e(alt)}">`
}

/** Body paragraphs with images interleaved after their paragraph index. */
export const bodyHtml = (
  a: PageArticle,
  figure: (img: PageImage) => string,
  para: (p: string) => string = (p) => `<p>${e(p)}</p>`
): string => {
  const out: string[] = []
  const before = a.images.filter((i) => i.after < 0)
  for (const img of before) out.push(figure(img))
  a.paragraphs.forEach((p, i) => {
    out.push(para(p))
    for (const img of a.images.filter((im) => im.after === i)) out.push(figure(img))
  })
  return out.join('\n')
}

export const pubParts = (a: PageArticle) => {
  const d = parseYmd(a.published_at)!
  const time = a.published_at.slice(11, 16)
  return { d, time, dmy: dmy(d), iso: a.published_at }
}

/** Deterministic fake counters (views, visitors) so pages look alive but never change between builds. */
export const counter = (seed: string, lo: number, hi: number): number =>
  lo + (hashString(seed) % (hi - lo + 1))

export const abs = (site: Site, path: string): string => `${site.origin}${path}`

export const pathOf = (url: string): string => {
  const u = new URL(url)
  return `${u.pathname}${u.search}`
}

export const paginate = <T>(items: ReadonlyArray<T>, perPage: number): T[][] => {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage))
  return pages.length > 0 ? pages : [[]]
}

/** Small sites get 2 items per page so that every platform's pager shows up in the snapshot. */
export const perPageFor = (n: number): number => (n >= 8 ? 4 : 2)

export const rss2 = (
  site: Site,
  title: string,
  selfPath: string,
  items: ReadonlyArray<PageArticle>,
  pubDate: (a: PageArticle) => string = (a) => httpDate(a.published_at),
  extra = ''
): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeXml(title)}</title>
<link>${escapeXml(site.origin)}/</link>
<atom:link href="${escapeXml(abs(site, selfPath))}" rel="self" type="application/rss+xml"/>
<description>${escapeXml(site.source.name)}</description>
<language>vi</language>${extra}
${items
  .map(
    (a) => `<item>
<title>${escapeXml(a.title)}</title>
<link>${escapeXml(a.url)}</link>
<guid isPermaLink="false">${escapeXml(a.id)}</guid>
<pubDate>${pubDate(a)}</pubDate>
<description><![CDATA[${a.lead ?? ''}]]></description>
</item>`
  )
  .join('\n')}
</channel>
</rss>
`

export const atomFeed = (
  site: Site,
  selfPath: string,
  items: ReadonlyArray<PageArticle>
): string => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>${escapeXml(site.source.name)}</title>
<id>${escapeXml(abs(site, selfPath))}</id>
<link rel="self" href="${escapeXml(abs(site, selfPath))}"/>
<updated>${items[0]?.published_at ?? '2015-01-01T00:00:00+07:00'}</updated>
${items
  .map(
    (a) => `<entry>
<title>${escapeXml(a.title)}</title>
<link rel="alternate" href="${escapeXml(a.url)}"/>
<id>${escapeXml(a.url)}</id>
<published>${a.published_at}</published>
<updated>${a.published_at}</updated>
<summary>${escapeXml(a.lead ?? '')}</summary>
</entry>`
  )
  .join('\n')}
</feed>
`

export const urlset = (urls: ReadonlyArray<{ loc: string; lastmod?: string }>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`

export const sitemapIndex = (locs: ReadonlyArray<string>): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locs.map((l) => `<sitemap><loc>${escapeXml(l)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`

export const robotsTxt = (
  site: Site,
  disallow: ReadonlyArray<string>,
  sitemaps: ReadonlyArray<string>,
  crawlDelay?: number
) =>
  [
    'User-agent: *',
    ...disallow.map((d) => `Disallow: ${d}`),
    ...(crawlDelay ? [`Crawl-delay: ${crawlDelay}`] : []),
    '',
    ...sitemaps.map((s) => `Sitemap: ${abs(site, s)}`),
    '',
  ].join('\n')

/** The visible chrome lines a captured page carried (seed boilerplate), as plain blocks. */
export const chromeBlock = (lines: ReadonlyArray<string> | undefined, cls: string): string =>
  lines && lines.length > 0 ? `<div class="${cls}">${lines.map((l) => `<p>${e(l)}</p>`).join('')}</div>` : ''

export const ogMeta = (site: Site, a: PageArticle, publishedTime: string | null = a.published_at): string =>
  [
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${e(a.title)}">`,
    `<meta property="og:description" content="${e(a.lead ?? '')}">`,
    `<meta property="og:url" content="${e(a.url)}">`,
    `<meta property="og:site_name" content="${e(site.source.name)}">`,
    ...(publishedTime ? [`<meta property="article:published_time" content="${e(publishedTime)}">`] : []),
  ].join('\n')

export const jsonLd = (site: Site, a: PageArticle): string =>
  `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.published_at,
    dateModified: a.published_at,
    author: a.authors.map((n) => ({ '@type': 'Person', name: n })),
    publisher: { '@type': 'Organization', name: site.source.name },
    mainEntityOfPage: a.url,
  }).replaceAll('<', '\\u003c')}</script>`

/**
 * A category's listing pages: the items cut into pages (perPageFor), page n (1-based) at `path(n)`;
 * each item of page n printed by `item` (i: its place on the page), one a line, then the page by
 * `render` with every page at hand for the pager.
 */
export const listingPages = (
  items: ReadonlyArray<PageArticle>,
  path: (n: number) => string,
  item: (a: PageArticle, i: number, n: number) => string,
  render: (list: string, n: number, pages: ReadonlyArray<ReadonlyArray<PageArticle>>) => string
): ListingPage[] =>
  paginate(items, perPageFor(items.length)).map((page, idx, pages) => ({
    path: path(idx + 1),
    html: render(page.map((a, i) => item(a, i, idx + 1)).join('\n'), idx + 1, pages),
  }))

/** A home page's category heading, linked to the category's first listing page. */
export const categoryHeading = (site: Site, listing: string, name: string): string =>
  `<h2><a href="${abs(site, listing)}">${e(name)}</a></h2>`

/** Articles as a plain list of links. */
const linkList = (items: ReadonlyArray<PageArticle>): string =>
  `<ul>${items.map((a) => `<li><a href="${e(a.url)}">${e(a.title)}</a></li>`).join('')}</ul>`

/** A home page's category: its heading, then `items` as plain links; inside `<div class>` when given. */
export const categoryBlock = (
  site: Site,
  listing: string,
  name: string,
  items: ReadonlyArray<PageArticle>,
  divClass?: string
): string => {
  const block = `${categoryHeading(site, listing, name)}${linkList(items)}`
  return divClass ? `<div class="${divClass}">${block}</div>` : block
}

/** An article page's head lines: the snapshot's markers first, then the platform's own tags. */
export const articleHead = (a: PageArticle, ...lines: ReadonlyArray<string>): string =>
  [thiduaMeta(a), ...lines].join('\n')

export const canonical = (a: PageArticle): string => `<link rel="canonical" href="${e(a.url)}">`

export const description = (a: PageArticle): string =>
  `<meta name="description" content="${e(a.lead ?? '')}">`
