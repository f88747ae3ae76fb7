/**
 * Page-level metadata every adapter can fall back on: <title>, meta description, Open Graph and
 * article:* tags, JSON-LD (Article/NewsArticle, also inside @graph), schema.org microdata, the
 * canonical link, the generator, and the snapshot's `thidua:origin` marker.
 */
import type { Element } from 'domhandler'
import { type Doc, textContent } from './doc.ts'
import type { Origin } from '../domain/article.ts'
import { cleanInline, decodeEntities } from './text.ts'

export interface JsonLdArticle {
  readonly type: string
  readonly headline: string | null
  readonly datePublished: string | null
  readonly dateModified: string | null
  readonly authors: string[]
  readonly section: string | null
  readonly keywords: string[]
  readonly description: string | null
}

export interface HeadMeta {
  readonly documentTitle: string | null
  readonly description: string | null
  readonly og: Readonly<Record<string, string>>
  /** article:tag values (can repeat). */
  readonly articleTags: string[]
  readonly canonical: string | null
  readonly generator: string | null
  readonly origin: Origin
  readonly lang: string | null
  readonly jsonLd: JsonLdArticle | null
  /** A publication date from a non-Open-Graph meta tag (pubdate, dc.date.issued, …), as written. */
  readonly publishedMeta: string | null
  readonly microdata: {
    readonly headline: string | null
    readonly datePublished: string | null
    readonly dateModified: string | null
    readonly author: string | null
  }
}

// Meta names some CMSs give the publication date under (lower case), in order of trust.
const PUBLISHED_META_NAMES = [
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'datepublished',
  'article.published',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'date',
  'sailthru.date',
  'parsely-pub-date',
]

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|Report)$/i

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? cleanInline(decodeEntities(v)) : null

const names = (v: unknown): string[] => {
  const list = Array.isArray(v) ? v : v ? [v] : []
  const out: string[] = []
  for (const x of list) {
    const n =
      typeof x === 'string' ? str(x) : x && typeof x === 'object' ? str((x as { name?: unknown }).name) : null
    if (n) out.push(n)
  }
  return out
}

const flattenLd = (v: unknown, out: Record<string, unknown>[]): void => {
  if (Array.isArray(v)) for (const x of v) flattenLd(x, out)
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    out.push(o)
    if (o['@graph']) flattenLd(o['@graph'], out)
  }
}

const readJsonLd = (scripts: ReadonlyArray<Element>): JsonLdArticle | null => {
  const nodes: Record<string, unknown>[] = []
  for (const el of scripts) {
    try {
      flattenLd(JSON.parse(textContent(el)), nodes)
    } catch {
      // Malformed JSON-LD is common; the page still has other metadata.
    }
  }
  for (const n of nodes) {
    const types = Array.isArray(n['@type']) ? (n['@type'] as unknown[]) : [n['@type']]
    const t = types.find((x) => typeof x === 'string' && ARTICLE_TYPES.test(x))
    if (typeof t !== 'string') continue
    const kw = n.keywords
    return {
      type: t,
      headline: str(n.headline) ?? str(n.name),
      datePublished: str(n.datePublished),
      dateModified: str(n.dateModified),
      authors: names(n.author),
      section: Array.isArray(n.articleSection) ? str(n.articleSection[0]) : str(n.articleSection),
      keywords: Array.isArray(kw)
        ? kw.map(str).filter((x): x is string => !!x)
        : typeof kw === 'string'
          ? kw
              .split(',')
              .map((k) => cleanInline(k))
              .filter(Boolean)
          : [],
      description: str(n.description),
    }
  }
  return null
}

const itemValue = (el: Element | undefined): string | null => {
  if (!el) return null
  const a = el.attribs
  return str(a.content ?? a.datetime ?? a.href ?? textContent(el))
}

/** The first descendant of `root` whose itemprop is `prop`. */
const findItemprop = (root: Element, prop: string): Element | undefined => {
  for (const c of root.children) {
    if (c.type !== 'tag') continue
    if (c.attribs.itemprop === prop) return c
    const deep = findItemprop(c, prop)
    if (deep) return deep
  }
  return undefined
}

/** One pass over the elements: meta tags, title, canonical link, JSON-LD scripts, first itemprops. */
export const readHeadMeta = (doc: Doc): HeadMeta => {
  const og: Record<string, string> = {}
  const articleTags: string[] = []
  let description: string | null = null
  let generator: string | null = null
  let origin: Origin = 'unknown'
  let title: Element | undefined
  let canonical: string | null | undefined
  const ldScripts: Element[] = []
  const itemprops = new Map<string, Element>()
  const namedDates = new Map<string, string>()
  for (const el of doc.elements) {
    const a = el.attribs
    if (a.itemprop !== undefined && !itemprops.has(a.itemprop)) itemprops.set(a.itemprop, el)
    switch (el.name) {
      case 'meta': {
        const key = (a.property ?? a.name ?? '').toLowerCase()
        const content = a.content
        if (!key || content === undefined) break
        if (key === 'article:tag') {
          const t = str(content)
          if (t) articleTags.push(t)
        } else if (key.startsWith('og:') || key.startsWith('article:') || key.startsWith('twitter:')) {
          if (!(key in og)) og[key] = cleanInline(decodeEntities(content))
        } else if (key === 'description') description = str(content)
        else if (key === 'generator') generator = str(content)
        else if (PUBLISHED_META_NAMES.includes(key) && !namedDates.has(key))
          namedDates.set(key, content.trim())
        else if (key === 'thidua:origin') {
          const o = content.trim().toLowerCase()
          if (o === 'captured' || o === 'rebuilt' || o === 'generated') origin = o
        }
        break
      }
      case 'title':
        title ??= el
        break
      case 'link':
        if (canonical === undefined && a.rel === 'canonical') canonical = a.href?.trim() || null
        break
      case 'script':
        if (a.type === 'application/ld+json') ldScripts.push(el)
        break
    }
  }
  const authorProp = itemprops.get('author')
  const authorName = authorProp ? findItemprop(authorProp, 'name') : undefined
  const microAuthor = authorProp
    ? (str(authorName ? (authorName.attribs.content ?? textContent(authorName)) : undefined) ??
      str(authorProp.attribs.content ?? textContent(authorProp)))
    : null
  const html = doc.byTag('html')[0]
  return {
    documentTitle: title ? str(textContent(title)) : null,
    description,
    og,
    articleTags,
    canonical: canonical ?? null,
    generator,
    origin,
    lang: html?.attribs.lang?.trim() || null,
    jsonLd: readJsonLd(ldScripts),
    publishedMeta: PUBLISHED_META_NAMES.map((n) => namedDates.get(n)).find((v) => !!v) ?? null,
    microdata: {
      headline: itemValue(itemprops.get('headline')),
      datePublished: itemValue(itemprops.get('datePublished')),
      dateModified: itemValue(itemprops.get('dateModified')),
      author: microAuthor,
    },
  }
}

/** "<title> - <site>" → "<title>": cut the site suffix after the last " - ", " | " or " – ". */
export const stripSiteSuffix = (title: string, siteName?: string | null): string => {
  if (siteName) {
    for (const sep of [' - ', ' | ', ' – ', ' — ']) {
      const suffix = sep + siteName
      if (title.endsWith(suffix)) return title.slice(0, -suffix.length).trim()
      if (title.startsWith(siteName + sep)) return title.slice(siteName.length + sep.length).trim()
    }
  }
  const rest = afterSitePrefix(title)
  if (rest) return rest
  const m = /^(.{15,}?)\s+[|–—-]\s+(?=[^|–—-]*\p{L})[^|–—()-]{2,60}$/u.exec(title) ?? ORG_SUFFIX.exec(title)
  return m ? m[1]!.trim() : title
}

// A newspaper's or portal's name opening a title: a capitalised word after "Báo", "Cổng", … ("Báo
// cáo" is no name), or "Cổng/Trang thông tin …".
const SITE_NAME_START = /^(?:(?:Báo|Tạp chí|Đài|Cổng)\s+\p{Lu}|(?:Cổng|Trang) thông tin\s)/u
const PORTAL_NAME = /^(?:Cổng|Trang) thông tin\s/u

/**
 * The headline after the site's name ("Báo Tỉnh | <headline>"), else null. The rest must be longer
 * than the name, twice as long after a plain hyphen (names hold hyphens: "Đài Phát thanh - Truyền
 * hình tỉnh"), unless the name is a portal's ("Cổng thông tin điện tử tỉnh …").
 */
const afterSitePrefix = (title: string): string | null => {
  for (const sep of [' | ', ' – ', ' — ', ' - ']) {
    const at = title.indexOf(sep)
    if (at < 0) continue
    const name = title.slice(0, at)
    const rest = title.slice(at + sep.length).trim()
    if (!SITE_NAME_START.test(name) || name.length > 60 || rest.length < 15) return null
    const need = PORTAL_NAME.test(name) ? 0 : sep === ' - ' ? 2 * name.length : name.length + 1
    return rest.length >= need ? rest : null
  }
  return null
}

// A short page name before an organisation's name ("Giới thiệu - Sở Thông tin và Truyền thông"):
// the suffix is the site even though the name is shorter than a headline.
const ORG_SUFFIX =
  /^(.{4,}?)\s+[|–—-]\s+(?:Sở|Cổng|Báo|Tạp chí|Trang|UBND|Ủy ban|Uỷ ban|Bộ|Tỉnh|Thành phố|Huyện|Quận|Website|Đài|Trung tâm|Ban|Hội)\s[^|–—()-]{2,60}$/iu
