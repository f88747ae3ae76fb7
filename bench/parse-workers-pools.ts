/**
 * The pool half of the parse-workers bench (parse-workers.bench.ts), run as its own process so that the
 * process carries the Node flags under test: the same N archived pages (the offline snapshot's HTML
 * responses, decoded as the run decodes them, with the run's article check) through the run's page pool
 * (run/page-pool.ts: parse AND extract per page, rows back), with 1 and with 2 worker threads, in chunks
 * of CHUNK_UNITS with two chunks per thread in flight, as run/page-loader.ts sends them. Warm-up (the
 * workers' start-up and JIT) is excluded and the same for every thread: each thread first parses the
 * whole page set once (V8 compiles per thread; a thread warmed on fewer pages still spends a helper
 * core on TurboFan in the timed rounds). Rounds alternate 1 and 2 so both see the same machine load; the
 * load average is reported beside the ratio, and so are the CPU seconds and the cores the process got
 * (CPU seconds per 1,000 pages, split from /proc by thread: this thread, the page workers, and V8's
 * helper threads that compile and collect garbage beside them).
 * Measured on the pages as archived (5–30 KB, half of them listings refused early) and padded to ~80 KB
 * with portal chrome (parse.bench.ts's `pad`), the size of real portal pages.
 * `node [flags] --import tsx bench/parse-workers-pools.ts N ROUNDS` prints one JSON object.
 */
import { readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import { pathToFileURL } from 'node:url'
import { decodeHtml } from '../pipeline/src/page/decode.ts'
import { CHUNK_UNITS } from '../pipeline/src/run/page-loader.ts'
import { openPagePool, type PagePool } from '../pipeline/src/run/page-pool.ts'
import type { Work } from '../pipeline/src/run/page-work.ts'
import { listSnapshotPages, readSnapshotPage } from '../pipeline/src/snapshot/catalog.ts'
import { pad } from './parse.bench.ts'

export const archivedPages = (n: number): Work[] => {
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

const comparePools = async (pages: ReadonlyArray<Work>, rounds: number) => {
  const one = openPagePool(1)
  const two = openPagePool(2)
  const t1: Timing[] = []
  const t2: Timing[] = []
  const loadBefore = os.loadavg()[0]!
  try {
    // Every thread warms on the whole page set once (the 2-thread pool gets it twice, one per thread).
    await timePool(one, pages)
    await timePool(two, [...pages, ...pages])
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

/** Both page sets, 1 against 2 threads, in this process with the flags it was started with. */
const comparePageSets = async (n: number, rounds: number) => {
  const pages = archivedPages(n)
  const titles = pages
    .map((p) => (p.kind === 'page' ? /<title>([^<]*)<\/title>/i.exec(p.input.html)?.[1] : null) ?? 'Tin tức')
    .slice(0, 40)
  const padded = pages.map((p) =>
    p.kind === 'page' ? { ...p, input: { ...p.input, html: pad(p.input.html, titles) } } : p
  )
  return {
    node_flags: process.execArgv.filter((a) => a.startsWith('--') && a !== '--import'),
    pool_as_archived: await comparePools(pages, rounds),
    pool_padded_80kb: await comparePools(padded, rounds),
  }
}

// Run as a script (the bench spawns it); imported, it only lends `archivedPages`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [n = 0, rounds = 0] = process.argv.slice(2).map(Number)
  if (!(n > 0 && rounds > 0)) throw new Error('usage: parse-workers-pools.ts PAGES ROUNDS (both > 0)')
  process.stdout.write(`${JSON.stringify(await comparePageSets(n, rounds))}\n`)
}
