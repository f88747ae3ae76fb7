/**
 * Links out of fetched bodies: items of RSS/Atom feeds, locations of sitemaps (index, urlset, news
 * sitemaps), and for HTML pages every anchor plus the pagination a portal offers — `rel=next`,
 * `.pagination`-style pagers, and pagers that only exist as `onclick="self.location='…'"`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { Parser } from 'htmlparser2'
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

/** Pager containers (what cheerio's `.pagination, .pager, …, nav[aria-label*="ag"]` selected before). */
const PAGER_CLASSES = new Set(['pager', 'page-nav', 'nav-links', 'yiiPager', 'search-paginator'])
const WHITESPACE = /[ \t\n\f\r]+/
const isPager = (name: string, attrs: Readonly<Record<string, string>>): boolean => {
  const cls = attrs.class
  if (cls !== undefined) {
    if (cls.includes('pagination') || cls.includes('paging')) return true
    for (const c of cls.split(WHITESPACE)) if (PAGER_CLASSES.has(c)) return true
  }
  if (attrs.id?.includes('PageIterator')) return true
  return name === 'nav' && (attrs['aria-label'] ?? '').includes('ag')
}

const ONCLICK_URL =
  /(?:self|window|document|top)?\.?location(?:\.href)?\s*=\s*['"]([^'"]+)['"]|location\.assign\(\s*['"]([^'"]+)['"]/i

const usableHref = (href: string | undefined): href is string =>
  !!href && !/^\s*(?:javascript:|mailto:|tel:|#|data:)/i.test(href)

const hasToken = (value: string | undefined, token: string) =>
  value?.split(WHITESPACE).includes(token) === true

/** Raw attribute values in document order, resolved once the <base> is known. */
interface RawLinks {
  base: string | undefined
  /** The first <link rel=canonical>'s href; null before one is seen. */
  canonical: string | undefined | null
  readonly anchors: string[]
  readonly next: string[]
  /** Links and onclick targets in or of pager containers. */
  readonly pager: Array<{ readonly href: string | undefined; readonly click: string | undefined }>
  /** onclick handlers that set a location, anywhere. */
  readonly clicks: string[]
  readonly feeds: string[]
}

const emptyRaw = (): RawLinks => ({
  base: undefined,
  canonical: null,
  anchors: [],
  next: [],
  pager: [],
  clicks: [],
  feeds: [],
})

/** Head-side link tags: base, rel=next, canonical, feeds. */
const linkTag = (raw: RawLinks, name: string, attrs: Readonly<Record<string, string>>) => {
  const { href } = attrs
  // HTML matches rel case-insensitively (css-select did too)
  const rel = attrs.rel?.toLowerCase()
  if (name === 'base' && href !== undefined && raw.base === undefined) raw.base = href
  if ((name === 'a' || name === 'link') && hasToken(rel, 'next')) raw.next.push(href ?? '')
  if (name !== 'link') return
  if (raw.canonical === null && rel === 'canonical') raw.canonical = href
  const type = (attrs.type ?? '').toLowerCase()
  if (href !== undefined && hasToken(rel, 'alternate') && (type.includes('rss') || type.includes('atom')))
    raw.feeds.push(href)
}

/** One pass of htmlparser2's tokenizer with a stack of open elements; no DOM is built. */
const scanHtml = (html: string): RawLinks => {
  const raw = emptyRaw()
  // Per open element: whether it is a pager container; `inPager` counts those open.
  const stack: boolean[] = []
  let inPager = 0
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const { href, onclick } = attrs
        linkTag(raw, name, attrs)
        if ((name === 'a' || name === 'area') && href !== undefined) raw.anchors.push(href)
        const pager = isPager(name, attrs)
        // descendants of a pager that are links or clickable; the pager itself only when clickable
        if ((inPager > 0 && (name === 'a' || onclick !== undefined)) || (pager && onclick !== undefined))
          raw.pager.push({ href, click: onclick })
        if (onclick?.includes('location')) raw.clicks.push(onclick)
        stack.push(pager)
        if (pager) inPager++
      },
      onclosetag() {
        if (stack.pop()) inPager--
      },
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return raw
}

export function extractHtmlLinks(html: string, pageUrl: string): HtmlLinks {
  // A tokenizer pass, not a DOM: parse5 took seconds on a page nested 10,000 deep on the crawler's event
  // loop (#18), and building even htmlparser2's tree was the crawl's largest cost per page (#17).
  const raw = scanHtml(html)
  const base = (raw.base && tryCanonicalUrl(raw.base, pageUrl)) || pageUrl
  const resolve = (href: string | undefined): string | null =>
    usableHref(href) ? tryCanonicalUrl(href, base) : null
  const fromClick = (onclick: string | undefined) => {
    const m = ONCLICK_URL.exec(onclick ?? '')
    return m ? resolve(m[1] ?? m[2]) : null
  }
  const resolvedSet = (values: ReadonlyArray<string | null>) => new Set(values.filter((u) => u !== null))
  const pagination = resolvedSet([
    ...raw.next.map(resolve),
    ...raw.pager.flatMap((p) => [resolve(p.href), fromClick(p.click)]),
    // onclick pagers outside any pager container still move to another list page
    ...raw.clicks.map(fromClick),
  ])
  pagination.delete(tryCanonicalUrl(pageUrl) ?? pageUrl)
  return {
    anchors: [...resolvedSet(raw.anchors.map(resolve))],
    pagination: [...pagination],
    feeds: [...resolvedSet(raw.feeds.map(resolve))],
    canonical: raw.canonical ? tryCanonicalUrl(raw.canonical, base) : null,
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
