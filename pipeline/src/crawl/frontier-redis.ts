/**
 * The frontier in Redis, shared by crawler processes on one or many machines (issue #17), through BullMQ:
 * - a URL is queued once across processes: a Redis set of queued URLs filters offers, and each job's id is
 *   a hash of its URL, so two processes offering the same URL at once still make one job (BullMQ keeps
 *   finished jobs, so a finished URL is never queued again in this frontier);
 * - a host's rate holds across processes: the next allowed start per host lives in Redis and is reserved
 *   atomically by a Lua script on Redis's own clock;
 * - a process killed mid-fetch loses nothing: its jobs' locks expire and BullMQ's stalled-job check hands
 *   them to a live worker.
 * The crawl is over when no job is waiting, delayed or active anywhere. A frontier is named by the URL's
 * `?name=` (default `thidua`); start a new crawl round under a new name (or delete the old keys).
 */
import { createHash } from 'node:crypto'
import { Queue, Worker } from 'bullmq'
import { Deferred, Effect, Runtime } from 'effect'
import type { SourceConfig } from '../domain/source.ts'
import { hostOf } from '../page/canonical-url.ts'
import { type Frontier, type HostLimits, limitsFor, type TaskHandler } from './frontier.ts'
import type { Throttle } from './http.ts'
import { StoreError } from './store.ts'
import type { PageRole } from './store-rows.ts'
import type { Task } from './types.ts'

interface JobData {
  readonly url: string
  readonly sourceId: string
  readonly role: PageRole
  readonly from: string | null
  readonly revisit: boolean
}

/** Reserve the next start for a host: returns how long to wait (ms) on Redis's clock. */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], slot + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return slot - now`

export interface RedisFrontierOptions extends HostLimits {
  readonly sources: ReadonlyArray<SourceConfig>
}

/** `redis://host:port[/db][?name=N]` → BullMQ connection options and the frontier's name. */
export const parseFrontierUrl = (url: string) => {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new Error(`frontier must be a redis:// URL, got '${url}'`)
  }
  if (u.protocol !== 'redis:') throw new Error(`frontier must be a redis:// URL, got '${url}'`)
  const db = Number(u.pathname.replace(/^\//, '') || 0)
  const name = u.searchParams.get('name') ?? 'thidua'
  if (!/^[\w.-]+$/.test(name))
    throw new Error(`frontier name may hold letters, digits, '.', '_' and '-': '${name}'`)
  return {
    connection: { host: u.hostname, port: Number(u.port || 6379), db, maxRetriesPerRequest: null },
    name,
  }
}

const jobId = (url: string) => `u${createHash('sha1').update(url).digest('hex')}`

/** Lock long enough for a slow, polite fetch; a SIGKILLed holder's jobs come back within ~20 s. */
const LOCK_MS = 15_000
const STALLED_CHECK_MS = 5_000
const DONE_POLL_MS = 250

/** Per-host limits: this process's concurrency locally, the delay between starts shared in Redis. */
class SharedPoliteness {
  private readonly delays = new Map<string, number>()
  private readonly permits = new Map<string, Effect.Semaphore>()

  constructor(
    private readonly limits: HostLimits,
    private readonly name: string,
    private readonly reserve: (args: [string, number]) => Effect.Effect<unknown, StoreError>
  ) {}

  register(host: string, source: SourceConfig): void {
    if (this.permits.has(host)) return
    const { workers, delayMs } = limitsFor(this.limits, source)
    this.permits.set(host, Effect.unsafeMakeSemaphore(workers))
    this.raiseDelay(host, delayMs)
  }

  raiseDelay(host: string, ms: number): void {
    this.delays.set(host, Math.max(this.delays.get(host) ?? 0, ms))
  }

  throttle(host: string): Throttle {
    return (exchange) => {
      const wait = Effect.flatMap(
        this.reserve([`${this.name}:next:${host}`, this.delays.get(host) ?? 0]).pipe(Effect.orDie),
        (ms) => (Number(ms) > 0 ? Effect.sleep(Number(ms)) : Effect.void)
      )
      const run = Effect.zipRight(wait, exchange)
      const p = this.permits.get(host)
      return p ? p.withPermits(1)(run) : run
    }
  }
}

export const makeRedisFrontier = (url: string, o: RedisFrontierOptions) =>
  Effect.gen(function* () {
    const { connection, name } = yield* Effect.try({
      try: () => parseFrontierUrl(url),
      catch: (e) => new StoreError({ message: (e as Error).message }),
    })
    const prefix = `${name}:bull`
    const queue = yield* Effect.acquireRelease(
      Effect.sync(() => new Queue<JobData>('frontier', { connection, prefix })),
      (q) => Effect.promise(() => q.close())
    )
    const client = yield* Effect.tryPromise({
      try: async () => {
        await queue.waitUntilReady()
        return queue.getBackend().client
      },
      catch: (e) => new StoreError({ message: `frontier ${url} unreachable: ${String(e)}` }),
    })
    const redis = (cmd: string, args: Array<string | number>) =>
      Effect.tryPromise({
        try: () => client.runCommand(cmd, args) as Promise<unknown>,
        catch: (e) => new StoreError({ message: `frontier ${cmd}: ${String(e)}` }),
      })
    const bySource = new Map(o.sources.map((s) => [s.id, s]))
    const polite = new SharedPoliteness(o, name, (args) => redis('eval', [RESERVE, 1, ...args]))
    const seenKey = `${name}:queued`
    const offer = (tasks: ReadonlyArray<Task>) =>
      Effect.gen(function* () {
        if (tasks.length === 0) return
        for (const t of tasks) polite.register(hostOf(t.url), t.source)
        const urls = [...new Set(tasks.map((t) => t.url))]
        const member = (yield* redis('smismember', [seenKey, ...urls])) as number[]
        const fresh = new Set(urls.filter((_, i) => member[i] !== 1))
        const jobs = tasks
          .filter((t) => fresh.delete(t.url))
          .map((t) => ({
            name: 'page',
            data: {
              url: t.url,
              sourceId: t.source.id,
              role: t.role,
              from: t.from,
              revisit: t.revisit === true,
            },
            opts: { jobId: jobId(t.url), attempts: 3 },
          }))
        if (jobs.length === 0) return
        yield* Effect.tryPromise({
          try: () => queue.addBulk(jobs),
          catch: (e) => new StoreError({ message: `frontier add: ${String(e)}` }),
        })
        yield* redis('sadd', [seenKey, ...jobs.map((j) => j.data.url)])
      })
    const frontier: Frontier = {
      offer,
      drain: (handle) => drainQueue(queue, connection, prefix, bySource, handle),
      throttle: (host) => polite.throttle(host),
      raiseDelay: (host, ms) => polite.raiseDelay(host, ms),
    }
    return frontier
  })

const taskOf = (d: JobData, source: SourceConfig): Task => ({
  url: d.url,
  source,
  role: d.role,
  from: d.from,
  ...(d.revisit ? { revisit: true } : {}),
})

/** Work the queue until nothing is waiting, delayed or active in any process. */
const drainQueue = (
  queue: Queue<JobData>,
  connection: ReturnType<typeof parseFrontierUrl>['connection'],
  prefix: string,
  bySource: ReadonlyMap<string, SourceConfig>,
  handle: TaskHandler
) =>
  Effect.gen(function* () {
    const runtime = yield* Effect.runtime<never>()
    const failed = yield* Deferred.make<void, StoreError>()
    let running = 0
    const processor = async (job: { data: JobData }) => {
      const source = bySource.get(job.data.sourceId)
      if (!source) return // a source this process was not given: another process's work
      running++
      try {
        const exit = await Runtime.runPromiseExit(runtime)(handle(taskOf(job.data, source)))
        if (exit._tag === 'Failure') {
          Deferred.unsafeDone(failed, exit)
          throw new Error(`page ${job.data.url} failed`)
        }
      } finally {
        running--
      }
    }
    const concurrency = Math.max(2, Number(process.env.THIDUA_FRONTIER_CONCURRENCY ?? 8))
    yield* Effect.acquireRelease(
      Effect.sync(
        () =>
          new Worker<JobData>('frontier', processor, {
            connection,
            prefix,
            concurrency,
            lockDuration: LOCK_MS,
            stalledInterval: STALLED_CHECK_MS,
            maxStalledCount: 20,
          })
      ),
      (w) => Effect.promise(() => w.close())
    )
    const drained = Effect.gen(function* () {
      for (;;) {
        yield* Effect.sleep(DONE_POLL_MS)
        const c = yield* Effect.tryPromise({
          try: () => queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized'),
          catch: (e) => new StoreError({ message: `frontier counts: ${String(e)}` }),
        })
        if (running === 0 && Object.values(c).every((n) => n === 0)) return
      }
    })
    yield* Effect.raceFirst(drained, Deferred.await(failed))
  }).pipe(Effect.scoped)
