/**
 * Links out of fetched bodies: items of RSS/Atom feeds, locations of sitemaps (index, urlset, news
 * sitemaps), and for HTML pages every anchor plus the pagination a portal offers — `rel=next`,
 * `.pagination`-style pagers, and pagers that only exist as `onclick="self.location='…'"`.
 */
import * as cheerio from 'cheerio'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { tryCanonicalUrl } from '../page/canonical-url.ts'

export interface HtmlLinks {
  /** Every anchor target (canonical, deduplicated, document order). */
  readonly anchors: ReadonlyArray<string>
  /** Next/other pages of the same listing. */
  readonly pagination: ReadonlyArray<string>
  /** Feeds announced with <link rel=alternate type=rss/atom>. */
  readonly feeds: ReadonlyArray<string>
  readonly canonical: string | null
}

const PAGER_SELECTORS = [
  '.pagination',
  '.pager',
  '.paging',
  '.page-nav',
  '.nav-links',
  '.wd-paging',
  '.yiiPager',
  '.search-paginator',
  '[class*="pagination"]',
  '[class*="paging"]',
  '[id*="PageIterator"]',
  'nav[aria-label*="ag"]',
].join(', ')

const ONCLICK_URL =
  /(?:self|window|document|top)?\.?location(?:\.href)?\s*=\s*['"]([^'"]+)['"]|location\.assign\(\s*['"]([^'"]+)['"]/i

const usableHref = (href: string | undefined): href is string =>
  !!href && !/^\s*(?:javascript:|mailto:|tel:|#|data:)/i.test(href)

export function extractHtmlLinks(html: string, pageUrl: string): HtmlLinks {
  // htmlparser2, not cheerio's default parse5: parse5 takes seconds on a page nested 10,000 deep, on the
  // crawler's event loop (#18); for anchors and link tags the two trees agree.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } })
  const baseHref = $('base[href]').attr('href')
  const base = (baseHref && tryCanonicalUrl(baseHref, pageUrl)) || pageUrl
  const resolve = (href: string | undefined): string | null =>
    usableHref(href) ? tryCanonicalUrl(href, base) : null

  const anchors = new Set<string>()
  $('a[href], area[href]').each((_, el) => {
    const u = resolve($(el).attr('href'))
    if (u) anchors.add(u)
  })

  const pagination = new Set<string>()
  $('link[rel~="next"], a[rel~="next"]').each((_, el) => {
    const u = resolve($(el).attr('href'))
    if (u) pagination.add(u)
  })
  $(PAGER_SELECTORS)
    .find('a, [onclick]')
    .addBack('[onclick]')
    .each((_, el) => {
      const node = $(el)
      const fromHref = resolve(node.attr('href'))
      if (fromHref) pagination.add(fromHref)
      const m = ONCLICK_URL.exec(node.attr('onclick') ?? '')
      const fromClick = m ? resolve(m[1] ?? m[2]) : null
      if (fromClick) pagination.add(fromClick)
    })
  // onclick pagers outside any pager container still move to another list page
  $('[onclick*="location"]').each((_, el) => {
    const m = ONCLICK_URL.exec($(el).attr('onclick') ?? '')
    const u = m ? resolve(m[1] ?? m[2]) : null
    if (u) pagination.add(u)
  })
  pagination.delete(tryCanonicalUrl(pageUrl) ?? pageUrl)

  const feeds = new Set<string>()
  $('link[rel~="alternate"][href]').each((_, el) => {
    const type = ($(el).attr('type') ?? '').toLowerCase()
    if (type.includes('rss') || type.includes('atom')) {
      const u = resolve($(el).attr('href'))
      if (u) feeds.add(u)
    }
  })
  const canonicalHref = $('link[rel="canonical"]').attr('href')
  return {
    anchors: [...anchors],
    pagination: [...pagination],
    feeds: [...feeds],
    canonical: canonicalHref ? tryCanonicalUrl(canonicalHref, base) : null,
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'url', 'sitemap'].includes(name),
})

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
const textOf = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return String(v)
  if (v && typeof v === 'object' && '#text' in v) return textOf((v as { '#text': unknown })['#text'])
  return null
}

export class XmlDiscoveryError extends Error {
  readonly _tag = 'XmlDiscoveryError'
}

const parseXml = (text: string, url: string): Record<string, unknown> => {
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new XmlDiscoveryError(`${url}: not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  }
  try {
    return xml.parse(text) as Record<string, unknown>
  } catch (e) {
    throw new XmlDiscoveryError(`${url}: not well-formed XML: ${e instanceof Error ? e.message : e}`)
  }
}

/** Item links of an RSS 2.0 / RSS 1.0 / Atom feed. */
/** An Atom entry's page: its alternate link (or the first one). */
const atomEntryLink = (entry: Record<string, unknown>): string | null => {
  const links = asArray(entry.link) as Array<Record<string, unknown> | string>
  const alt =
    links.find((l) => typeof l === 'object' && (l['@rel'] === undefined || l['@rel'] === 'alternate')) ??
    links[0]
  return typeof alt === 'object' ? ((alt?.['@href'] as string | undefined) ?? null) : textOf(alt)
}

export function feedItemLinks(text: string, feedUrl: string): string[] {
  const doc = parseXml(text, feedUrl)
  const out = new Set<string>()
  const add = (href: string | null) => {
    const u = href ? tryCanonicalUrl(href, feedUrl) : null
    if (u) out.add(u)
  }
  const rss = (doc.rss as Record<string, unknown> | undefined)?.channel as Record<string, unknown> | undefined
  const rdf = doc.RDF as Record<string, unknown> | undefined
  for (const item of [...asArray(rss?.item), ...asArray(rdf?.item)] as Array<Record<string, unknown>>) {
    const link = asArray(item.link)[0]
    const guid = item.guid as Record<string, unknown> | string | undefined
    const guidIsLink = typeof guid === 'object' && guid !== null && guid['@isPermaLink'] !== 'false'
    add(textOf(link) ?? (guidIsLink || typeof guid === 'string' ? textOf(guid) : null))
  }
  const feed = doc.feed as Record<string, unknown> | undefined
  for (const entry of asArray(feed?.entry) as Array<Record<string, unknown>>) {
    add(atomEntryLink(entry))
  }
  return [...out]
}

export type SitemapLinks =
  | { readonly kind: 'index'; readonly sitemaps: string[] }
  | { readonly kind: 'urlset'; readonly urls: string[] }

/**
 * When each URL of a sitemap (`<lastmod>`, or Google News `<publication_date>`) or feed (Atom `<updated>`,
 * RSS `<pubDate>`/`dc:date`) last changed, as epoch milliseconds; URLs without a readable date are absent.
 * The crawler revisits a stored article whose date here is later than its last fetch.
 */
export function changeDates(text: string, url: string, kind: 'feed' | 'sitemap'): Map<string, number> {
  const doc = parseXml(text, url)
  const out = new Map<string, number>()
  const put = (href: string | null, ...dates: unknown[]) => {
    const u = href ? tryCanonicalUrl(href, url) : null
    for (const d of dates) {
      const t = Date.parse(textOf(d) ?? '')
      if (u && !Number.isNaN(t)) {
        out.set(u, Math.max(t, out.get(u) ?? t))
        return
      }
    }
  }
  if (kind === 'sitemap') {
    const urlset = doc.urlset as Record<string, unknown> | undefined
    for (const it of asArray(urlset?.url) as Array<Record<string, unknown>>) {
      const news = it?.news as Record<string, unknown> | undefined
      put(textOf(it?.loc), it?.lastmod, news?.publication_date)
    }
    return out
  }
  const rss = (doc.rss as Record<string, unknown> | undefined)?.channel as Record<string, unknown> | undefined
  const rdf = doc.RDF as Record<string, unknown> | undefined
  for (const item of [...asArray(rss?.item), ...asArray(rdf?.item)] as Array<Record<string, unknown>>)
    put(textOf(asArray(item.link)[0]), item.updated, item.date, item.pubDate)
  const feed = doc.feed as Record<string, unknown> | undefined
  for (const entry of asArray(feed?.entry) as Array<Record<string, unknown>>) {
    put(atomEntryLink(entry), entry.updated, entry.published)
  }
  return out
}

/** Child sitemaps of a sitemap index, or page URLs of a urlset (plain and Google News sitemaps). */
export function sitemapLinks(text: string, sitemapUrl: string): SitemapLinks {
  const doc = parseXml(text, sitemapUrl)
  const locs = (items: unknown[]): string[] => {
    const out = new Set<string>()
    for (const it of items as Array<Record<string, unknown>>) {
      const loc = textOf(it?.loc)
      const u = loc ? tryCanonicalUrl(loc, sitemapUrl) : null
      if (u) out.add(u)
    }
    return [...out]
  }
  const index = doc.sitemapindex as Record<string, unknown> | undefined
  if (index) return { kind: 'index', sitemaps: locs(asArray(index.sitemap)) }
  const urlset = doc.urlset as Record<string, unknown> | undefined
  return { kind: 'urlset', urls: locs(asArray(urlset?.url)) }
}
