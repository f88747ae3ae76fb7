/**
 * The crawler: configuration in (SourceConfig[]), pages out (raw archive + crawl tables in DuckDB).
 *
 * Work flows through one lane per host (`max_per_host` workers behind a HostGate). A task is a URL with
 * the role the crawler meant for it; its outcome is committed in one DuckDB transaction together with
 * the URLs it discovered, after the body is in the archive. The frontier therefore lives in the
 * database: a killed crawl resumes from `crawl_page_state` (queued and failed rows) and never refetches a
 * stored article. Listings, feeds and sitemaps are revisited each run with a conditional GET; a 304
 * replays the links recorded for the page. Paging stops early (incremental) once a listing page holds
 * only articles known before the run — but only for sources whose previous crawl ran to completion.
 */
import { createHash } from 'node:crypto'
import type { DuckDBConnection } from '@duckdb/node-api'
import { Data, Deferred, Effect, Exit, type Layer, Queue } from 'effect'
import type { Platform, SourceConfig } from '../domain/source.ts'
import { ArchiveWriter } from './archive.ts'
import { hostOf, tryCanonicalUrl } from '../page/canonical-url.ts'
import { type ContentKind, isArticleUrl, isPaginationUrl, isSkippedUrl, sniffContent } from './classify.ts'
import { decodeHtml } from '../page/decode.ts'
import { changeDates, extractHtmlLinks, feedItemLinks, type HtmlLinks, sitemapLinks } from './discover.ts'
import {
  defaultPolicy,
  type FetchedPage,
  type FetchError,
  type FetchPolicy,
  fetchPage,
  isPermanentFailure,
  Transport,
  transportLive,
  transportMapped,
} from './http.ts'
import { HostGate } from './politeness.ts'
import { isAttachmentUrl, MAX_ATTACHMENT_BYTES } from '../attachments/policy.ts'
import { type CrawlProgress, emptyStats, type SourceStats } from './progress.ts'
import { allowAll, disallowAll, type RobotsRules, robotsFromResponse } from './robots.ts'
import { sourceHosts } from './sources.ts'
import {
  CrawlStore,
  type FetchRow,
  type KnownPage,
  type LinkRow,
  openCrawlDb,
  type PageRole,
  type PageRow,
  type QueuedRow,
  StoreError,
  applyCrawlSchema,
} from './store.ts'

export class CrawlError extends Data.TaggedError('CrawlError')<{ readonly message: string }> {}

export type ArticleDetector = (html: string, url: string) => boolean

export interface CrawlOptions {
  /** Database file; also locates the raw archive (`<dbFile>.archive/`). */
  readonly dbFile: string
  /** An open connection to `dbFile` (e.g. the warehouse's); otherwise the crawler opens the file. */
  readonly connection?: DuckDBConnection
  readonly sources: ReadonlyArray<SourceConfig>
  /** Offline: real host → simulator prefix (`<origin>/_h/<host>`). */
  readonly hostMap?: Readonly<Record<string, string>>
  readonly runId: string
  readonly live: boolean
  /** Cap on fetches per source in this run (overrides the sources' `max_pages`); the rest stays queued. */
  readonly maxPages?: number
  readonly onProgress?: (p: CrawlProgress) => void
  /** Overrides for every host (defaults: live 1000 ms / 2, offline 0 ms / 2; sources may set their own). */
  readonly minDelayMs?: number
  readonly maxPerHost?: number
  readonly policy?: Partial<Omit<FetchPolicy, 'allowedHost' | 'robotsAllow'>>
  /** Refetch stored articles with a conditional GET (default false: stored articles are final). */
  readonly revisitArticles?: boolean
  /**
   * Periodic re-check: stored articles last fetched this many days ago or more are fetched again with a
   * conditional GET, oldest first, at most `recheckPerSource` per source and run. Default: 30 live, off
   * offline. Articles a sitemap's lastmod or a feed's update date says changed are revisited regardless.
   */
  readonly recheckAfterDays?: number
  readonly recheckPerSource?: number
  /** Clock for the re-check schedule (epoch ms); tests inject one. */
  readonly now?: () => number
  /** Size cap for attachments (PDF/DOC/DOCX); default 20 MB or the page cap if larger. */
  readonly maxAttachmentBytes?: number
  /** Decides which fetched pages are articles; default: the parser's isArticlePage, else URL shapes. */
  readonly isArticlePage?: ArticleDetector | null
}

export interface SourceSummary extends SourceStats {
  readonly source_id: string
  /** Stored article pages of this source in the database after the run. */
  readonly articles_total: number
}

export interface CrawlSummary {
  readonly run_id: string
  readonly elapsed_ms: number
  readonly complete: boolean
  readonly sources: ReadonlyArray<SourceSummary>
  readonly totals: SourceStats
}

interface Task {
  readonly url: string
  readonly source: SourceConfig
  readonly role: PageRole
  readonly from: string | null
  /** A stored article fetched again (changed per sitemap/feed, or due for its periodic re-check). */
  readonly revisit?: boolean
}

/** Revisit policy defaults: live runs re-check stored articles after 30 days, at most 20 per source. */
const RECHECK_AFTER_DAYS_LIVE = 30
const RECHECK_PER_SOURCE = 20

/** The parser's detector when engineer C's module is present; null otherwise. */
export async function loadParserDetector(): Promise<ArticleDetector | null> {
  const modulePath = new URL('../parse/parse-article.ts', import.meta.url).href
  try {
    const mod = (await import(modulePath)) as { isArticlePage?: unknown }
    return typeof mod.isArticlePage === 'function' ? (mod.isArticlePage as ArticleDetector) : null
  } catch {
    return null
  }
}

/** Markup that only article pages carry: og:type article, Article JSON-LD/microdata, publish time. */
const ARTICLE_MARKUP =
  /<meta[^>]+(?:property|name)=["'](?:og:type["'][^>]+content=["']article|article:published_time|thidua:origin)["']|"@type"\s*:\s*"(?:News|Blog)?(?:Article|Posting)"|itemtype=["'][^"']*schema\.org\/(?:News)?Article/i
export const declaresArticle = (html: string): boolean => ARTICLE_MARKUP.test(html.slice(0, 60_000))

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')
const nowIso = (): string => new Date().toISOString()

const emptyPage = (url: string, source_id: string, role: PageRole, from: string | null): PageRow => ({
  url,
  source_id,
  role,
  state: 'queued',
  is_article: null,
  content_kind: null,
  discovered_from: from,
  http_status: null,
  content_type: null,
  etag: null,
  last_modified: null,
  content_hash: null,
  bytes: null,
  encoding: null,
  record_id: null,
  duplicate_of: null,
  redirect_to: null,
  attempts: null,
  last_error: null,
  fetched_at: null,
})

/** The crawl program; needs a Transport (network or simulator). */
export const crawlProgram = (opts: CrawlOptions) =>
  Effect.gen(function* () {
    if (opts.sources.length === 0) return yield* new CrawlError({ message: 'no sources to crawl' })
    const started = Date.now()
    const conn = opts.connection
      ? yield* Effect.tryPromise({
          try: () =>
            applyCrawlSchema(opts.connection as DuckDBConnection).then(
              () => opts.connection as DuckDBConnection
            ),
          catch: (e) => new StoreError({ message: `crawl schema: ${String(e)}` }),
        })
      : (yield* openCrawlDb(opts.dbFile)).conn
    const store = new CrawlStore(conn, opts.runId)
    const archive = yield* Effect.acquireRelease(
      Effect.sync(() => new ArchiveWriter(opts.dbFile, opts.runId)),
      (w) => Effect.sync(() => w.close())
    )
    const detector =
      opts.isArticlePage === undefined ? yield* Effect.promise(loadParserDetector) : opts.isArticlePage

    /**
     * Article or not. The parser's detector decides; a page reached as a listing (home, entry point,
     * pagination, category link) must in addition have an article-shaped URL or say so in its markup,
     * because listing pages with a few long teasers look like articles to a text-based detector.
     */
    const detectArticle = (html: string, url: string, platform: Platform, role: PageRole): boolean => {
      if (isPaginationUrl(url, platform)) return false
      const urlSaysArticle = isArticleUrl(url, platform)
      let parserSays: boolean | null = null
      if (detector) {
        try {
          parserSays = detector(html, url)
        } catch {
          // a parser crash on one page must not stop the crawl; the URL shape decides instead
        }
      }
      if (parserSays === null) return urlSaysArticle || (role === 'article' && declaresArticle(html))
      return role === 'article' ? parserSays : parserSays && (urlSaysArticle || declaresArticle(html))
    }

    // ---- configuration --------------------------------------------------------------------------
    const sourceByHost = new Map<string, SourceConfig>()
    for (const s of opts.sources) for (const h of sourceHosts(s)) sourceByHost.set(h, s)
    const base = defaultPolicy(opts.live)
    const policy: FetchPolicy = {
      ...base,
      ...opts.policy,
      allowedHost: (h) => sourceByHost.has(h),
      robotsAllow: (u) => robotsKnown.get(hostOf(u))?.isAllowed(u) ?? true,
    }
    const transport = yield* Transport
    // Scanned plans run to megabytes; pages keep the smaller cap.
    const attachmentPolicy: FetchPolicy = {
      ...policy,
      maxBodyBytes: opts.maxAttachmentBytes ?? Math.max(policy.maxBodyBytes, MAX_ATTACHMENT_BYTES),
    }

    // ---- state from earlier runs ----------------------------------------------------------------
    yield* store.startRun(opts.live)
    const known = new Map<string, KnownPage>()
    for (const k of yield* store.loadKnown(opts.sources.map((s) => s.id))) known.set(k.url, k)
    const completeBefore = yield* store.loadCompleteSources()
    const listingLinks = yield* store.loadListingLinks(opts.sources.map((s) => s.id))
    const knownArticlesAtStart = new Set<string>()
    const hashOwner = new Map<string, string>()
    for (const k of known.values()) {
      if (k.state === 'stored' && k.is_article) knownArticlesAtStart.add(k.url)
      if (k.state === 'stored' && k.content_hash) hashOwner.set(k.content_hash, k.url)
    }

    const stats = new Map<string, SourceStats>(opts.sources.map((s) => [s.id, emptyStats()]))
    const statsOf = (id: string): SourceStats => stats.get(id) as SourceStats
    const fetchesBySource = new Map<string, number>()
    const budgetOf = (s: SourceConfig): number => opts.maxPages ?? s.max_pages ?? Number.POSITIVE_INFINITY
    const budgetHit = new Set<string>()

    const progress = (done: boolean) => {
      if (!opts.onProgress) return
      opts.onProgress({
        runId: opts.runId,
        elapsedMs: Date.now() - started,
        sources: Object.fromEntries([...stats].map(([k, v]) => [k, { ...v }])),
        done,
      })
    }

    // ---- lanes ----------------------------------------------------------------------------------
    const allDone = yield* Deferred.make<void, StoreError>()
    const scope = yield* Effect.scope
    let pending = 0
    const seen = new Set<string>()
    const lanes = new Map<string, { queue: Queue.Queue<Task>; gate: HostGate }>()
    const robotsByHost = new Map<string, Effect.Effect<RobotsRules>>()
    /** When sitemaps and feeds say a URL last changed (epoch ms). */
    const changedAt = new Map<string, number>()
    /** Rules already fetched, for checking redirect hops synchronously. */
    const robotsKnown = new Map<string, RobotsRules>()
    let processTask: (t: Task) => Effect.Effect<void, StoreError> = () => Effect.void

    const finishOne = Effect.sync(() => {
      pending--
      if (pending === 0) Deferred.unsafeDone(allDone, Exit.void)
    })

    const laneFor = (host: string, source: SourceConfig) =>
      Effect.gen(function* () {
        const existing = lanes.get(host)
        if (existing) return existing
        const workers = opts.maxPerHost ?? source.max_per_host ?? 2
        const delay = opts.minDelayMs ?? source.min_delay_ms ?? (opts.live ? 1000 : 0)
        const lane = { queue: yield* Queue.unbounded<Task>(), gate: new HostGate(host, workers, delay) }
        lanes.set(host, lane)
        const worker = Queue.take(lane.queue).pipe(
          Effect.flatMap((t) =>
            processTask(t).pipe(
              Effect.catchAll((e) =>
                // A store failure loses nothing (the row stays queued) but the crawl cannot vouch for the
                // rest: stop here and let the caller report it.
                Deferred.fail(allDone, e)
              ),
              Effect.ensuring(finishOne)
            )
          ),
          Effect.forever
        )
        for (let i = 0; i < workers; i++) yield* Effect.forkIn(worker, scope)
        return lane
      })

    const schedule = (t: Task) =>
      Effect.gen(function* () {
        if (seen.has(t.url)) return
        const k = known.get(t.url)
        const finalArticle =
          k !== undefined &&
          (k.state === 'stored' || k.state === 'duplicate' || k.state === 'redirected') &&
          (k.is_article === true || t.role === 'article' || t.role === 'attachment')
        const changed = k?.fetched_ms != null && (changedAt.get(t.url) ?? 0) > k.fetched_ms
        if (finalArticle && !opts.revisitArticles && !t.revisit && !changed) return
        if (k?.state === 'failed' && isPermanentFailure(k.http_status, k.last_error)) return
        seen.add(t.url)
        statsOf(t.source.id).queued++
        pending++
        const lane = yield* laneFor(hostOf(t.url), t.source)
        yield* Queue.offer(lane.queue, t)
      })

    // ---- robots ---------------------------------------------------------------------------------
    const robotsFor = (host: string, source: SourceConfig, url: string) => {
      let cached = robotsByHost.get(host)
      if (!cached) {
        const robotsUrl = `${new URL(url).protocol}//${host}/robots.txt`
        const lane = lanes.get(host)
        const fetchRobots = Effect.gen(function* () {
          const t0 = Date.now()
          const res = yield* Effect.either(
            fetchPage(robotsUrl, {}, policy, lane ? (e) => lane.gate.run(e) : undefined).pipe(
              Effect.provideService(Transport, transport)
            )
          )
          const fetchRow: FetchRow = {
            source_id: source.id,
            url: robotsUrl,
            final_url: res._tag === 'Right' ? res.right.finalUrl : null,
            status: res._tag === 'Right' ? res.right.status : (res.left.status ?? null),
            bytes: res._tag === 'Right' ? res.right.body.length : null,
            attempts: res._tag === 'Right' ? res.right.attempts : (res.left.attempts ?? 1),
            error: res._tag === 'Left' ? res.left.message : null,
            not_modified: false,
            elapsed_ms: Date.now() - t0,
            fetched_at: nowIso(),
          }
          yield* store.logFetch(fetchRow).pipe(Effect.orDie)
          if (res._tag === 'Left') {
            // Off-site redirect of robots.txt or too many redirects: treat as "no rules" (RFC 9309 §2.3.1.2).
            if (res.left.reason === 'offsite_redirect' || res.left.reason === 'too_many_redirects')
              return allowAll
            return disallowAll(`robots.txt unreachable: ${res.left.message}`)
          }
          const rules = robotsFromResponse(robotsUrl, res.right.status, decodeHtml(res.right.body, null).text)
          robotsKnown.set(host, rules)
          if (rules.crawlDelayMs !== null && opts.live) lane?.gate.raiseDelay(rules.crawlDelayMs)
          // Sitemaps named in robots.txt are discovery entry points.
          const queued: QueuedRow[] = []
          for (const sm of rules.sitemaps) {
            const u = tryCanonicalUrl(sm)
            const owner = u ? sourceByHost.get(hostOf(u)) : undefined
            if (u && owner && !seen.has(u)) {
              queued.push({ url: u, source_id: owner.id, role: 'sitemap', discovered_from: robotsUrl })
              if (!known.has(u)) statsOf(owner.id).discovered++
            }
          }
          const fresh = queued.filter((q) => !known.has(q.url))
          for (const q of fresh) remember(emptyPage(q.url, q.source_id, q.role, q.discovered_from))
          yield* store.enqueue(fresh).pipe(Effect.orDie)
          for (const q of queued) {
            const owner = sourceByHost.get(hostOf(q.url)) as SourceConfig
            yield* schedule({ url: q.url, source: owner, role: 'sitemap', from: robotsUrl })
          }
          return rules
        })
        cached = Effect.runSync(Effect.cached(fetchRobots))
        robotsByHost.set(host, cached)
      }
      return cached
    }

    // ---- deciding what to follow ----------------------------------------------------------------
    /** Edges worth recording from a page, classified; used for fresh pages and 304 replays alike. */
    const classifyLinks = (
      pageUrl: string,
      kind: ContentKind,
      isArticle: boolean,
      role: PageRole,
      body: string,
      htmlLinks: HtmlLinks | null
    ): LinkRow[] => {
      const edges = new Map<string, string>()
      const add = (to: string, rel: string) => {
        if (to !== pageUrl && !edges.has(to)) edges.set(to, rel)
      }
      const platformOf = (u: string): Platform | null => sourceByHost.get(hostOf(u))?.platform ?? null
      if (kind === 'rss' || kind === 'atom' || kind === 'urlset') {
        const dates = changeDates(body, pageUrl, kind === 'urlset' ? 'sitemap' : 'feed')
        for (const [u, t] of dates) changedAt.set(u, Math.max(t, changedAt.get(u) ?? t))
      }
      if (kind === 'rss' || kind === 'atom') {
        for (const u of feedItemLinks(body, pageUrl)) add(u, platformOf(u) ? 'article' : 'offsite')
      } else if (kind === 'sitemapindex' || kind === 'urlset') {
        const sm = sitemapLinks(body, pageUrl)
        if (sm.kind === 'index') for (const u of sm.sitemaps) add(u, platformOf(u) ? 'sitemap' : 'offsite')
        else
          for (const u of sm.urls) {
            if (!platformOf(u)) add(u, 'offsite')
            else if (!isSkippedUrl(u)) add(u, 'article')
          }
      } else if (kind === 'html') {
        const links = htmlLinks ?? extractHtmlLinks(body, pageUrl)
        const pagination = new Set(links.pagination)
        for (const u of links.pagination) {
          const p = platformOf(u)
          if (!p) add(u, 'offsite')
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
      return [...edges].map(([to_url, rel]) => ({ from_url: pageUrl, to_url, rel }))
    }

    /** Which edges become tasks: incremental paging stops at a page of already-known articles. */
    const planTasks = (pageUrl: string, source: SourceConfig, edges: ReadonlyArray<LinkRow>): Task[] => {
      const articles = edges.filter((e) => e.rel === 'article')
      const incrementalStop =
        completeBefore.has(source.id) &&
        articles.length > 0 &&
        articles.every((e) => knownArticlesAtStart.has(e.to_url))
      const tasks: Task[] = []
      for (const e of edges) {
        if (e.rel === 'offsite') continue
        if (e.rel === 'next' && incrementalStop) continue
        const owner = sourceByHost.get(hostOf(e.to_url))
        if (!owner) continue
        const role: PageRole =
          e.rel === 'article' || e.rel === 'attachment'
            ? (e.rel as PageRole)
            : e.rel === 'feed'
              ? 'feed'
              : e.rel === 'sitemap'
                ? 'sitemap'
                : 'listing'
        tasks.push({ url: e.to_url, source: owner, role, from: pageUrl })
      }
      return tasks
    }

    /** URLs seen for the first time, marked known at once so no other page queues them again. */
    const claimNew = (tasks: ReadonlyArray<Task>): QueuedRow[] => {
      const out: QueuedRow[] = []
      for (const t of tasks) {
        if (known.has(t.url) || seen.has(t.url)) continue
        const row: QueuedRow = { url: t.url, source_id: t.source.id, role: t.role, discovered_from: t.from }
        remember(emptyPage(row.url, row.source_id, row.role, row.discovered_from))
        statsOf(row.source_id).discovered++
        out.push(row)
      }
      return out
    }

    const remember = (row: PageRow) => {
      known.set(row.url, {
        url: row.url,
        source_id: row.source_id,
        role: row.role,
        state: row.state,
        is_article: row.is_article,
        etag: row.etag,
        last_modified: row.last_modified,
        content_hash: row.content_hash,
        record_id: row.record_id,
        discovered_from: row.discovered_from,
        http_status: row.http_status,
        last_error: row.last_error,
        fetched_ms: row.fetched_at ? Date.parse(row.fetched_at) : (known.get(row.url)?.fetched_ms ?? null),
      })
    }

    const commit = (
      row: PageRow,
      edges: ReadonlyArray<LinkRow>,
      tasks: ReadonlyArray<Task>,
      fetch: FetchRow | null
    ) =>
      Effect.gen(function* () {
        yield* store.commitPage(row, edges, claimNew(tasks), fetch)
        remember(row)
        for (const t of tasks) yield* schedule(t)
        progress(false)
      })

    // ---- one task -------------------------------------------------------------------------------
    processTask = (task: Task) =>
      Effect.gen(function* () {
        const s = statsOf(task.source.id)
        s.queued--
        const host = hostOf(task.url)
        const lane = lanes.get(host)
        if (!lane) return
        const used = fetchesBySource.get(task.source.id) ?? 0
        if (used >= budgetOf(task.source)) {
          budgetHit.add(task.source.id)
          return // stays queued in crawl_page_state for the next run
        }
        fetchesBySource.set(task.source.id, used + 1)
        const prior = known.get(task.url)
        const base = emptyPage(task.url, task.source.id, prior?.role ?? task.role, task.from)
        const pageRole: PageRole =
          task.role === 'entry' || task.role === 'home' ? task.role : (prior?.role ?? task.role)

        const robots = yield* robotsFor(host, task.source, task.url)
        if (robots.unreachable) {
          s.failed++
          yield* commit(
            { ...base, role: pageRole, state: 'failed', last_error: robots.unreachable },
            [],
            [],
            null
          )
          return
        }
        if (!robots.isAllowed(task.url)) {
          s.skipped_robots++
          yield* commit(
            { ...base, role: pageRole, state: 'skipped_robots', last_error: 'disallowed by robots.txt' },
            [],
            [],
            null
          )
          return
        }

        const conditional: Record<string, string> = {}
        if (prior?.state === 'stored') {
          if (prior.etag) conditional['if-none-match'] = prior.etag
          if (prior.last_modified) conditional['if-modified-since'] = prior.last_modified
        }
        const t0 = Date.now()
        const result = yield* Effect.either(
          fetchPage(task.url, conditional, pageRole === 'attachment' ? attachmentPolicy : policy, (e) =>
            lane.gate.run(e)
          ).pipe(Effect.provideService(Transport, transport))
        )
        const elapsed = Date.now() - t0
        const fetchedAt = nowIso()

        if (result._tag === 'Left') {
          const e: FetchError = result.left
          s.failed++
          yield* commit(
            {
              ...base,
              role: pageRole,
              state: 'failed',
              http_status: e.status ?? null,
              attempts: e.attempts ?? 1,
              last_error: `${e.reason}: ${e.message}`,
              fetched_at: fetchedAt,
            },
            [],
            [],
            {
              source_id: task.source.id,
              url: task.url,
              final_url: null,
              status: e.status ?? null,
              bytes: null,
              attempts: e.attempts ?? 1,
              error: `${e.reason}: ${e.message}`,
              not_modified: false,
              elapsed_ms: elapsed,
              fetched_at: fetchedAt,
            }
          )
          return
        }
        const res: FetchedPage = result.right
        const fetchRow: FetchRow = {
          source_id: task.source.id,
          url: task.url,
          final_url: res.finalUrl,
          status: res.status,
          bytes: res.body.length,
          attempts: res.attempts,
          error: null,
          not_modified: res.status === 304,
          elapsed_ms: elapsed,
          fetched_at: fetchedAt,
        }

        if (res.status === 304 && prior) {
          s.not_modified++
          const edges = listingLinks.get(task.url) ?? (yield* store.linksFrom(task.url))
          const tasks = planTasks(task.url, task.source, edges)
          yield* store.logFetch(fetchRow)
          for (const t of tasks) yield* schedule(t)
          return
        }
        if (res.status < 200 || res.status >= 300) {
          s.failed++
          const reason = `HTTP ${res.status}`
          yield* commit(
            {
              ...base,
              role: pageRole,
              state: 'failed',
              http_status: res.status,
              attempts: res.attempts,
              last_error: reason,
              fetched_at: fetchedAt,
            },
            [],
            [],
            { ...fetchRow, error: reason }
          )
          return
        }

        // Redirected: the answer belongs to the final URL; the requested one records where it went.
        let pageUrl = task.url
        if (res.finalUrl !== task.url) {
          s.redirects++
          const redirectRow: PageRow = {
            ...base,
            role: pageRole,
            state: 'redirected',
            http_status: res.status,
            redirect_to: res.finalUrl,
            attempts: res.attempts,
            fetched_at: fetchedAt,
          }
          const finalKnown = known.get(res.finalUrl)
          const alreadyHave =
            seen.has(res.finalUrl) &&
            finalKnown !== undefined &&
            finalKnown.state !== 'queued' &&
            finalKnown.state !== 'failed'
          if (alreadyHave) {
            yield* commit(
              redirectRow,
              [{ from_url: task.url, to_url: res.finalUrl, rel: 'redirect' }],
              [],
              fetchRow
            )
            return
          }
          yield* store.commitPage(
            redirectRow,
            [{ from_url: task.url, to_url: res.finalUrl, rel: 'redirect' }],
            [],
            null
          )
          remember(redirectRow)
          seen.add(res.finalUrl)
          pageUrl = res.finalUrl
        }

        const contentType = res.headers['content-type'] ?? null
        const hash = sha256(res.body)
        const attachment = pageRole === 'attachment'
        // An attachment is archived as bytes; decoding it as HTML would only waste time on a 20 MB scan.
        const decoded = attachment ? { text: '', encoding: null } : decodeHtml(res.body, contentType)
        const kind: ContentKind = attachment ? 'other' : sniffContent(decoded.text, contentType)
        const htmlLinks = kind === 'html' ? extractHtmlLinks(decoded.text, pageUrl) : null
        const isArticle =
          htmlLinks !== null && detectArticle(decoded.text, pageUrl, task.source.platform, pageRole)
        const owner = hashOwner.get(hash)
        const stored: PageRow = {
          ...base,
          url: pageUrl,
          role: pageRole,
          state: 'stored',
          is_article: isArticle,
          content_kind: kind,
          http_status: res.status,
          content_type: contentType,
          etag: res.headers.etag ?? null,
          last_modified: res.headers['last-modified'] ?? null,
          content_hash: hash,
          bytes: res.body.length,
          encoding: decoded.encoding,
          attempts: res.attempts,
          fetched_at: fetchedAt,
        }
        if (owner !== undefined && owner !== pageUrl) {
          s.duplicates++
          yield* commit({ ...stored, state: 'duplicate', duplicate_of: owner }, [], [], fetchRow)
          return
        }
        let edges: LinkRow[]
        try {
          edges = classifyLinks(pageUrl, kind, isArticle, pageRole, decoded.text, htmlLinks)
        } catch (e) {
          s.failed++
          const reason = `unreadable ${kind}: ${e instanceof Error ? e.message : String(e)}`
          yield* commit({ ...stored, state: 'failed', last_error: reason }, [], [], {
            ...fetchRow,
            error: reason,
          })
          return
        }
        // An unchanged revisit (server without conditional GET) keeps its archived copy.
        const unchanged =
          prior?.state === 'stored' && prior.content_hash === hash && prior.record_id ? prior.record_id : null
        const record_id =
          unchanged ??
          (yield* Effect.tryPromise({
            try: () =>
              archive.append({
                url: pageUrl,
                source_id: task.source.id,
                status: res.status,
                headers: res.headers,
                body: res.body,
                fetched_at: fetchedAt,
                is_article: isArticle,
              }),
            catch: (e) => new StoreError({ message: `archive write failed for ${pageUrl}: ${String(e)}` }),
          }))
        hashOwner.set(hash, pageUrl)
        s.fetched++
        s.bytes += res.body.length
        if (isArticle) s.articles++
        s.offsite_links += edges.filter((e) => e.rel === 'offsite').length
        // links of an unchanged page are on record already
        yield* commit(
          { ...stored, record_id },
          unchanged ? [] : edges,
          planTasks(pageUrl, task.source, edges),
          fetchRow
        )
      })

    // ---- seed the frontier ----------------------------------------------------------------------
    const seeds: Task[] = []
    for (const s of opts.sources) {
      const entries = s.entry_points.length > 0 ? s.entry_points : [s.base_url]
      const home = tryCanonicalUrl(s.base_url)
      for (const e of entries) {
        const u = tryCanonicalUrl(e)
        // The home page (listed or implied) is where category listings are found; other entries are followed narrowly.
        const role: PageRole = u === home || (u !== null && new URL(u).pathname === '/') ? 'home' : 'entry'
        if (u) seeds.push({ url: u, source: s, role, from: null })
      }
    }
    const bySourceId = new Map(opts.sources.map((s) => [s.id, s]))
    const recheckDays = opts.recheckAfterDays ?? (opts.live ? RECHECK_AFTER_DAYS_LIVE : undefined)
    if (recheckDays !== undefined) {
      const due = (opts.now ?? Date.now)() - recheckDays * 86_400_000
      const bySource = new Map<string, KnownPage[]>()
      for (const k of known.values())
        if (k.state === 'stored' && k.is_article && k.fetched_ms !== null && k.fetched_ms <= due)
          bySource.set(k.source_id, [...(bySource.get(k.source_id) ?? []), k])
      for (const [id, pages] of bySource) {
        const s = bySourceId.get(id)
        if (!s) continue
        pages.sort((a, b) => (a.fetched_ms ?? 0) - (b.fetched_ms ?? 0) || a.url.localeCompare(b.url))
        for (const k of pages.slice(0, opts.recheckPerSource ?? RECHECK_PER_SOURCE))
          seeds.push({ url: k.url, source: s, role: 'article', from: k.discovered_from, revisit: true })
      }
    }
    for (const k of known.values()) {
      const s = bySourceId.get(k.source_id)
      if (!s) continue
      const retry = k.state === 'failed' && !isPermanentFailure(k.http_status, k.last_error)
      if (k.state === 'queued' || retry || k.state === 'skipped_robots') {
        seeds.push({ url: k.url, source: s, role: k.role, from: k.discovered_from })
      }
    }
    yield* store.enqueue(
      seeds
        .filter((t) => !known.has(t.url))
        .map((t) => ({ url: t.url, source_id: t.source.id, role: t.role, discovered_from: null }))
    )
    for (const t of seeds) {
      if (!known.has(t.url)) {
        remember(emptyPage(t.url, t.source.id, t.role, null))
        statsOf(t.source.id).discovered++
      }
    }
    pending++ // hold the gate open while seeding
    for (const t of seeds) yield* schedule(t)
    yield* finishOne
    yield* Deferred.await(allDone)

    // ---- finish ---------------------------------------------------------------------------------
    const totals = emptyStats()
    const summaries: SourceSummary[] = []
    const articleTotals = new Map<string, number>()
    for (const k of known.values()) {
      if (k.state === 'stored' && k.is_article)
        articleTotals.set(k.source_id, (articleTotals.get(k.source_id) ?? 0) + 1)
    }
    for (const s of opts.sources) {
      const st = statsOf(s.id)
      st.queued = [...known.values()].filter((k) => k.source_id === s.id && k.state === 'queued').length
      for (const key of Object.keys(totals) as Array<keyof SourceStats>) totals[key] += st[key]
      summaries.push({ source_id: s.id, ...st, articles_total: articleTotals.get(s.id) ?? 0 })
    }
    const completeSources = opts.sources.filter((s) => !budgetHit.has(s.id)).map((s) => s.id)
    const summary: CrawlSummary = {
      run_id: opts.runId,
      elapsed_ms: Date.now() - started,
      complete: budgetHit.size === 0,
      sources: summaries,
      totals,
    }
    yield* store.endRun('complete', summary, completeSources)
    progress(true)
    return summary
  }).pipe(Effect.scoped)

/** The crawl with its transport chosen from the options: simulator host map, or the real network. */
export const crawl = (opts: CrawlOptions) => {
  if (!opts.live && !opts.hostMap) {
    return Effect.fail(
      new CrawlError({ message: 'offline crawl needs a hostMap (start the simulator) or live: true' })
    )
  }
  const layer: Layer.Layer<Transport> = opts.hostMap ? transportMapped(opts.hostMap) : transportLive
  return crawlProgram(opts).pipe(Effect.provide(layer))
}

/** The crawl as a Promise, for callers outside Effect (benchmarks, cross-package tests). */
export const runCrawl = (opts: CrawlOptions): Promise<CrawlSummary> => Effect.runPromise(crawl(opts))
