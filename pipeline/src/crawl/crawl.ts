/**
 * The crawler: configuration in (SourceConfig[]), pages out (raw archive + crawl tables in DuckDB).
 *
 * Its seams: a frontier (`frontier.ts`: pure seeding, one lane per host in this process, or Redis shared
 * by several processes in `frontier-redis.ts`), pure link classification and task planning (`links.ts`),
 * a pure page outcome (`outcome.ts`), a thin per-task runner (`runner.ts`), robots.txt as a cached
 * service (`robots-service.ts`) and the store (`store.ts`). Each outcome is committed in one DuckDB
 * transaction with the URLs it discovered, after the body is in the archive, so the frontier also lives
 * in the database: a killed crawl resumes from `crawl_page_state` (queued and failed rows) and never
 * refetches a stored article. Listings, feeds and sitemaps are revisited each run with a conditional GET;
 * a 304 replays the links recorded for the page. Paging stops early (incremental) once a listing page
 * holds only articles known before the run — but only for sources whose previous crawl ran to completion.
 */
import { readFileSync } from 'node:fs'
import type { DuckDBConnection } from '@duckdb/node-api'
import { Effect, type Layer } from 'effect'
import { MAX_ATTACHMENT_BYTES } from '../attachments/policy.ts'
import { hostOf } from '../page/canonical-url.ts'
import { ArchiveWriter } from './archive.ts'
import { loadParserDetector } from './detect.ts'
import { type Frontier, makeLocalFrontier, seedTasks } from './frontier.ts'
import { defaultPolicy, type FetchPolicy, Transport, transportLive, transportMapped } from './http.ts'
import { sourceIndex } from './links.ts'
import { emptyStats, type SourceStats } from './progress.ts'
import { RobotsCache } from './robots-service.ts'
import { processTask, type RunnerContext, schedule } from './runner.ts'
import { sourceHosts } from './sources.ts'
import { CrawlState } from './state.ts'
import { applyCrawlSchema, CrawlStore, openCrawlDb, StoreError } from './store.ts'
import { CrawlError, type CrawlOptions, type CrawlSummary, type SourceSummary } from './types.ts'

export { declaresArticle, loadParserDetector } from './detect.ts'
export type { ArticleDetector, CrawlOptions, CrawlSummary, SourceSummary } from './types.ts'
export { CrawlError } from './types.ts'

const connect = (opts: CrawlOptions) =>
  opts.connection
    ? Effect.tryPromise({
        try: () =>
          applyCrawlSchema(opts.connection as DuckDBConnection).then(
            () => opts.connection as DuckDBConnection
          ),
        catch: (e) => new StoreError({ message: `crawl schema: ${String(e)}` }),
      })
    : Effect.map(openCrawlDb(opts.dbFile), (db) => db.conn)

/** Earlier runs' pages, completed sources and listing links, as this run's starting state. */
const loadState = (opts: CrawlOptions, store: CrawlStore) =>
  Effect.gen(function* () {
    const ids = opts.sources.map((s) => s.id)
    const known = yield* store.loadKnown(ids)
    const complete = yield* store.loadCompleteSources()
    const listingLinks = yield* store.loadListingLinks(ids)
    return new CrawlState(opts.sources, known, complete, listingLinks, opts)
  })

const summarize = (opts: CrawlOptions, state: CrawlState, started: number): CrawlSummary => {
  const totals = emptyStats()
  const articleTotals = state.articleTotals()
  const summaries: SourceSummary[] = []
  for (const s of opts.sources) {
    const st = state.statsOf(s.id)
    st.queued = state.queuedOf(s.id)
    for (const key of Object.keys(totals) as Array<keyof SourceStats>) totals[key] += st[key]
    summaries.push({ source_id: s.id, ...st, articles_total: articleTotals.get(s.id) ?? 0 })
  }
  return {
    run_id: opts.runId,
    elapsed_ms: Date.now() - started,
    complete: state.budgetHit.size === 0,
    sources: summaries,
    totals,
  }
}

/** This process's frontier, or the shared one named by `opts.frontier`. */
const frontierFor = (opts: CrawlOptions) =>
  opts.frontier
    ? Effect.flatMap(
        Effect.promise(() => import('./frontier-redis.ts')),
        (m) => m.makeRedisFrontier(opts.frontier as string, opts)
      )
    : makeLocalFrontier(opts)

/** The crawl program; needs a Transport (network or simulator). */
export const crawlProgram = (opts: CrawlOptions) =>
  Effect.gen(function* () {
    if (opts.sources.length === 0) return yield* new CrawlError({ message: 'no sources to crawl' })
    const started = Date.now()
    const store = new CrawlStore(yield* connect(opts), opts.runId)
    const archive = yield* Effect.acquireRelease(
      Effect.sync(() => new ArchiveWriter(opts.dbFile, opts.runId)),
      (w) => Effect.sync(() => w.close())
    )
    const detector =
      opts.isArticlePage === undefined ? yield* Effect.promise(loadParserDetector) : opts.isArticlePage
    const { byHost, sourceOf } = sourceIndex(opts.sources, (s) => [...sourceHosts(s)])
    const robots = new RobotsCache()
    const policy: FetchPolicy = {
      ...defaultPolicy(opts.live),
      ...opts.policy,
      allowedHost: (h) => byHost.has(h),
      robotsAllow: (u) => robots.isAllowed(hostOf(u), u),
    }
    // Scanned plans run to megabytes; pages keep the smaller cap.
    const attachmentPolicy = {
      ...policy,
      maxBodyBytes: opts.maxAttachmentBytes ?? Math.max(policy.maxBodyBytes, MAX_ATTACHMENT_BYTES),
    }
    yield* store.startRun(opts.live)
    const state = yield* loadState(opts, store)
    const frontier: Frontier = yield* frontierFor(opts)
    const progress = () =>
      opts.onProgress?.({
        runId: opts.runId,
        elapsedMs: Date.now() - started,
        sources: Object.fromEntries([...state.stats].map(([k, v]) => [k, { ...v }])),
        done: false,
      })
    const ctx: RunnerContext = {
      live: opts.live,
      state,
      store,
      archive,
      frontier,
      robots,
      transport: yield* Transport,
      policy,
      attachmentPolicy,
      detector,
      sourceOf,
      plan: {
        sourceOf,
        completeBefore: state.completeBefore,
        knownArticlesAtStart: state.knownArticlesAtStart,
      },
      progress,
    }
    yield* seed(ctx, opts)
    yield* frontier.drain(processTask(ctx))
    const summary = summarize(opts, state, started)
    const completeSources = opts.sources.filter((s) => !state.budgetHit.has(s.id)).map((s) => s.id)
    yield* store.endRun('complete', summary, completeSources)
    opts.onProgress?.({
      runId: opts.runId,
      elapsedMs: summary.elapsed_ms,
      sources: Object.fromEntries([...state.stats]),
      done: true,
    })
    return summary
  }).pipe(Effect.scoped)

/** Persist the seeds this database has not seen, then hand them to the frontier. */
const seed = (ctx: RunnerContext, opts: CrawlOptions) =>
  Effect.gen(function* () {
    const { state } = ctx
    const seeds = seedTasks(opts.sources, state.known, { ...opts, now: (opts.now ?? Date.now)() })
    const fresh = seeds.filter((t) => !state.known.has(t.url))
    yield* ctx.store.enqueue(
      fresh.map((t) => ({ url: t.url, source_id: t.source.id, role: t.role, discovered_from: null }))
    )
    state.claimNew(fresh.map((t) => ({ ...t, from: null })))
    yield* schedule(ctx, seeds)
  })

/**
 * A live crawl may be routed through a mirror or a proxy: THIDUA_HOST_MAP names a JSON file of
 * real host → base URL (the simulator's host map has that shape); stored URLs keep the real hosts.
 */
const hostMapFromEnv = (): Effect.Effect<Readonly<Record<string, string>> | undefined, CrawlError> => {
  const file = process.env.THIDUA_HOST_MAP
  if (!file) return Effect.succeed(undefined)
  return Effect.try({
    try: () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>,
    catch: (e) =>
      new CrawlError({ message: `THIDUA_HOST_MAP ${file}: ${e instanceof Error ? e.message : String(e)}` }),
  })
}

/**
 * The crawl with its transport chosen from the options: simulator host map, or the real network; and its
 * frontier: `opts.frontier`, else THIDUA_FRONTIER, else this process.
 */
export const crawl = (opts: CrawlOptions) =>
  Effect.gen(function* () {
    const hostMap = opts.hostMap ?? (opts.live ? yield* hostMapFromEnv() : undefined)
    if (!opts.live && !hostMap)
      return yield* new CrawlError({
        message: 'offline crawl needs a hostMap (start the simulator) or live: true',
      })
    const layer: Layer.Layer<Transport> = hostMap ? transportMapped(hostMap) : transportLive
    const frontier = opts.frontier ?? process.env.THIDUA_FRONTIER
    return yield* crawlProgram({ ...opts, ...(frontier ? { frontier } : {}) }).pipe(Effect.provide(layer))
  })

/** The crawl as a Promise, for callers outside Effect (benchmarks, cross-package tests). */
export const runCrawl = (opts: CrawlOptions): Promise<CrawlSummary> => Effect.runPromise(crawl(opts))
