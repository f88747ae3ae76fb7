/**
 * Parsing many pages on every core: a pool of worker threads, each running parseArticle on
 * batches of pages. parseArticle is CPU-bound and synchronous, so threads are the way to use the
 * second core; pages travel by structured clone (a copy of ~80 KB costs far less than parsing it).
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { detectPlatform } from './fingerprint.ts'
import {
  checkArticle,
  isArticlePage,
  type ParseOptions,
  type ParseResult,
  parseArticle,
} from './parse-article.ts'

export interface PageInput {
  readonly html: string
  readonly url: string
  /** Plain data only (it is copied to a worker): source config, reference time, platform. */
  readonly opts?: ParseOptions
  /** Decide first whether the page is an article at all (isArticlePage), as the run does when the crawler did not. */
  readonly detectArticle?: boolean
}

/** A page that isArticlePage refused: not a failure, just not an article (a listing, a home page). */
export interface NotArticle {
  readonly ok: false
  readonly notArticle: true
  readonly reason: string
}
export type PageResult = ParseResult | NotArticle
export const isNotArticle = (r: PageResult): r is NotArticle => 'notArticle' in r

/** Messages between the pool and its workers. */
export interface ParseJob {
  readonly id: number
  readonly pages: ReadonlyArray<PageInput>
}
export interface ParseReply {
  readonly id: number
  readonly results: ReadonlyArray<PageResult>
}

/**
 * Whether parsing with the page's options reads the same body as isArticlePage's bare parse, so one
 * parse serves both: `now` only dates the record; a source's platform only counts when the page's
 * own fingerprint is generic (parse-article.ts's `preferred`); a forced platform always counts.
 */
const sameVerdict = ({ html, url, opts }: PageInput): boolean =>
  !opts?.platform &&
  (!opts?.source || opts.source.platform === 'generic' || detectPlatform(html, url) !== 'generic')

/** parseArticle, with an unexpected exception turned into a failure so a batch always completes. */
export const parseSafely = (p: PageInput): PageResult => {
  try {
    if (!p.detectArticle) return parseArticle(p.html, p.url, p.opts)
    const parsed = sameVerdict(p)
      ? checkArticle(p.html, p.url, () => parseArticle(p.html, p.url, p.opts))
      : isArticlePage(p.html, p.url)
        ? parseArticle(p.html, p.url, p.opts)
        : null
    return parsed ?? { ok: false, notArticle: true, reason: 'not an article page' }
  } catch (e) {
    return { ok: false, reason: `parser error: ${e instanceof Error ? e.message : String(e)}` }
  }
}

export interface ParsePool {
  readonly workers: number
  /** Results in the order of `pages`. */
  readonly parse: (pages: ReadonlyArray<PageInput>) => Promise<PageResult[]>
  readonly close: () => Promise<void>
}

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  readonly workers?: number
  /** Pages per message: large enough to amortise messaging, small enough to balance the load. */
  readonly batchSize?: number
}

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url)

interface Pending {
  readonly job: ParseJob
  readonly resolve: (results: ReadonlyArray<PageResult>) => void
  readonly reject: (e: Error) => void
}

export const createParsePool = (opts: PoolOptions = {}): ParsePool => {
  const size = Math.max(1, Math.floor(opts.workers ?? availableParallelism()))
  const batchSize = Math.max(1, opts.batchSize ?? 8)
  const queue: Pending[] = []
  const busy = new Map<Worker, Pending>()
  let failure: Error | null = null
  let nextId = 0

  const fail = (e: Error): void => {
    failure ??= e
    for (const p of [...busy.values(), ...queue.splice(0)]) p.reject(e)
    busy.clear()
  }

  const dispatch = (w: Worker): void => {
    const next = queue.shift()
    if (!next) return
    busy.set(w, next)
    w.postMessage(next.job)
  }

  // execArgv: [] so a parent started with tsx's flags does not load tsx twice (the bootstrap does).
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(WORKER_URL, { execArgv: [] })
    w.on('message', (reply: ParseReply) => {
      const p = busy.get(w)
      busy.delete(w)
      if (p && p.job.id === reply.id) p.resolve(reply.results)
      dispatch(w)
    })
    w.on('error', (e) => fail(new Error(`parse worker failed: ${e.message}`)))
    w.on('exit', (code) => {
      if (code !== 0) fail(new Error(`parse worker exited with code ${code}`))
    })
    return w
  })

  const run = (pages: ReadonlyArray<PageInput>): Promise<ReadonlyArray<PageResult>> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure)
      queue.push({ job: { id: nextId++, pages }, resolve, reject })
      const idle = workers.find((w) => !busy.has(w))
      if (idle) dispatch(idle)
    })

  return {
    workers: size,
    parse: async (pages) => {
      const batches: Promise<ReadonlyArray<PageResult>>[] = []
      for (let i = 0; i < pages.length; i += batchSize) batches.push(run(pages.slice(i, i + batchSize)))
      return (await Promise.all(batches)).flat()
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}

/**
 * Parses pages on `workers` threads (default: every core) and returns the results in order. With
 * one worker, or few pages, it parses in this thread: starting a worker costs more than that.
 */
export const parseMany = async (
  pages: ReadonlyArray<PageInput>,
  opts: PoolOptions = {}
): Promise<PageResult[]> => {
  const workers = opts.workers ?? availableParallelism()
  if (workers <= 1 || pages.length < 16) return pages.map(parseSafely)
  const pool = createParsePool({ ...opts, workers: Math.min(workers, Math.ceil(pages.length / 8)) })
  try {
    return await pool.parse(pages)
  } finally {
    await pool.close()
  }
}
