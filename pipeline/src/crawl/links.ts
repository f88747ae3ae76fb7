/**
 * Deciding what to follow, as pure functions: which links of a fetched page are worth recording (and
 * with which relation), and which of them become tasks. Used for fresh pages and 304 replays alike.
 */
import { isAttachmentUrl } from '../attachments/policy.ts'
import { hostOf } from '../page/canonical-url.ts'
import type { Platform, SourceConfig } from '../domain/source.ts'
import { type ContentKind, isArticleUrl, isPaginationUrl, isSkippedUrl } from './classify.ts'
import { changeDates, extractHtmlLinks, feedItemLinks, type HtmlLinks, sitemapLinks } from './discover.ts'
import type { LinkRow, PageRole } from './store-rows.ts'
import type { Task } from './types.ts'

/** Which configured source owns a URL (by host), if any. */
export type SourceOf = (url: string) => SourceConfig | undefined

export interface FetchedBody {
  readonly pageUrl: string
  readonly kind: ContentKind
  readonly isArticle: boolean
  readonly role: PageRole
  readonly text: string
  readonly htmlLinks: HtmlLinks | null
}

export interface ClassifiedLinks {
  readonly edges: LinkRow[]
  /** When feeds and sitemaps say a URL last changed (epoch ms). */
  readonly changedAt: ReadonlyMap<string, number>
}

const htmlEdges = (
  page: FetchedBody,
  platformOf: (u: string) => Platform | null,
  add: (to: string, rel: string) => void
) => {
  const { isArticle, role } = page
  const links = page.htmlLinks ?? extractHtmlLinks(page.text, page.pageUrl)
  const pagination = new Set(links.pagination)
  for (const u of links.pagination) {
    if (!platformOf(u)) add(u, 'offsite')
    else if (!isSkippedUrl(u) && !isArticle) add(u, 'next')
  }
  for (const u of links.anchors) {
    const p = platformOf(u)
    if (!p) {
      add(u, 'offsite')
      continue
    }
    // The plan itself is often a PDF/DOC/DOCX linked from its article: fetched like a page, never parsed as one.
    if (isArticle && isAttachmentUrl(u)) add(u, 'attachment')
    if (isSkippedUrl(u) || pagination.has(u)) continue
    if (isArticleUrl(u, p)) add(u, 'article')
    else if (!isArticle && isPaginationUrl(u, p)) add(u, 'next')
    else if (role === 'home' && !isArticle) add(u, 'listing')
  }
  if (role === 'home') for (const u of links.feeds) if (platformOf(u)) add(u, 'feed')
}

/** Edges worth recording from a page, classified. Throws on an unreadable feed or sitemap. */
export const classifyLinks = (page: FetchedBody, sourceOf: SourceOf): ClassifiedLinks => {
  const { pageUrl, kind, text } = page
  const edges = new Map<string, string>()
  const add = (to: string, rel: string) => {
    if (to !== pageUrl && !edges.has(to)) edges.set(to, rel)
  }
  const platformOf = (u: string): Platform | null => sourceOf(u)?.platform ?? null
  const changedAt =
    kind === 'rss' || kind === 'atom' || kind === 'urlset'
      ? changeDates(text, pageUrl, kind === 'urlset' ? 'sitemap' : 'feed')
      : new Map<string, number>()
  if (kind === 'rss' || kind === 'atom') {
    for (const u of feedItemLinks(text, pageUrl)) add(u, platformOf(u) ? 'article' : 'offsite')
  } else if (kind === 'sitemapindex' || kind === 'urlset') {
    const sm = sitemapLinks(text, pageUrl)
    if (sm.kind === 'index') for (const u of sm.sitemaps) add(u, platformOf(u) ? 'sitemap' : 'offsite')
    else
      for (const u of sm.urls) {
        if (!platformOf(u)) add(u, 'offsite')
        else if (!isSkippedUrl(u)) add(u, 'article')
      }
  } else if (kind === 'html') {
    htmlEdges(page, platformOf, add)
  }
  return { edges: [...edges].map(([to_url, rel]) => ({ from_url: pageUrl, to_url, rel })), changedAt }
}

const roleOfRel = (rel: string): PageRole =>
  rel === 'article' || rel === 'attachment' || rel === 'feed' || rel === 'sitemap' ? rel : 'listing'

export interface PlanContext {
  readonly sourceOf: SourceOf
  /** Sources whose previous crawl ran to completion (incremental paging is safe for them). */
  readonly completeBefore: ReadonlySet<string>
  /** Articles stored before this run started. */
  readonly knownArticlesAtStart: ReadonlySet<string>
}

/** Which edges become tasks: incremental paging stops at a page of already-known articles. */
export const planTasks = (
  pageUrl: string,
  source: SourceConfig,
  edges: ReadonlyArray<LinkRow>,
  ctx: PlanContext
): Task[] => {
  const articles = edges.filter((e) => e.rel === 'article')
  const incrementalStop =
    ctx.completeBefore.has(source.id) &&
    articles.length > 0 &&
    articles.every((e) => ctx.knownArticlesAtStart.has(e.to_url))
  const tasks: Task[] = []
  for (const e of edges) {
    if (e.rel === 'offsite') continue
    if (e.rel === 'next' && incrementalStop) continue
    const owner = ctx.sourceOf(e.to_url)
    if (!owner) continue
    tasks.push({ url: e.to_url, source: owner, role: roleOfRel(e.rel), from: pageUrl })
  }
  return tasks
}

/** Owner lookup by host over the configured sources. */
export const sourceIndex = (sources: ReadonlyArray<SourceConfig>, hostsOf: (s: SourceConfig) => string[]) => {
  const byHost = new Map<string, SourceConfig>()
  for (const s of sources) for (const h of hostsOf(s)) byHost.set(h, s)
  return { byHost, sourceOf: ((u: string) => byHost.get(hostOf(u))) as SourceOf }
}
