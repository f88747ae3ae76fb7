/**
 * One fetched page → one clean ArticleRecord (issue #5). Pure and synchronous: the platform
 * adapter (chosen by fingerprint) finds title, date, byline and body roots; this module walks the
 * body once, drops boilerplate, keeps captions apart, fills gaps from head metadata, and hashes the
 * text. A page that is not an article comes back as `{ ok: false, reason }`: no title, too little
 * body text, or a body made of teasers (a listing page, listing.ts).
 */
import type { Element } from 'domhandler'
import { type ArticleRecord, contentHash } from '../domain/article.ts'
import type { Platform, SourceConfig } from '../domain/source.ts'
import { ADAPTERS } from '../platforms/index.ts'
import { isBoxHeading, metaTitleMatch, rankTitle } from '../platforms/generic/adapter.ts'
import type { AdapterInput, AdapterOutput } from '../platforms/read/types.ts'
import { looksLikeByline, splitAuthors, stripAuthorLabel } from './authors.ts'
import { type BodyParts, extractBody, textOf } from './blocks.ts'
import { endsBodyAt, isChromeLine, unwrapPageForms, withoutInlineBoxes } from './boilerplate.ts'
import { canonicalUrl } from './crawl-utils.ts'
import { findPublished } from './date-finder.ts'
import { isBareDateLine, parseMachineDate } from './dates.ts'
import { type Doc, parseHtml } from './doc.ts'
import { mainContent } from './density.ts'
import { detectPlatform } from './fingerprint.ts'
import { type HeadMeta, readHeadMeta, stripSiteSuffix } from './head-meta.ts'
import { listingReason } from './listing.ts'
import { notArticleReason, SHORT_POST_MIN, singlePostMarked } from './page-kind.ts'
import { capCombiningMarks, cleanInline, foldVietnamese, joinParagraphs } from './text.ts'

export interface ParseOptions {
  readonly source?: SourceConfig
  /** Reference time for relative dates ("2 giờ trước"): usually the fetch time. */
  readonly now?: Date | string | null
  /** Force an adapter instead of fingerprinting (tests, benchmarks). */
  readonly platform?: Platform
}

export type ParseResult = { ok: true; article: ArticleRecord } | { ok: false; reason: string }

/** Below this many characters of body text a page is not an article (or the adapter missed it). */
const MIN_BODY_CHARS = 120

const DATELINE = /^(\([^()\n]{2,40}\)\s*[-–—])\s*/u

const hostOf = (u: string): string | null => {
  try {
    const parsed = new URL(u)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
    return parsed.hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return null
  }
}

const sameHostUrl = (candidate: string | null | undefined, pageUrl: string): string | null => {
  if (!candidate) return null
  try {
    const abs = new URL(candidate, pageUrl)
    if (abs.pathname.length <= 1) return null
    return hostOf(abs.toString()) === hostOf(pageUrl) ? abs.toString() : null
  } catch {
    return null
  }
}

const SITE_TITLE = /^(cổng thông tin|trang thông tin|trang chủ|báo điện tử|home)/iu

/**
 * The adapter's headline, unless it is the site name or a heading that matches nothing in the
 * page's metadata while another visible heading does (a portlet heading picked by an h1 selector).
 */
const chooseTitle = (adapter: AdapterOutput, meta: HeadMeta, doc: Doc): string | null => {
  const site = meta.og['og:site_name'] ?? null
  const t = adapter.title
  if (t && t !== site && !(SITE_TITLE.test(t) && t.length < 50)) {
    const hasMetaTitle = !!(
      meta.jsonLd?.headline ||
      meta.og['og:title'] ||
      meta.microdata.headline ||
      meta.documentTitle
    )
    if (!hasMetaTitle) return t
    const match = metaTitleMatch(foldVietnamese(t), meta)
    if (isBoxHeading(doc, t)) {
      // A portlet heading that an h1 selector picked ("giới thiệu" over the sidebar menu) is not the
      // article's headline unless the metadata names it: the page's own title is, in its spelling.
      const own = metaTitle(meta, site)
      if (own && (match === 0 || foldVietnamese(own) === foldVietnamese(t))) return own
    }
    if (match > 0) return t
    const ranked = rankTitle(doc, meta)
    return ranked.matched && ranked.title ? ranked.title : t
  }
  return metaTitle(meta, site) ?? t
}

/** The title the page's metadata gives: JSON-LD, microdata, og:title, else <title>, without the site name. */
const metaTitle = (meta: HeadMeta, site: string | null): string | null => {
  const fromMeta = meta.jsonLd?.headline ?? meta.microdata.headline ?? meta.og['og:title'] ?? null
  if (fromMeta) return stripSiteSuffix(fromMeta, site)
  return meta.documentTitle ? stripSiteSuffix(meta.documentTitle, site) : null
}

const bodyChars = (ps: ReadonlyArray<string>): number => ps.reduce((n, p) => n + p.length, 0)

/** An adapter's body under this share of the page's paragraph text has lost part of the article. */
const SHORT_SHARE = 0.5
/** How much more text the density result must hold to replace a short adapter body. */
const GAIN = 1.3

/**
 * What is wrong with a body, if anything: empty (or too short to be an article), no headline, or
 * far shorter than the paragraph text the page holds.
 */
const judge = (
  paragraphs: ReadonlyArray<string>,
  title: string | null,
  doc: Doc
): 'empty' | 'short' | null => {
  const chars = bodyChars(paragraphs)
  if (chars < MIN_BODY_CHARS || !title) return 'empty'
  // A cheap estimate first (the text of the page's <p>s outside page chrome); the density pass
  // only runs on pages that look short against it.
  if (chars >= SHORT_SHARE * paragraphChars(doc)) return null
  return chars < SHORT_SHARE * mainContent(doc).pageChars ? 'short' : null
}

const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'header', 'form'])

/** Characters of <p> text on the page outside navigation, footers and sidebars (by tag). */
const paragraphChars = (doc: Doc): number => {
  let n = 0
  outer: for (const p of doc.byTag('p')) {
    for (let e = p.parent as Element | null; e && e.type === 'tag'; e = e.parent as Element | null)
      if (CHROME_TAGS.has(e.name)) continue outer
    n += textOf(p).length
  }
  return n
}

interface CleanedBody {
  readonly paragraphs: string[]
  readonly bylineAuthors: string[]
}

/** Vocabulary safety net, heading cut-off, duplicates, and the trailing byline. */
const cleanParagraphs = (parts: BodyParts, adapter: AdapterOutput, title: string | null): CleanedBody => {
  const captions = new Set(parts.images.map((i) => i.caption).filter((c): c is string => !!c))
  const foldedTitle = title ? foldVietnamese(title) : null
  const dateLine = adapter.dateText ? foldVietnamese(adapter.dateText) : null
  const out: string[] = []
  const bylineAuthors: string[] = []
  const paragraphs = withoutInlineBoxes(parts.paragraphs)
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!
    if (out.length > 0 && endsBodyAt(paragraphs, i)) break
    if (isChromeLine(p)) continue
    if (captions.has(p)) continue
    const f = foldVietnamese(p)
    // The headline printed again, or the date line, near the top of the body.
    if (out.length < 3 && (f === foldedTitle || f === dateLine || isBareDateLine(p))) continue
    if (dateLine && f === dateLine) continue
    if (out[out.length - 1] === p) continue
    // A labelled byline opening the body ("Tác giả: X", "Bài và ảnh: Y") is the author, not text.
    const labelled = out.length < 2 ? stripAuthorLabel(p) : null
    if (labelled && labelled.length > 0 && labelled.length < 60) {
      bylineAuthors.push(...splitAuthors(labelled))
      continue
    }
    out.push(p)
  }
  // A byline closes the article: "Bích Diệp", "Tác giả: X", "Tin, ảnh: Y".
  for (let i = 0; i < 2 && out.length > 1; i++) {
    const last = out[out.length - 1]!
    const labelled = stripAuthorLabel(last)
    if (labelled !== null && labelled.length > 0 && labelled.length < 80) {
      bylineAuthors.unshift(...splitAuthors(labelled))
      out.pop()
    } else if (looksLikeByline(last)) {
      bylineAuthors.unshift(...splitAuthors(last))
      out.pop()
    } else break
  }
  return { paragraphs: out, bylineAuthors }
}

const uniq = (xs: ReadonlyArray<string>): string[] => {
  const out: string[] = []
  for (const x of xs) {
    const c = cleanInline(x)
    if (c && !out.includes(c)) out.push(c)
  }
  return out
}

const fail = (reason: string): ParseResult => ({ ok: false, reason })

/**
 * Never throws: a page that breaks the parser (whatever the cause) is one failure with a reason,
 * so a folder or a crawl goes on past it.
 */
export const parseArticle = (html: string, url: string, opts: ParseOptions = {}): ParseResult => {
  try {
    return parsePage(capCombiningMarks(html ?? ''), url, opts)
  } catch (e) {
    return fail(`parser error: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** What the page's adapter (or the density reader where it fell short) read from the page. */
interface ReadBody {
  readonly platform: string
  readonly adapter: AdapterOutput
  readonly parts: BodyParts
  readonly title: string | null
  readonly cleaned: CleanedBody
}

const readBody = (input: AdapterInput, preferred: Platform): ReadBody => {
  const { doc, meta, url } = input
  const adapter = ADAPTERS[preferred].parse(input)
  const parts = extractBody(adapter.body, url)
  const title = chooseTitle(adapter, meta, doc)
  const cleaned = cleanParagraphs(parts, adapter, title)
  const read = { platform: preferred, adapter, parts, title, cleaned }
  const judged = judge(cleaned.paragraphs, title, doc)
  if (!judged || preferred === 'generic') return read
  // The platform's selectors missed (redesign, custom theme) or kept a fraction of the text:
  // take the density result when it holds clearly more, but keep whatever the adapter did find
  // (title, date, byline).
  const g = ADAPTERS.generic.parse(input)
  const gParts = extractBody(g.body, url)
  const gTitle = title ?? chooseTitle(g, meta, doc)
  const gCleaned = cleanParagraphs(gParts, { ...adapter, body: g.body }, gTitle)
  const needed = judged === 'short' ? GAIN * bodyChars(cleaned.paragraphs) : bodyChars(cleaned.paragraphs)
  if (bodyChars(gCleaned.paragraphs) <= needed) return read
  return {
    platform: `${preferred}+generic`,
    adapter: {
      ...g,
      title: adapter.title ?? g.title,
      dateText: adapter.dateText ?? g.dateText,
      dateMachine: adapter.dateMachine ?? g.dateMachine ?? null,
      authors: adapter.authors.length > 0 ? adapter.authors : g.authors,
      posterAuthors: adapter.posterAuthors ?? g.posterAuthors ?? [],
      category: adapter.category ?? g.category,
      tags: adapter.tags.length > 0 ? adapter.tags : g.tags,
    },
    parts: gParts,
    title: gTitle,
    cleaned: gCleaned,
  }
}

/**
 * Precedence: the page's author element, the byline closing the text, JSON-LD, microdata, and last
 * the CMS account that posted the page ("Gửi bởi admin" names no reporter).
 */
const authorsOf = (adapter: AdapterOutput, cleaned: CleanedBody, meta: HeadMeta): string[] => {
  const authorSources: ReadonlyArray<ReadonlyArray<string>> = [
    adapter.authors,
    cleaned.bylineAuthors,
    meta.jsonLd?.authors ?? [],
    meta.microdata.author ? [meta.microdata.author] : [],
    adapter.posterAuthors ?? [],
  ]
  return uniq(authorSources.find((a) => a.length > 0) ?? [])
}

const tagsOf = (adapter: AdapterOutput, meta: HeadMeta): string[] =>
  uniq(
    adapter.tags.length > 0
      ? adapter.tags
      : meta.articleTags.length > 0
        ? meta.articleTags
        : (meta.jsonLd?.keywords ?? [])
  )

/** The page's own URL: canonical or og:url on the same host (Liferay's canonical only on an article URL). */
const pageUrlOf = (meta: HeadMeta, url: string, preferred: Platform): string =>
  sameHostUrl(meta.canonical, url) && !(preferred === 'liferay' && !meta.canonical?.includes('/-/'))
    ? sameHostUrl(meta.canonical, url)!
    : (sameHostUrl(meta.og['og:url'], url) ?? url)

const toRecord = (
  input: AdapterInput,
  read: ReadBody,
  preferred: Platform,
  opts: ParseOptions
): ArticleRecord => {
  const { doc, meta, url } = input
  const { adapter, parts, cleaned } = read
  const paragraphs = cleaned.paragraphs
  const body_text = joinParagraphs(paragraphs)
  const first = paragraphs[0] ?? ''
  const dl = DATELINE.exec(first)
  const found = findPublished({
    doc,
    meta,
    url,
    title: read.title!,
    adapterMachine: adapter.dateMachine,
    adapterText: adapter.dateText,
    // NukeViet microdata datePublished is the last edit time (design/portals.md §2.5): skip it there.
    skipMicrodata: preferred === 'nukeviet',
    reference: opts.now ?? null,
  })
  const lead =
    (adapter.lead ? cleanInline(adapter.lead) : null) ||
    (dl ? first : null) ||
    meta.jsonLd?.description ||
    meta.og['og:description'] ||
    meta.description ||
    null
  return {
    url: canonicalUrl(pageUrlOf(meta, url, preferred)),
    source_id: opts.source?.id ?? null,
    platform: read.platform,
    title: cleanInline(read.title!),
    lead,
    dateline: dl ? cleanInline(dl[1]!) : null,
    authors: authorsOf(adapter, cleaned, meta),
    published_at: found?.iso ?? null,
    date_source: found?.source ?? null,
    updated_at:
      parseMachineDate(adapter.updatedMachine) ??
      parseMachineDate(meta.jsonLd?.dateModified) ??
      parseMachineDate(meta.og['article:modified_time']) ??
      null,
    category: adapter.category ?? meta.og['article:section'] ?? meta.jsonLd?.section ?? null,
    tags: tagsOf(adapter, meta),
    body_text,
    images: parts.images,
    links: parts.links,
    content_hash: contentHash(body_text),
    origin: meta.origin,
    language: (meta.lang ?? 'vi').slice(0, 2).toLowerCase(),
  }
}

const parsePage = (html: string, url: string, opts: ParseOptions): ParseResult => {
  if (!html || html.trim().length === 0) return fail('empty document')
  if (!hostOf(url)) return fail(`invalid URL (http or https expected): ${url}`)
  const fingerprint = opts.platform ?? detectPlatform(html, url)
  // A configured source names its platform; trust the page's own fingerprint when they disagree
  // only if the configured adapter finds nothing.
  const preferred = fingerprint === 'generic' && opts.source ? opts.source.platform : fingerprint
  const doc = parseHtml(html)
  unwrapPageForms(doc)
  const notArticle = notArticleReason(doc, url)
  if (notArticle) return fail(notArticle)
  const input: AdapterInput = { doc, url, meta: readHeadMeta(doc) }
  const read = readBody(input, preferred)
  if (!read.title) return fail('no title found')
  const chars = bodyChars(read.cleaned.paragraphs)
  const minChars = singlePostMarked(html) ? SHORT_POST_MIN : MIN_BODY_CHARS
  if (chars < minChars) return fail(`no article body found (${chars} characters of text)`)
  const listing = listingReason(read.adapter.body, url)
  if (listing) return fail(listing)
  return { ok: true, article: toRecord(input, read, preferred, opts) }
}

const LISTING_PATH =
  /\/(page|trang)[-/]\d+(\/|\.html?)?$|\/(category|tag|tags|chuyen-muc|author|search|tim-kiem|rss|feed)(\/|$)|\.(xml|rss)$|[?&](s|page|paged|cur|pagenum)=/i

const ARTICLE_META =
  /<meta[^>]+property=["']og:type["'][^>]+content=["']article["']|"@type"\s*:\s*"(News)?Article"/i

/**
 * Whether a page is an article rather than a listing, feed or home page. Snapshot article pages
 * carry `thidua:origin`; other pages must yield an article body that is not a list of teasers
 * (parseArticle refuses listings). og:type / JSON-LD Article alone are not trusted: many portals
 * print them on every page, listings included; they only relax the minimum body length.
 */
export const isArticlePage = (html: string, url: string): boolean =>
  checkArticle(html, url, () => parseArticle(html, url)) !== null

/**
 * isArticlePage with the parse it needs passed in: that parse when the page is an article, else
 * null. The run passes parseArticle with its own options, so an article is parsed once, not twice.
 */
export const checkArticle = (html: string, url: string, parse: () => ParseResult): ParseResult | null => {
  if (!html || !/<html|<body|<!doctype/i.test(html.slice(0, 2000))) return null
  if (/<meta[^>]+name=["']thidua:origin["']/i.test(html.slice(0, 20_000))) return parse()
  let path = ''
  try {
    const u = new URL(url)
    path = u.pathname + u.search
  } catch {
    return null
  }
  if (path === '/' || path === '' || LISTING_PATH.test(path)) return null
  const r = parse()
  if (!r.ok) return null
  if (r.article.body_text.length >= 200 || ARTICLE_META.test(html.slice(0, 100_000))) return r
  // A short post (one paragraph) is still an article when the CMS itself marks the page as one post.
  return r.article.body_text.length >= SHORT_POST_MIN && singlePostMarked(html) ? r : null
}
