/**
 * `thidua sources check`: what the crawler would do with one source, without touching any database.
 * Fetches robots.txt, the entry points (home, feeds, sitemaps) and one sample article through the same
 * Transport and fetch policy as a crawl, and reports in plain words: robots rules, links found by kind,
 * the platform the parser detects (against the configured one) and what it parses from the sample.
 */
import { Effect, type Either } from 'effect'
import { isAttachmentUrl } from '../attachments/policy.ts'
import type { Platform, SourceConfig } from '../domain/source.ts'
import { extract } from '../extract/extract.ts'
import { detectPlatform } from '../parse/fingerprint.ts'
import { parseArticle } from '../parse/parse-article.ts'
import { hostOf, tryCanonicalUrl } from '../page/canonical-url.ts'
import { type ContentKind, isArticleUrl, isPaginationUrl, isSkippedUrl, sniffContent } from './classify.ts'
import { decodeHtml } from '../page/decode.ts'
import { extractHtmlLinks, feedItemLinks, sitemapLinks } from './discover.ts'
import {
  defaultPolicy,
  type FetchedPage,
  type FetchError,
  type FetchPolicy,
  fetchPage,
  type Transport,
  transportLive,
  transportMapped,
} from './http.ts'
import { type RobotsRules, robotsFromResponse } from './robots.ts'
import { sourceHosts } from './sources.ts'

export interface LinkCounts {
  articles: number
  listings: number
  feeds: number
  sitemaps: number
  attachments: number
  offsite: number
}

export interface SampleReport {
  readonly url: string
  readonly title: string | null
  readonly published_at: string | null
  readonly body_chars: number
  readonly documents: number
  readonly error: string | null
}

export interface CheckReport {
  readonly source_id: string
  readonly ok: boolean
  readonly robots: string
  readonly platform: Platform
  readonly detected: Platform | null
  readonly fetched: ReadonlyArray<{ readonly url: string; readonly what: string }>
  readonly links: LinkCounts
  readonly sample: SampleReport | null
  readonly problems: ReadonlyArray<string>
}

const emptyCounts = (): LinkCounts => ({
  articles: 0,
  listings: 0,
  feeds: 0,
  sitemaps: 0,
  attachments: 0,
  offsite: 0,
})
const oneLine = (e: unknown): string =>
  (e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e)).split('\n')[0] ?? ''

/** What robots.txt says, as one line for the report, and the rules for the rest of the check. */
const robotsSummary = (
  source: SourceConfig,
  robotsUrl: string,
  res: Either.Either<FetchedPage, FetchError>
): { rules: RobotsRules | null; robots: string; problem: string | null } => {
  if (res._tag === 'Left')
    return {
      rules: null,
      robots: `robots.txt unreachable (${res.left.reason}: ${res.left.message}); a crawl would wait`,
      problem: 'robots.txt unreachable',
    }
  const rules = robotsFromResponse(robotsUrl, res.right.status, decodeHtml(res.right.body, null).text)
  const delay = rules.crawlDelayMs ? `, crawl-delay ${rules.crawlDelayMs / 1000} s` : ''
  const home = rules.isAllowed(source.base_url) ? '' : ', the home page is disallowed'
  const robots =
    res.right.status >= 400
      ? `no robots.txt (HTTP ${res.right.status}): everything allowed`
      : `robots.txt read: ${rules.sitemaps.length} sitemap(s) named${delay}${home}`
  return { rules, robots, problem: rules.unreachable }
}

interface CheckedPage {
  readonly source: SourceConfig
  readonly hosts: ReadonlySet<string>
  readonly page: string
  readonly text: string
  readonly kind: ContentKind
  readonly contentType: string | null
}

/** Count one entry page's links into `links` and `candidates`; returns what the page was. */
const tallyLinks = (p: CheckedPage, links: LinkCounts, candidates: string[]): string => {
  const { source, hosts, page, text, kind } = p
  if (kind === 'html') {
    const l = extractHtmlLinks(text, page)
    for (const u of l.anchors) {
      if (!hosts.has(hostOf(u))) links.offsite++
      else if (isAttachmentUrl(u)) links.attachments++
      else if (isSkippedUrl(u)) continue
      else if (isArticleUrl(u, source.platform)) {
        links.articles++
        candidates.push(u)
      } else if (!isPaginationUrl(u, source.platform)) links.listings++
    }
    links.feeds += l.feeds.length
    return `HTML page, ${l.anchors.length} links`
  }
  if (kind === 'rss' || kind === 'atom') {
    const items = feedItemLinks(text, page)
    links.articles += items.length
    candidates.unshift(...items.filter((u) => hosts.has(hostOf(u))))
    return `${kind.toUpperCase()} feed, ${items.length} items`
  }
  if (kind === 'sitemapindex' || kind === 'urlset') {
    const sm = sitemapLinks(text, page)
    if (sm.kind === 'index') links.sitemaps += sm.sitemaps.length
    else {
      links.articles += sm.urls.length
      candidates.push(...sm.urls.filter((u) => hosts.has(hostOf(u)) && !isSkippedUrl(u)))
    }
    const n = sm.kind === 'index' ? sm.sitemaps.length : sm.urls.length
    return `sitemap ${sm.kind === 'index' ? 'index' : ''}, ${n} entries`.replace('  ', ' ')
  }
  return `not a page (${p.contentType ?? 'no type'})`
}

/** Check one source; `maxPages` bounds the entry pages fetched (the sample comes on top). */
export const checkSource = (
  source: SourceConfig,
  opts: { readonly live: boolean; readonly maxPages?: number | undefined }
) =>
  Effect.gen(function* () {
    const hosts = new Set(sourceHosts(source))
    let rules: RobotsRules | null = null
    const policy: FetchPolicy = {
      ...defaultPolicy(opts.live),
      maxAttempts: 2,
      allowedHost: (h) => hosts.has(h),
      robotsAllow: (u) => rules?.isAllowed(u) ?? true,
    }
    const problems: string[] = []
    const fetched: Array<{ url: string; what: string }> = []
    const links = emptyCounts()
    const articleCandidates: string[] = []
    const base = new URL(source.base_url)
    const get = (url: string) => Effect.either(fetchPage(url, {}, policy))

    const robotsUrl = `${base.protocol}//${base.host}/robots.txt`
    const { rules: read, robots, problem } = robotsSummary(source, robotsUrl, yield* get(robotsUrl))
    rules = read
    if (problem) problems.push(problem)
    const entries = [
      ...(source.entry_points.length > 0 ? source.entry_points : [source.base_url]),
      ...(rules?.sitemaps ?? []),
    ]
      .map((u) => tryCanonicalUrl(u))
      .filter((u): u is string => u !== null && hosts.has(hostOf(u)))
    let detected: Platform | null = null
    for (const url of [...new Set(entries)].slice(0, opts.maxPages ?? 4)) {
      if (rules && !rules.isAllowed(url)) {
        fetched.push({ url, what: 'refused by robots.txt' })
        continue
      }
      const res = yield* get(url)
      if (res._tag === 'Left') {
        fetched.push({ url, what: `failed: ${res.left.reason}: ${res.left.message}` })
        problems.push(`${url} failed (${res.left.reason})`)
        continue
      }
      if (res.right.status >= 400) {
        fetched.push({ url, what: `HTTP ${res.right.status}` })
        problems.push(`${url} answered HTTP ${res.right.status}`)
        continue
      }
      const page = res.right.finalUrl
      const contentType = res.right.headers['content-type'] ?? null
      const text = decodeHtml(res.right.body, contentType).text
      try {
        const kind = sniffContent(text, contentType)
        if (kind === 'html') detected ??= detectPlatform(text, page)
        fetched.push({
          url: page,
          what: tallyLinks({ source, hosts, page, text, kind, contentType }, links, articleCandidates),
        })
      } catch (e) {
        fetched.push({ url: page, what: `unreadable: ${oneLine(e)}` })
        problems.push(`${page} unreadable`)
      }
    }

    const sample = yield* sampleArticle(source, articleCandidates, rules, get, (p) => {
      detected = p
    })
    if (links.articles === 0) problems.push('no article links found')
    if (sample?.error) problems.push(`sample article: ${sample.error}`)
    return {
      source_id: source.id,
      ok: problems.length === 0,
      robots,
      platform: source.platform,
      detected,
      fetched,
      links,
      sample,
      problems,
    } satisfies CheckReport
  })

const sampleArticle = (
  source: SourceConfig,
  candidates: ReadonlyArray<string>,
  rules: RobotsRules | null,
  get: (url: string) => Effect.Effect<Either.Either<FetchedPage, FetchError>, never, Transport>,
  onPage: (platform: Platform) => void
) =>
  Effect.gen(function* () {
    const url = candidates.find((u) => !rules || rules.isAllowed(u))
    if (!url) return null
    const res = yield* get(url)
    if (res._tag === 'Left')
      return {
        url,
        title: null,
        published_at: null,
        body_chars: 0,
        documents: 0,
        error: `${res.left.reason}: ${res.left.message}`,
      }
    const text = decodeHtml(res.right.body, res.right.headers['content-type'] ?? null).text
    // The article page, not the home page, carries the markup the parser's adapters key on.
    onPage(detectPlatform(text, res.right.finalUrl))
    const parsed = parseArticle(text, res.right.finalUrl, { source })
    if (!parsed.ok)
      return { url, title: null, published_at: null, body_chars: 0, documents: 0, error: parsed.reason }
    const a = parsed.article
    return {
      url,
      title: a.title,
      published_at: a.published_at,
      body_chars: a.body_text.length,
      documents: extract(a.body_text, { id: a.url, published: a.published_at?.slice(0, 10) ?? null })
        .documents.length,
      error: null,
    }
  })

/** One line for `--all`. */
export const reportLine = (r: CheckReport): string => {
  const l = r.links
  const platform =
    r.detected && r.detected !== r.platform ? `${r.platform} (page looks like ${r.detected})` : r.platform
  const sample = r.sample
    ? r.sample.error
      ? `sample failed: ${r.sample.error}`
      : `sample "${(r.sample.title ?? '').slice(0, 50)}" ${r.sample.published_at?.slice(0, 10) ?? 'undated'}, ${r.sample.body_chars} chars, ${r.sample.documents} document(s)`
    : 'no sample article'
  return `${r.ok ? 'ok  ' : 'FAIL'} ${r.source_id}: ${platform}; ${l.articles} article links, ${l.listings} listings, ${l.feeds} feeds, ${l.sitemaps} sitemaps, ${l.attachments} attachments; ${sample}${r.problems.length ? ` — ${r.problems.join('; ')}` : ''}`
}

/** The full report in plain words. */
export const reportText = (r: CheckReport): string =>
  [
    `source ${r.source_id} (configured platform ${r.platform}${r.detected ? `, its pages look like ${r.detected}` : ''})`,
    `  ${r.robots}`,
    ...r.fetched.map((f) => `  fetched ${f.url}: ${f.what}`),
    `  would crawl: ${r.links.articles} article links, ${r.links.listings} listing pages, ${r.links.feeds} feeds, ${r.links.sitemaps} child sitemaps, ${r.links.attachments} attachments (${r.links.offsite} off-site links ignored)`,
    r.sample
      ? r.sample.error
        ? `  sample ${r.sample.url}: not parsed (${r.sample.error})`
        : `  sample ${r.sample.url}: title "${r.sample.title}", published ${r.sample.published_at ?? 'date not found'}, ${r.sample.body_chars} characters of body, ${r.sample.documents} document mention(s)`
      : '  no sample article to parse',
    r.problems.length ? `  problems: ${r.problems.join('; ')}` : '  no problems found',
  ].join('\n')

const FEED_PATH = /(rss|feed|atom)/i
const SITEMAP_PATH = /sitemap/i

/**
 * One line for a source whose host the offline snapshot does not hold: nothing is fetched, the line says
 * what a live check would ask for (robots.txt, feeds, sitemaps, pages) and which platform it would assume.
 */
export const offlineLine = (s: SourceConfig): string => {
  const base = new URL(s.base_url)
  const entries = s.entry_points.length > 0 ? s.entry_points : [s.base_url]
  const paths = (urls: ReadonlyArray<string>) => urls.map((u) => new URL(u).pathname + new URL(u).search)
  const feeds = entries.filter((u) => FEED_PATH.test(new URL(u).pathname))
  const sitemaps = entries.filter((u) => SITEMAP_PATH.test(new URL(u).pathname))
  const pages = entries.filter((u) => !feeds.includes(u) && !sitemaps.includes(u))
  const ask = [
    `${base.protocol}//${base.host}/robots.txt (and the sitemaps it names)`,
    ...(feeds.length ? [`feed ${paths(feeds).join(', ')}`] : []),
    ...(sitemaps.length ? [`sitemap ${paths(sitemaps).join(', ')}`] : []),
    ...(pages.length ? [`page ${paths(pages).join(', ')} (and the feeds it announces)`] : []),
  ]
  const platform =
    s.platform_basis === 'unknown' || (s.platform === 'generic' && !s.platform_basis)
      ? 'platform unknown (read as generic)'
      : `platform ${s.platform}`
  const until = s.active_until ? `; served its unit until ${s.active_until}` : ''
  return `offline ${s.id}: ${base.host} is not reachable offline (not in the snapshot); with --live it would ask ${ask.join('; ')}; ${platform}${until}`
}

export interface CheckResult {
  readonly source: SourceConfig
  /** Null when the source could not be checked (offline, host not in the snapshot). */
  readonly report: CheckReport | null
  /** The one-line answer for this source. */
  readonly line: string
}

/**
 * Check many sources: live against the real sites, or offline against the simulator's hosts (`hostMap`),
 * where a source whose home host the snapshot lacks gets its `offlineLine` and no request at all.
 */
export const checkSources = (
  sources: ReadonlyArray<SourceConfig>,
  opts: { readonly hostMap: Readonly<Record<string, string>> | null; readonly maxPages?: number }
) =>
  Effect.forEach(
    sources,
    (s): Effect.Effect<CheckResult> => {
      const hostMap = opts.hostMap
      if (hostMap && !(new URL(s.base_url).host in hostMap))
        return Effect.succeed({ source: s, report: null, line: offlineLine(s) })
      return checkSource(s, { live: hostMap === null, maxPages: opts.maxPages }).pipe(
        Effect.provide(hostMap ? transportMapped(hostMap) : transportLive),
        Effect.map((report) => ({ source: s, report, line: reportLine(report) }))
      )
    },
    { concurrency: 4 }
  )
