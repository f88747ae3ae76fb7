/**
 * The thin per-task runner: robots check, one polite fetch, the pure outcome, then archive, commit and
 * schedule. Everything it knows comes in through `RunnerContext`.
 */
import { Effect, Either } from 'effect'
import { hostOf, tryCanonicalUrl } from '../page/canonical-url.ts'
import type { SourceConfig } from '../domain/source.ts'
import type { ArchiveWriter } from './archive.ts'
import type { Frontier } from './frontier.ts'
import { type FetchPolicy, fetchPage, Transport } from './http.ts'
import { planTasks, type PlanContext, type SourceOf } from './links.ts'
import { type PageOutcome, pageOutcome } from './outcome.ts'
import type { RobotsRules } from './robots.ts'
import { type RobotsCache, robotsFetchRow, rulesFromFetch } from './robots-service.ts'
import type { CrawlState } from './state.ts'
import { emptyPage } from './state.ts'
import { type CrawlStore, StoreError } from './store.ts'
import type { FetchRow, LinkRow, PageRow, QueuedRow } from './store-rows.ts'
import type { ArticleDetector, Task } from './types.ts'

export interface RunnerContext {
  readonly live: boolean
  readonly state: CrawlState
  readonly store: CrawlStore
  readonly archive: ArchiveWriter
  readonly frontier: Frontier
  readonly robots: RobotsCache
  readonly transport: Transport['Type']
  readonly policy: FetchPolicy
  readonly attachmentPolicy: FetchPolicy
  readonly detector: ArticleDetector | null
  readonly sourceOf: SourceOf
  readonly plan: PlanContext
  readonly progress: () => void
}

/** Admit what this process has not taken yet and hand it to the frontier. */
export const schedule = (ctx: RunnerContext, tasks: ReadonlyArray<Task>) =>
  ctx.frontier.offer(tasks.filter((t) => ctx.state.admit(t)))

const commit = (
  ctx: RunnerContext,
  row: PageRow,
  edges: ReadonlyArray<LinkRow>,
  tasks: ReadonlyArray<Task>,
  fetch: FetchRow | null
) =>
  Effect.gen(function* () {
    yield* ctx.store.commitPage(row, edges, ctx.state.claimNew(tasks), fetch)
    ctx.state.remember(row)
    yield* schedule(ctx, tasks)
    ctx.progress()
  })

const fetchWith = (ctx: RunnerContext, url: string, headers: Record<string, string>, policy: FetchPolicy) =>
  Effect.either(
    fetchPage(url, headers, policy, ctx.frontier.throttle(hostOf(url))).pipe(
      Effect.provideService(Transport, ctx.transport)
    )
  )

/** Fetch a host's robots.txt: log it, follow the sitemaps it names, apply its Crawl-delay (live only). */
const loadRobots = (ctx: RunnerContext, host: string, source: SourceConfig, url: string) =>
  Effect.gen(function* () {
    const robotsUrl = `${new URL(url).protocol}//${host}/robots.txt`
    const t0 = Date.now()
    const res = yield* fetchWith(ctx, robotsUrl, {}, ctx.policy)
    yield* ctx.store.logFetch(robotsFetchRow(source.id, robotsUrl, res, Date.now() - t0)).pipe(Effect.orDie)
    const rules = rulesFromFetch(robotsUrl, res)
    if (Either.isLeft(res)) return rules
    if (rules.crawlDelayMs !== null && ctx.live) ctx.frontier.raiseDelay(host, rules.crawlDelayMs)
    // Sitemaps named in robots.txt are discovery entry points.
    const tasks: Task[] = []
    for (const sm of rules.sitemaps) {
      const u = tryCanonicalUrl(sm)
      const owner = u ? ctx.sourceOf(u) : undefined
      if (u && owner && !ctx.state.seen.has(u))
        tasks.push({ url: u, source: owner, role: 'sitemap', from: robotsUrl })
    }
    const fresh: QueuedRow[] = ctx.state.claimNew(tasks)
    yield* ctx.store.enqueue(fresh).pipe(Effect.orDie)
    yield* schedule(ctx, tasks).pipe(Effect.orDie)
    return rules
  })

const robotsFor = (
  ctx: RunnerContext,
  host: string,
  source: SourceConfig,
  url: string
): Effect.Effect<RobotsRules> => ctx.robots.get(host, loadRobots(ctx, host, source, url))

/** Carry out an outcome: commit (after archiving a new body) and schedule what it links to. */
const apply = (ctx: RunnerContext, task: Task, o: PageOutcome) =>
  Effect.gen(function* () {
    const s = ctx.state.statsOf(task.source.id)
    if (o.tag === 'not_modified') {
      s.not_modified++
      const edges = ctx.state.listingLinks.get(task.url) ?? (yield* ctx.store.linksFrom(task.url))
      yield* ctx.store.logFetch(o.fetch)
      yield* schedule(ctx, planTasks(task.url, task.source, edges, ctx.plan))
      return
    }
    if (o.redirect) {
      yield* ctx.store.commitPage(
        o.redirect,
        [{ from_url: task.url, to_url: o.row.url, rel: 'redirect' }],
        [],
        null
      )
      ctx.state.remember(o.redirect)
      ctx.state.seen.add(o.row.url)
    }
    if (o.tag === 'settled') {
      for (const c of o.counts) s[c]++
      return yield* commit(ctx, o.row, o.links, [], o.fetch)
    }
    const pageUrl = o.row.url
    ctx.state.mergeChangedAt(o.changedAt)
    const record_id =
      o.unchanged ??
      (yield* Effect.tryPromise({
        try: () =>
          ctx.archive.append({
            url: pageUrl,
            source_id: task.source.id,
            status: o.row.http_status ?? 200,
            headers: o.headers,
            body: o.body,
            fetched_at: o.fetch.fetched_at,
            is_article: o.row.is_article === true,
            payloadSha256: o.row.content_hash,
          }),
        catch: (e) => new StoreError({ message: `archive write failed for ${pageUrl}: ${String(e)}` }),
      }))
    if (o.row.content_hash) ctx.state.hashOwner.set(o.row.content_hash, pageUrl)
    if (o.redirect) s.redirects++
    s.fetched++
    s.bytes += o.row.bytes ?? 0
    if (o.row.is_article) s.articles++
    s.offsite_links += o.edges.filter((e) => e.rel === 'offsite').length
    // links of an unchanged page are on record already
    const tasks = planTasks(pageUrl, task.source, o.edges, ctx.plan)
    yield* commit(ctx, { ...o.row, record_id }, o.unchanged ? [] : o.edges, tasks, o.fetch)
  })

/** One task, start to finish. */
export const processTask = (ctx: RunnerContext) => (task: Task) =>
  Effect.gen(function* () {
    const { state } = ctx
    const s = state.statsOf(task.source.id)
    s.queued--
    if (!state.spend(task.source)) return // stays queued in crawl_page_state for the next run
    const host = hostOf(task.url)
    const prior = state.known.get(task.url)
    const role = task.role === 'entry' || task.role === 'home' ? task.role : (prior?.role ?? task.role)
    const base = emptyPage(task.url, task.source.id, role, task.from)
    const robots = yield* robotsFor(ctx, host, task.source, task.url)
    if (robots.unreachable || !robots.isAllowed(task.url)) {
      const state_ = robots.unreachable ? 'failed' : 'skipped_robots'
      if (robots.unreachable) s.failed++
      else s.skipped_robots++
      const last_error = robots.unreachable ?? 'disallowed by robots.txt'
      return yield* commit(ctx, { ...base, state: state_, last_error }, [], [], null)
    }
    const conditional: Record<string, string> = {}
    if (prior?.state === 'stored') {
      if (prior.etag) conditional['if-none-match'] = prior.etag
      if (prior.last_modified) conditional['if-modified-since'] = prior.last_modified
    }
    const t0 = Date.now()
    const result = yield* fetchWith(
      ctx,
      task.url,
      conditional,
      role === 'attachment' ? ctx.attachmentPolicy : ctx.policy
    )
    const outcome = pageOutcome({
      task,
      prior,
      base,
      result,
      elapsedMs: Date.now() - t0,
      fetchedAt: new Date().toISOString(),
      finalKnown: (u) => {
        const k = state.known.get(u)
        return state.seen.has(u) && k !== undefined && k.state !== 'queued' && k.state !== 'failed'
      },
      hashOwner: (h) => state.hashOwner.get(h),
      detector: ctx.detector,
      sourceOf: ctx.sourceOf,
    })
    yield* apply(ctx, task, outcome)
  })
