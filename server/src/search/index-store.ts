/**
 * One search worker per published version file (index-worker.ts), started on the version's first
 * search and kept for the most recent versions only (a bounded LRU: a worker holds its version's
 * texts). A version that cannot be indexed (an old schema, a failed read) keeps its searches on SQL.
 */
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

export class SearchWorker {
  private readonly worker: Worker
  private readonly pending = new Map<number, (r: WorkerReply) => void>()
  private nextId = 1
  /** Set once the index is built. */
  stats: IndexStats | null = null
  /** Resolves true when the index is built, false when this version has none. */
  readonly ready: Promise<boolean>

  constructor(readonly file: string) {
    this.worker = new Worker(ENTRY, { workerData: { file } })
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: WorkerReply) => {
        if (m.id === 0) {
          if ('error' in m) process.stderr.write(`[search] no in-memory index for this version: ${m.error}\n`)
          if ('ready' in m) this.stats = m.stats
          resolve('ready' in m)
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
        resolve(false)
        for (const done of this.pending.values()) done({ id: -1, error: 'search worker stopped' })
        this.pending.clear()
      })
    })
    // after the listeners (adding one refs the port again): an idle or building index never keeps the
    // process alive (a server stops at once); a search waiting for an answer does
    this.worker.unref()
  }

  /** Resolves as `ready`, keeping the process alive until then (for a caller with nothing else to do). */
  async built(): Promise<boolean> {
    this.worker.ref()
    try {
      return await this.ready
    } finally {
      if (this.pending.size === 0) this.worker.unref()
    }
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

  private ask(query: SearchQuery, filters: RouteFilters, limit: number, offset: number): Promise<SearchPage> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref()
      this.pending.set(id, (r) =>
        'page' in r ? resolve(r.page) : reject(new Error('error' in r ? r.error : 'no page'))
      )
      this.worker.postMessage({ id, query, filters, limit, offset } satisfies WorkerRequest)
    })
  }

  stop(): void {
    void this.worker.terminate()
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
