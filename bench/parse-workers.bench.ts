/**
 * Parse workers (issues #15, #17): the same N archived pages (the offline snapshot's HTML responses,
 * decoded as the run decodes them, with the run's article check) through the run's page pool
 * (run/page-pool.ts: parse AND extract per page, rows back), with 1 and with 2 worker threads, in
 * chunks of CHUNK_UNITS with two chunks per thread in flight, as run/page-loader.ts sends them. Warm-up (the
 * workers' start-up and JIT) is excluded and the same for every thread: each thread first parses
 * BENCH_WARM_PAGES pages (default 8,000, at least the whole set once). V8 compiles per thread, and
 * its TurboFan compiles fall for ~6,000 pages a thread (then stay near 10 per 1,000 pages, on a
 * helper core); a thread warmed on one pass of a 4,000-page set is still in that tail, and the two-thread
 * pool's threads, each seeing half the pages per round, more so (docs/benchmarks.md, session 8).
 * Rounds alternate 1 and 2 so both see the same machine load; the load
 * average is reported beside the ratio, and so are the CPU seconds and the cores the process got: on a
 * saturated machine the wall ratio says little, the CPU cost still does (CPU seconds per 1,000 pages,
 * split from /proc by thread: this thread, the page workers, and V8's helper threads that compile and
 * collect garbage beside them). Goal: 2 threads ≥ 1.7× one.
 * Measured on the pages as archived (5–30 KB, half of them listings refused early) and padded to ~80 KB
 * with portal chrome (parse.bench.ts's `pad`), the size of real portal pages.
 * End to end: `thidua ingest` of the archived pages (one JSONL) with THIDUA_PARSE_WORKERS 1 (this
 * thread) and 2: the run's whole stream (page-loader.ts: pool → batched load), pages per second.
 * `pnpm bench parse-workers` (BENCH_PAGES=N, default 600; BENCH_ROUNDS, default 3; BENCH_WARM_PAGES, default 8,000).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { decodeHtml } from '../pipeline/src/page/decode.ts'
import { CHUNK_UNITS } from '../pipeline/src/run/page-loader.ts'
import { openPagePool, type PagePool } from '../pipeline/src/run/page-pool.ts'
import type { Work } from '../pipeline/src/run/page-work.ts'
import { listSnapshotPages, readSnapshotPage } from '../pipeline/src/snapshot/catalog.ts'
import { ingestChild } from './ingest-child.ts'
import { pad } from './parse.bench.ts'

const archivedPages = (n: number): Work[] => {
  const html = listSnapshotPages()
    .filter((p) => p.status === 200 && /html/i.test(p.content_type ?? 'text/html'))
    .map((p) => ({ html: decodeHtml(readSnapshotPage(p), p.content_type).text, url: p.url }))
  if (html.length === 0) throw new Error('parse-workers bench: the snapshot has no HTML pages')
  return Array.from({ length: n }, (_, i) => ({
    kind: 'page',
    source_id: null,
    record_id: `urn:uuid:bench-${i}`,
    input: { ...html[i % html.length]!, opts: { now: '2025-06-01T00:00:00.000Z' }, detectArticle: true },
  }))
}

interface Timing {
  readonly wall: number
  /** CPU seconds of this process, every thread included: what the work costs whatever the load. */
  readonly cpu: number
  /** The same split by thread (Linux /proc; null elsewhere). */
  readonly split: ThreadSplit | null
}

interface ThreadSplit {
  readonly main: number
  readonly workers: number
  readonly helpers: number
}

/** CPU seconds of each thread of this process so far, by thread id (null without /proc). */
const threadCpu = (): Map<string, number> | null => {
  try {
    const out = new Map<string, number>()
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(tid, (Number(f[11]) + Number(f[12])) / 100) // utime + stime, in clock ticks of 1/100 s
    }
    return out
  } catch {
    return null
  }
}

/**
 * Between two readings: this thread, the page workers (the `threads` busiest other threads: each
 * runs the pages' JS) and the rest (V8's shared compiler and GC helpers, libuv).
 */
const splitCpu = (
  before: Map<string, number> | null,
  after: Map<string, number> | null,
  threads: number
): ThreadSplit | null => {
  if (!before || !after) return null
  const main = String(process.pid)
  const others: number[] = []
  let mainCpu = 0
  for (const [tid, t] of after) {
    const d = t - (before.get(tid) ?? 0)
    if (tid === main) mainCpu = d
    else others.push(d)
  }
  others.sort((a, b) => b - a)
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  return { main: mainCpu, workers: sum(others.slice(0, threads)), helpers: sum(others.slice(threads)) }
}

/** Wall and CPU seconds for the pool to parse and extract every page, 2 chunks per thread in flight. */
const timePool = async (pool: PagePool, pages: ReadonlyArray<Work>): Promise<Timing> => {
  const threads0 = threadCpu()
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  const inFlight = new Set<Promise<unknown>>()
  for (let i = 0; i < pages.length; i += CHUNK_UNITS) {
    const p: Promise<unknown> = pool.run(pages.slice(i, i + CHUNK_UNITS)).then(() => inFlight.delete(p))
    inFlight.add(p)
    if (inFlight.size >= Math.max(1, pool.threads) * 2) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  const cpu = process.cpuUsage(cpu0)
  const split = splitCpu(threads0, threadCpu(), pool.threads)
  return { wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6, split }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const r2 = (x: number) => +x.toFixed(2)

const figures = (n: number, ts: Timing[]) => {
  const wall = median(ts.map((t) => t.wall))
  const cpu = median(ts.map((t) => t.cpu))
  const per1000 = (x: number) => +((x / n) * 1000).toFixed(3)
  const splits = ts.flatMap((t) => (t.split ? [t.split] : []))
  const part = (k: keyof ThreadSplit) => per1000(median(splits.map((s) => s[k])))
  return {
    seconds: r2(wall),
    cpu_seconds: r2(cpu),
    pages_per_s: +(n / wall).toFixed(1),
    cores_used: r2(cpu / wall),
    cpu_s_per_1000_pages: per1000(cpu),
    ...(splits.length > 0
      ? {
          cpu_s_per_1000_by_thread: {
            main: part('main'),
            workers: part('workers'),
            helpers: part('helpers'),
          },
        }
      : {}),
  }
}

/** The page set repeated to at least `perThread × threads` pages: each thread's warm-up. */
const warmSet = (pages: ReadonlyArray<Work>, perThread: number, threads: number): Work[] => {
  const passes = Math.max(1, Math.ceil(perThread / pages.length)) * threads
  return Array.from({ length: passes }, () => pages).flat()
}

const comparePools = async (pages: ReadonlyArray<Work>, rounds: number, warmPages: number) => {
  const one = openPagePool(1)
  const two = openPagePool(2)
  const t1: Timing[] = []
  const t2: Timing[] = []
  const loadBefore = os.loadavg()[0]!
  try {
    // Every thread warms on the same number of pages (the 2-thread pool gets twice as many in all).
    await timePool(one, warmSet(pages, warmPages, 1))
    await timePool(two, warmSet(pages, warmPages, 2))
    for (let r = 0; r < rounds; r++) {
      t1.push(await timePool(one, pages))
      t2.push(await timePool(two, pages))
    }
  } finally {
    await Promise.all([one.close(), two.close()])
  }
  const w1 = figures(pages.length, t1)
  const w2 = figures(pages.length, t2)
  return {
    pages: pages.length,
    warm_pages_per_thread: warmSet(pages, warmPages, 1).length,
    mean_kchars: +(
      pages.reduce((n, p) => n + (p.kind === 'page' ? p.input.html.length : 0), 0) /
      pages.length /
      1024
    ).toFixed(1),
    threads_1: w1,
    threads_2: w2,
    speedup_2_vs_1: r2(w1.seconds / w2.seconds),
    cpu_cost_2_vs_1: r2(w2.cpu_seconds / w1.cpu_seconds),
    load_average_1m: { before: r2(loadBefore), after: r2(os.loadavg()[0]!) },
  }
}

// A worker that runs `workerData` steps of integer arithmetic: no allocation,
// no GC, no compilation after the first milliseconds: what the machine gives two threads at best.
const SPIN = `const { parentPort, workerData } = require('node:worker_threads')
let x = 0
for (let i = 0; i < workerData; i++) x = (x + i * 7) % 1000003
parentPort.postMessage(x)`

const spin = (iterations: number): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const w = new Worker(SPIN, { eval: true, workerData: iterations })
    w.once('message', resolve)
    w.once('error', reject)
  })

/**
 * The machine's own ceiling at the moment of measuring (an extra line, not the pool's figure): the
 * wall of one spinning thread against two at once, rounds alternating. A shared or virtual machine
 * whose two cores do not give two threads twice the work shows it here.
 */
const spinCeiling = async (rounds: number) => {
  const iterations = 150_000_000
  await spin(iterations / 10)
  const one: number[] = []
  const two: number[] = []
  for (let r = 0; r < rounds; r++) {
    let t = performance.now()
    await spin(iterations)
    one.push(performance.now() - t)
    t = performance.now()
    await Promise.all([spin(iterations), spin(iterations)])
    two.push(performance.now() - t)
  }
  // Two threads did twice the work: the speed-up is 2 × one's wall over two's.
  return { speedup_2_vs_1: r2((2 * median(one)) / median(two)), load_average_1m: r2(os.loadavg()[0]!) }
}

/**
 * `thidua ingest` of the pages (a JSONL of {url, html}, each URL made unique) with `workers`: the
 * run's stream (pool → batched load) timed by the command itself, pages per second.
 */
const endToEnd = async (dir: string, pages: ReadonlyArray<Work>, workers: number) => {
  const jsonl = path.join(dir, 'pages.jsonl')
  const lines = pages.flatMap((p, i) =>
    p.kind === 'page'
      ? [
          JSON.stringify({
            url: `${p.input.url}${p.input.url.includes('?') ? '&' : '?'}bench=${i}`,
            html: p.input.html,
          }),
        ]
      : []
  )
  writeFileSync(jsonl, `${lines.join('\n')}\n`)
  const db = path.join(dir, `w${workers}.duckdb`)
  const r = await ingestChild([jsonl, '--db', db, '--no-publish'], { THIDUA_PARSE_WORKERS: String(workers) })
  const seconds = r.summary.timings.load_ms / 1000
  return {
    workers,
    load_stage_seconds: r2(seconds),
    pages_per_s: +(pages.length / seconds).toFixed(1),
    articles: r.summary.articles,
    peak_rss_mb: r.peak_rss_mb,
  }
}

export const run = async (): Promise<Record<string, unknown>> => {
  const n = Number(process.env.BENCH_PAGES ?? 600)
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
  const warmPages = Number(process.env.BENCH_WARM_PAGES ?? 8000)
  if (!Number.isInteger(warmPages) || warmPages < 0)
    throw new Error(`BENCH_WARM_PAGES must be a whole number of pages, got "${process.env.BENCH_WARM_PAGES}"`)
  const pages = archivedPages(n)
  const titles = pages
    .map((p) => (p.kind === 'page' ? /<title>([^<]*)<\/title>/i.exec(p.input.html)?.[1] : null) ?? 'Tin tức')
    .slice(0, 40)
  const padded = pages.map((p) =>
    p.kind === 'page' ? { ...p, input: { ...p.input, html: pad(p.input.html, titles) } } : p
  )
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-pw-'))
  const ingested = async () => {
    try {
      return [await endToEnd(dir, pages, 1), await endToEnd(dir, pages, 2)] as const
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const [e1, e2] = await ingested()
  return {
    rounds,
    cores: os.availableParallelism(),
    goal_speedup: 1.7,
    pool_as_archived: await comparePools(pages, rounds, warmPages),
    pool_padded_80kb: await comparePools(padded, rounds, warmPages),
    machine_ceiling_spin: await spinCeiling(rounds),
    ingest_as_archived: {
      workers_1: e1,
      workers_2: e2,
      speedup_2_vs_1: r2(e1.load_stage_seconds / e2.load_stage_seconds),
    },
    load_average_1m_end: r2(os.loadavg()[0]!),
  }
}
