/**
 * The run's CPU work on every core: worker threads each run doWork (parse + extract) over the chunks
 * of work they are sent, so this thread only reads input and loads rows. A chunk goes to the thread
 * with the fewest chunks outstanding; a thread answers its chunks in the order it got them. Pages go
 * over as strings and come back as rows (never the HTML again), a chunk per message. Without threads
 * the work runs here: no start-up, no copies.
 */
import { Worker } from 'node:worker_threads'
import { doWork, type Outcome, type Work } from './page-work.ts'

export interface PoolJob {
  readonly id: number
  readonly work: ReadonlyArray<Work>
}
export interface PoolReply {
  readonly id: number
  readonly outcomes: ReadonlyArray<Outcome>
}

export interface PagePool {
  /** Worker threads; 0 when the work runs in this thread. */
  readonly threads: number
  /** Outcomes in the order of `work`. */
  readonly run: (work: ReadonlyArray<Work>) => Promise<ReadonlyArray<Outcome>>
  readonly close: () => Promise<void>
}

const WORKER_URL = new URL('./page-worker.mjs', import.meta.url)

/**
 * A page's DOM and rows die young; with V8's default young generation a big page's
 * objects outlive a scavenge and get promoted, and the major collections that follow run on the GC
 * helper threads, i.e. on the core a second worker needs. A larger young generation lets them die in
 * the scavenge: on padded ~73 K pages CPU per page fell about a fifth (docs/benchmarks.md, parse workers).
 */
const WORKER_YOUNG_GENERATION_MB = 256

interface Waiter {
  readonly resolve: (outcomes: ReadonlyArray<Outcome>) => void
  readonly reject: (e: Error) => void
}
interface Thread {
  readonly worker: Worker
  readonly waiting: Map<number, Waiter>
}

export const inThreadPool: PagePool = {
  threads: 0,
  run: async (work) => work.map(doWork),
  close: async () => {},
}

/** `threads` worker threads, started on the first chunk (a run with nothing to parse starts none). */
export const openPagePool = (threads: number): PagePool => {
  if (threads < 1) return inThreadPool
  let pool: Thread[] | null = null
  let broken: Error | null = null
  let closing = false
  let nextId = 0

  const breakAll = (e: Error): void => {
    if (closing) return
    broken ??= e
    for (const t of pool ?? []) {
      for (const w of t.waiting.values()) w.reject(broken)
      t.waiting.clear()
    }
  }

  const start = (): Thread[] =>
    Array.from({ length: threads }, () => {
      // execArgv: [] so a parent started with tsx's flags does not load tsx twice (the bootstrap does).
      const t: Thread = {
        worker: new Worker(WORKER_URL, {
          execArgv: [],
          resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
        }),
        waiting: new Map(),
      }
      t.worker.on('message', (reply: PoolReply) => {
        const waiter = t.waiting.get(reply.id)
        t.waiting.delete(reply.id)
        waiter?.resolve(reply.outcomes)
      })
      t.worker.on('error', (e) => breakAll(new Error(`page worker failed: ${e.message}`)))
      t.worker.on('exit', (code) => breakAll(new Error(`page worker exited with code ${code}`)))
      return t
    })

  return {
    threads,
    run: (work) =>
      new Promise((resolve, reject) => {
        if (broken) return reject(broken)
        pool ??= start()
        const t = pool.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a))
        const id = nextId++
        t.waiting.set(id, { resolve, reject })
        const job: PoolJob = { id, work }
        t.worker.postMessage(job)
      }),
    close: async () => {
      closing = true
      await Promise.all((pool ?? []).map((t) => t.worker.terminate()))
    },
  }
}
