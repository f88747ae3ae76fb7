/**
 * Page-level metadata every adapter can fall back on: <title>, meta description, Open Graph and
 * article:* tags, JSON-LD (Article/NewsArticle, also inside @graph), schema.org microdata, the
 * canonical link, the generator, and the snapshot's `thidua:origin` marker.
 */
import type { CheerioAPI } from 'cheerio'
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
  readonly microdata: {
    readonly headline: string | null
    readonly datePublished: string | null
    readonly dateModified: string | null
    readonly author: string | null
  }
}

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

const readJsonLd = ($: CheerioAPI): JsonLdArticle | null => {
  const nodes: Record<string, unknown>[] = []
  $('script[type="application/ld+json"]').each((_, el) => {
    try {
      flattenLd(JSON.parse($(el).text()), nodes)
    } catch {
      // Malformed JSON-LD is common; the page still has other metadata.
    }
  })
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

const itemprop = ($: CheerioAPI, prop: string): string | null => {
  const el = $(`[itemprop="${prop}"]`).first()
  if (el.length === 0) return null
  const v = el.attr('content') ?? el.attr('datetime') ?? el.attr('href') ?? el.text()
  return str(v)
}

export const readHeadMeta = ($: CheerioAPI): HeadMeta => {
  const og: Record<string, string> = {}
  const articleTags: string[] = []
  let description: string | null = null
  let generator: string | null = null
  let origin: Origin = 'unknown'
  $('meta').each((_, el) => {
    const a = el.attribs
    const key = (a.property ?? a.name ?? '').toLowerCase()
    const content = a.content
    if (!key || content === undefined) return
    if (key === 'article:tag') {
      const t = str(content)
      if (t) articleTags.push(t)
    } else if (key.startsWith('og:') || key.startsWith('article:') || key.startsWith('twitter:')) {
      if (!(key in og)) og[key] = cleanInline(decodeEntities(content))
    } else if (key === 'description') description = str(content)
    else if (key === 'generator') generator = str(content)
    else if (key === 'thidua:origin') {
      const o = content.trim().toLowerCase()
      if (o === 'captured' || o === 'rebuilt' || o === 'generated') origin = o
    }
  })
  const authorProp = $('[itemprop="author"]').first()
  const microAuthor = authorProp.length
    ? (str(
        authorProp.find('[itemprop="name"]').first().attr('content') ??
          authorProp.find('[itemprop="name"]').first().text()
      ) ?? str(authorProp.attr('content') ?? authorProp.text()))
    : null
  return {
    documentTitle: str($('title').first().text()),
    description,
    og,
    articleTags,
    canonical: $('link[rel="canonical"]').attr('href')?.trim() || null,
    generator,
    origin,
    lang: $('html').attr('lang')?.trim() || null,
    jsonLd: readJsonLd($),
    microdata: {
      headline: itemprop($, 'headline'),
      datePublished: itemprop($, 'datePublished'),
      dateModified: itemprop($, 'dateModified'),
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
    }
  }
  const m = /^(.{15,}?)\s+[|–—-]\s+(?=[^|–—-]*\p{L})[^|–—()-]{2,60}$/u.exec(title)
  return m ? m[1]!.trim() : title
}
