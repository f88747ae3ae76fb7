/**
 * The run's CPU work on every core: worker processes each run doWork (parse + extract) over the chunks
 * of work they are sent, so this process only reads input and loads rows. A chunk goes to the worker
 * with the fewest chunks outstanding; a worker answers its chunks in the order it got them. Pages go
 * over as strings and come back as rows (never the HTML again), a chunk per message. Without workers
 * the work runs here: no start-up, no copies.
 * Processes rather than threads because of one V8 flag: with every core parsing, V8's parallel and
 * concurrent GC threads only compete with the other workers (measured: +23 % pages/s with two workers
 * on two cores under `--single-threaded-gc`), and worker threads cannot take V8 flags.
 */
import { type ChildProcess, fork } from 'node:child_process'
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
  /** Worker processes; 0 when the work runs in this process. */
  readonly threads: number
  /** Outcomes in the order of `work`. */
  readonly run: (work: ReadonlyArray<Work>) => Promise<ReadonlyArray<Outcome>>
  readonly close: () => Promise<void>
  /** Process ids of the started workers (none before the first chunk). */
  readonly pids: () => ReadonlyArray<number>
}

// From sources the child needs tsx (the .mjs bootstrap); the compiled build starts the .js directly.
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./page-worker.mjs', import.meta.url)
  : new URL('./page-worker.js', import.meta.url)

/** Each worker's own V8 flags: GC on the worker's thread (see the header). */
export const WORKER_EXEC_ARGV: ReadonlyArray<string> = ['--single-threaded-gc']

interface Waiter {
  readonly resolve: (outcomes: ReadonlyArray<Outcome>) => void
  readonly reject: (e: Error) => void
}
interface Thread {
  readonly worker: ChildProcess
  readonly waiting: Map<number, Waiter>
}

export const inThreadPool: PagePool = {
  threads: 0,
  run: async (work) => work.map(doWork),
  close: async () => {},
  pids: () => [],
}

/** `threads` worker processes, started on the first chunk (a run with nothing to parse starts none). */
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
      // stdout ignored: it belongs to the command's output (JSON, CSV); a worker's errors go to stderr.
      const worker = fork(WORKER_URL, [], {
        execArgv: [...WORKER_EXEC_ARGV],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        serialization: 'advanced',
      })
      const t: Thread = { worker, waiting: new Map() }
      worker.on('message', (reply: PoolReply) => {
        const waiter = t.waiting.get(reply.id)
        t.waiting.delete(reply.id)
        waiter?.resolve(reply.outcomes)
      })
      worker.on('error', (e) => breakAll(new Error(`page worker failed: ${e.message}`)))
      worker.on('exit', (code, signal) => breakAll(new Error(`page worker exited (${signal ?? code})`)))
      return t
    })

  const stop = (t: Thread): Promise<void> =>
    new Promise((resolve) => {
      if (t.worker.exitCode !== null || t.worker.signalCode !== null) return resolve()
      t.worker.once('exit', () => resolve())
      t.worker.kill('SIGKILL')
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
        t.worker.send(job)
      }),
    close: async () => {
      closing = true
      await Promise.all((pool ?? []).map(stop))
    },
    pids: () => (pool ?? []).flatMap((t) => (t.worker.pid ? [t.worker.pid] : [])),
  }
}
