/**
 * The frontier: what is left to fetch, and in which order per host. `seedTasks` is pure (entry points,
 * due re-checks, the unfinished rows of earlier runs); `Frontier` is the queue behind an interface, with
 * this process's implementation here (one lane per host, `max_per_host` workers behind a HostGate) and a
 * Redis one shared by several processes in `frontier-redis.ts`.
 */
import { Deferred, Effect, Exit, Queue, type Scope } from 'effect'
import { tryCanonicalUrl } from '../page/canonical-url.ts'
import { hostOf } from '../page/canonical-url.ts'
import type { SourceConfig } from '../domain/source.ts'
import { isPermanentFailure, type Throttle } from './http.ts'
import { HostGate } from './politeness.ts'
import type { StoreError } from './store.ts'
import type { KnownPage, PageRole } from './store-rows.ts'
import type { Task } from './types.ts'

export type TaskHandler = (t: Task) => Effect.Effect<void, StoreError>

export interface Frontier {
  /** Queue admitted tasks; a shared frontier drops URLs another process queued already. */
  readonly offer: (tasks: ReadonlyArray<Task>) => Effect.Effect<void, StoreError>
  /** Hand every task to `handle` until none is left; fails with the first handler failure. */
  readonly drain: (handle: TaskHandler) => Effect.Effect<void, StoreError>
  /** Politeness for each HTTP exchange with a host (concurrency and the delay between starts). */
  readonly throttle: (host: string) => Throttle
  /** robots.txt Crawl-delay may only make a host slower. */
  readonly raiseDelay: (host: string, ms: number) => void
}

/** Workers and delay for one host: options override the source, which overrides the mode's default. */
export interface HostLimits {
  readonly maxPerHost?: number
  readonly minDelayMs?: number
  readonly live: boolean
}
export const limitsFor = (o: HostLimits, source: SourceConfig) => ({
  workers: o.maxPerHost ?? source.max_per_host ?? 2,
  delayMs: o.minDelayMs ?? source.min_delay_ms ?? (o.live ? 1000 : 0),
})

/** Revisit policy defaults: live runs re-check stored articles after 30 days, at most 20 per source. */
const RECHECK_AFTER_DAYS_LIVE = 30
const RECHECK_PER_SOURCE = 20

export interface SeedOptions {
  readonly live: boolean
  readonly recheckAfterDays?: number
  readonly recheckPerSource?: number
  readonly now: number
}

const entryTasks = (s: SourceConfig): Task[] => {
  const entries = s.entry_points.length > 0 ? s.entry_points : [s.base_url]
  const home = tryCanonicalUrl(s.base_url)
  const out: Task[] = []
  for (const e of entries) {
    const u = tryCanonicalUrl(e)
    // The home page (listed or implied) is where category listings are found; other entries are followed narrowly.
    const role: PageRole = u === home || (u !== null && new URL(u).pathname === '/') ? 'home' : 'entry'
    if (u) out.push({ url: u, source: s, role, from: null })
  }
  return out
}

/** Stored articles due for their periodic re-check, oldest first, a few per source. */
const recheckTasks = (
  bySourceId: ReadonlyMap<string, SourceConfig>,
  known: Iterable<KnownPage>,
  o: SeedOptions
): Task[] => {
  const days = o.recheckAfterDays ?? (o.live ? RECHECK_AFTER_DAYS_LIVE : undefined)
  if (days === undefined) return []
  const due = o.now - days * 86_400_000
  const bySource = new Map<string, KnownPage[]>()
  for (const k of known)
    if (k.state === 'stored' && k.is_article && k.fetched_ms !== null && k.fetched_ms <= due)
      bySource.set(k.source_id, [...(bySource.get(k.source_id) ?? []), k])
  const out: Task[] = []
  for (const [id, pages] of bySource) {
    const s = bySourceId.get(id)
    if (!s) continue
    pages.sort((a, b) => (a.fetched_ms ?? 0) - (b.fetched_ms ?? 0) || a.url.localeCompare(b.url))
    for (const k of pages.slice(0, o.recheckPerSource ?? RECHECK_PER_SOURCE))
      out.push({ url: k.url, source: s, role: 'article', from: k.discovered_from, revisit: true })
  }
  return out
}

/** Where a run starts: entry points, due re-checks, and what earlier runs left queued or failed to fetch. */
export const seedTasks = (
  sources: ReadonlyArray<SourceConfig>,
  known: ReadonlyMap<string, KnownPage>,
  o: SeedOptions
): Task[] => {
  const bySourceId = new Map(sources.map((s) => [s.id, s]))
  const seeds = [...sources.flatMap(entryTasks), ...recheckTasks(bySourceId, known.values(), o)]
  for (const k of known.values()) {
    const s = bySourceId.get(k.source_id)
    if (!s) continue
    const retry = k.state === 'failed' && !isPermanentFailure(k.http_status, k.last_error)
    if (k.state === 'queued' || retry || k.state === 'skipped_robots')
      seeds.push({ url: k.url, source: s, role: k.role, from: k.discovered_from })
  }
  return seeds
}

interface Lane {
  readonly queue: Queue.Queue<Task>
  readonly gate: HostGate
  readonly workers: number
}

/** The frontier of one process: a lane per host, finished when no task is pending. */
export const makeLocalFrontier = (limits: HostLimits) =>
  Effect.gen(function* () {
    const scope: Scope.Scope = yield* Effect.scope
    const allDone = yield* Deferred.make<void, StoreError>()
    const lanes = new Map<string, Lane>()
    let pending = 0
    let handler: TaskHandler | null = null
    const finishOne = Effect.sync(() => {
      pending--
      if (pending === 0) Deferred.unsafeDone(allDone, Exit.void)
    })
    const work = (lane: Lane, handle: TaskHandler) => {
      // A store failure loses nothing (the row stays queued) but the crawl cannot vouch for the rest:
      // stop here and let the caller report it.
      const one = Queue.take(lane.queue).pipe(
        Effect.flatMap((t) =>
          handle(t).pipe(
            Effect.catchAll((e) => Deferred.fail(allDone, e)),
            Effect.ensuring(finishOne)
          )
        )
      )
      return Effect.forEach(
        Array.from({ length: lane.workers }),
        () => Effect.forkIn(Effect.forever(one), scope),
        { discard: true }
      )
    }
    const laneFor = (host: string, source: SourceConfig) =>
      Effect.gen(function* () {
        const existing = lanes.get(host)
        if (existing) return existing
        const { workers, delayMs } = limitsFor(limits, source)
        const lane: Lane = {
          queue: yield* Queue.unbounded<Task>(),
          gate: new HostGate(host, workers, delayMs),
          workers,
        }
        lanes.set(host, lane)
        if (handler) yield* work(lane, handler)
        return lane
      })
    const frontier: Frontier = {
      offer: (tasks) =>
        Effect.forEach(
          tasks,
          (t) =>
            Effect.flatMap(laneFor(hostOf(t.url), t.source), (lane) => {
              pending++
              return Queue.offer(lane.queue, t)
            }),
          { discard: true }
        ),
      drain: (handle) =>
        Effect.gen(function* () {
          handler = handle
          if (pending === 0) return
          for (const lane of lanes.values()) yield* work(lane, handle)
          yield* Deferred.await(allDone)
        }),
      throttle: (host) => {
        const lane = lanes.get(host)
        return lane ? (e) => lane.gate.run(e) : (e) => e
      },
      raiseDelay: (host, ms) => lanes.get(host)?.gate.raiseDelay(ms),
    }
    return frontier
  })
