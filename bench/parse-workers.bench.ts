/**
 * Parse workers (issues #15, #17): the same N archived pages (the offline snapshot's HTML responses,
 * decoded as the run decodes them, with the run's article check) through the run's page pool
 * (run/page-pool.ts: parse AND extract per page, rows back), with 1 and with 2 worker threads, in
 * chunks of 64 with two chunks per thread in flight, as run/page-loader.ts sends them. Warm-up (the
 * workers' start-up) is excluded. Rounds alternate 1 and 2 so both see the same machine load; the load
 * average is reported beside the ratio, and so are the CPU seconds and the cores the process got: on a
 * saturated machine the wall ratio says little, the CPU cost still does. Goal: 2 threads ≥ 1.7× one.
 * Measured on the pages as archived (5–30 KB, half of them listings refused early) and padded to ~80 KB
 * with portal chrome (parse.bench.ts's `pad`), the size of real portal pages.
 * End to end: `thidua ingest` of the archived pages (one JSONL) with THIDUA_PARSE_WORKERS 1 (this
 * thread) and 2: the run's whole stream (page-loader.ts: pool → batched load), pages per second.
 * `pnpm bench parse-workers` (BENCH_PAGES=N, default 600; BENCH_ROUNDS, default 3).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { decodeHtml } from '../pipeline/src/page/decode.ts'
import { openPagePool, type PagePool } from '../pipeline/src/run/page-pool.ts'
import type { Work } from '../pipeline/src/run/page-work.ts'
import { listSnapshotPages, readSnapshotPage } from '../pipeline/src/snapshot/catalog.ts'
import { ingestChild } from './ingest-child.ts'
import { pad } from './parse.bench.ts'

const CHUNK = 64

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
}

/** Wall and CPU seconds for the pool to parse and extract every page, 2 chunks per thread in flight. */
const timePool = async (pool: PagePool, pages: ReadonlyArray<Work>): Promise<Timing> => {
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  const inFlight = new Set<Promise<unknown>>()
  for (let i = 0; i < pages.length; i += CHUNK) {
    const p: Promise<unknown> = pool.run(pages.slice(i, i + CHUNK)).then(() => inFlight.delete(p))
    inFlight.add(p)
    if (inFlight.size >= Math.max(1, pool.threads) * 2) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  const cpu = process.cpuUsage(cpu0)
  return { wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const r2 = (x: number) => +x.toFixed(2)

const figures = (n: number, ts: Timing[]) => {
  const wall = median(ts.map((t) => t.wall))
  const cpu = median(ts.map((t) => t.cpu))
  return {
    seconds: r2(wall),
    cpu_seconds: r2(cpu),
    pages_per_s: +(n / wall).toFixed(1),
    cores_used: r2(cpu / wall),
  }
}

const comparePools = async (pages: ReadonlyArray<Work>, rounds: number) => {
  const one = openPagePool(1)
  const two = openPagePool(2)
  const t1: Timing[] = []
  const t2: Timing[] = []
  const loadBefore = os.loadavg()[0]!
  try {
    await Promise.all([timePool(one, pages.slice(0, 64)), timePool(two, pages.slice(0, 256))])
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
    pool_as_archived: await comparePools(pages, rounds),
    pool_padded_80kb: await comparePools(padded, rounds),
    ingest_as_archived: {
      workers_1: e1,
      workers_2: e2,
      speedup_2_vs_1: r2(e1.load_stage_seconds / e2.load_stage_seconds),
    },
    load_average_1m_end: r2(os.loadavg()[0]!),
  }
}
