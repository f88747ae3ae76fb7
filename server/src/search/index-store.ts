/**
 * One search worker per published version file (index-worker.ts), started on the version's first
 * search and kept for the most recent versions only (a bounded LRU: a worker holds its version's
 * texts). A version that cannot be indexed (an old schema, a failed read) keeps its searches on SQL.
 */
import type { EventLoopUtilization } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { lruGet, lruSet } from '../db/lru.ts'
import type { RouteFilters, SearchPage } from './engine.ts'
import type { IndexStats, WorkerReply, WorkerRequest } from './index-protocol.ts'
import type { SearchQuery } from './query.ts'

/** Versions whose worker is kept (the served one and the one before, during a swap). */
const KEEP = 2

/**
 * Answers kept per version (least recently used dropped): users repeat queries, and a version never
 * changes. A page is ~10 KB, so 1,000 cost ~10 MB. 0 turns the cache off (the benchmark's uncached run).
 */
let answerEntries = 1000
export const setSearchAnswerCache = (entries: number): void => {
  answerEntries = entries
}

// From sources the worker needs tsx (the .mjs bootstrap); the compiled build points this at its bundle.
const ENTRY = new URL('./index-worker.mjs', import.meta.url)

/**
 * Index threads per version: one by default; THIDUA_SEARCH_THREADS=2 adds a second over its own copy of
 * the index (twice the memory), started once the first is built, and each search goes to the thread
 * with the fewest searches in flight.
 */
export const searchThreadCount = (env: NodeJS.ProcessEnv = process.env): number => {
  const v = env.THIDUA_SEARCH_THREADS
  if (v === undefined || v === '') return 1
  if (!/^[1-4]$/.test(v)) throw new Error(`THIDUA_SEARCH_THREADS: "${v}" is not 1, 2, 3 or 4`)
  return Number(v)
}

/** Sums over answered searches (a benchmark reads where a search's time went). */
export interface SearchTiming {
  searches: number
  search_ms: number
  round_trip_ms: number
}

/** One worker thread holding a version's index, with the searches it has in flight. */
class IndexThread {
  private readonly worker: Worker
  private readonly pending = new Map<number, (r: WorkerReply) => void>()
  private nextId = 1
  stats: IndexStats | null = null
  /** Resolves true when the index is built, false when this version has none. */
  readonly ready: Promise<boolean>
  isReady = false

  constructor(file: string) {
    this.worker = new Worker(ENTRY, { workerData: { file } })
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: WorkerReply) => {
        if (m.id === 0) {
          if ('error' in m) process.stderr.write(`[search] no in-memory index for this version: ${m.error}\n`)
          if ('ready' in m) this.stats = m.stats
          this.isReady = 'ready' in m
          resolve(this.isReady)
          return
        }
        this.pending.get(m.id)?.(m)
        this.pending.delete(m.id)
        if (this.pending.size === 0) this.worker.unref()
      })
      this.worker.once('error', (e) => {
        process.stderr.write(`[search] the index worker failed, searches run on SQL: ${e.message}\n`)
        resolve(false)
      })
      this.worker.once('exit', () => {
        this.isReady = false
        resolve(false)
        for (const done of this.pending.values()) done({ id: -1, error: 'search worker stopped' })
        this.pending.clear()
      })
    })
    // after the listeners (adding one refs the port again): an idle or building index never keeps the
    // process alive (a server stops at once); a search waiting for an answer does
    this.worker.unref()
  }

  get inFlight(): number {
    return this.pending.size
  }

  /** Searches sent to this thread so far. */
  asked = 0
  /** Answered searches: their time in the worker, and from posting to answer (the difference is queueing). */
  readonly timing: SearchTiming = { searches: 0, search_ms: 0, round_trip_ms: 0 }

  async built(): Promise<boolean> {
    this.worker.ref()
    try {
      return await this.ready
    } finally {
      if (this.pending.size === 0) this.worker.unref()
    }
  }

  ask(query: SearchQuery, filters: RouteFilters, limit: number, offset: number): Promise<SearchPage> {
    const id = this.nextId++
    this.asked++
    const t0 = performance.now()
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref()
      this.pending.set(id, (r) => {
        if (!('page' in r)) return reject(new Error('error' in r ? r.error : 'no page'))
        this.timing.searches++
        this.timing.search_ms += r.ms
        this.timing.round_trip_ms += performance.now() - t0
        resolve(r.page)
      })
      this.worker.postMessage({ id, query, filters, limit, offset } satisfies WorkerRequest)
    })
  }

  utilization(since?: EventLoopUtilization): EventLoopUtilization {
    return this.worker.performance.eventLoopUtilization(since)
  }

  stop(): void {
    void this.worker.terminate()
  }
}

export class SearchWorker {
  private readonly threads: IndexThread[]
  /** Resolves true when the first thread's index is built, false when this version has none. */
  readonly ready: Promise<boolean>

  constructor(
    readonly file: string,
    threads = searchThreadCount()
  ) {
    const first = new IndexThread(file)
    this.threads = [first]
    this.ready = first.ready
    // the others build after the first (on two cores a parallel build would delay the first answers)
    void first.ready.then((ok) => {
      for (let i = 1; ok && !this.stopped && i < threads; i++) this.threads.push(new IndexThread(file))
    })
  }

  private stopped = false

  /** Set once the first thread's index is built. */
  get stats(): IndexStats | null {
    return this.threads[0]?.stats ?? null
  }

  /** Resolves as `ready`, keeping the process alive until then (for a caller with nothing else to do). */
  built(): Promise<boolean> {
    return (this.threads[0] as IndexThread).built()
  }

  /** Resolves once every thread's index is built (true when all are). */
  async allBuilt(): Promise<boolean> {
    if (!(await this.built())) return false
    return (await Promise.all(this.threads.map((t) => t.built()))).every(Boolean)
  }

  /** This version's answers by (parsed query, filters, page); a search in flight is shared too. */
  private readonly answers = new Map<string, Promise<SearchPage>>()
  readonly answerStats = { hits: 0, misses: 0 }

  search(query: SearchQuery, filters: RouteFilters, limit: number, offset: number): Promise<SearchPage> {
    if (answerEntries <= 0) return this.ask(query, filters, limit, offset)
    const key = JSON.stringify([query, filters, limit, offset])
    const known = this.answers.get(key)
    if (known) {
      this.answers.delete(key) // most recently used last
      this.answers.set(key, known)
      this.answerStats.hits++
      return known
    }
    this.answerStats.misses++
    const page = this.ask(query, filters, limit, offset)
    this.answers.set(key, page)
    page.catch(() => this.answers.delete(key)) // a failure is not an answer
    while (this.answers.size > answerEntries) this.answers.delete(this.answers.keys().next().value as string)
    return page
  }

  /** The built thread with the fewest searches in flight (the first on a tie). */
  private ask(query: SearchQuery, filters: RouteFilters, limit: number, offset: number): Promise<SearchPage> {
    let best = this.threads[0] as IndexThread
    for (const t of this.threads) if (t.isReady && (!best.isReady || t.inFlight < best.inFlight)) best = t
    // a stopped thread answers nothing: the route then runs its SQL
    if (!best.isReady) return Promise.reject(new Error('search worker stopped'))
    return best.ask(query, filters, limit, offset)
  }

  /** Each thread's sums of search and round-trip times so far. */
  get timing(): SearchTiming[] {
    return this.threads.map((t) => ({ ...t.timing }))
  }

  /** Searches sent to each thread so far. */
  get asked(): number[] {
    return this.threads.map((t) => t.asked)
  }

  /** Each thread's event-loop utilisation since the matching entry of `since` (how busy it was). */
  utilization(since?: ReadonlyArray<EventLoopUtilization>): EventLoopUtilization[] {
    return this.threads.map((t, i) => t.utilization(since?.[i]))
  }

  stop(): void {
    this.stopped = true
    for (const t of this.threads) t.stop()
  }
}

const workers = new Map<string, SearchWorker>()

/** The worker of `file`, started on the first call. */
export const searchWorkerFor = (file: string): SearchWorker => {
  const w = lruGet(workers, file) ?? new SearchWorker(file)
  lruSet(workers, file, w, KEEP, (old) => old.stop())
  return w
}

/**
 * The worker of `file` if its index is ready within `waitMs` (a fresh server building a large index
 * answers its first searches from SQL rather than holding them), else null.
 */
export const readySearchWorker = async (file: string, waitMs: number): Promise<SearchWorker | null> => {
  const w = searchWorkerFor(file)
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), waitMs)
  })
  try {
    return (await Promise.race([w.ready, late])) ? w : null
  } finally {
    clearTimeout(timer)
  }
}

/** Stops every version's worker (a process done with searching frees their indexes at once). */
export const stopSearchWorkers = (): void => {
  for (const w of workers.values()) w.stop()
  workers.clear()
}
