/**
 * Parse workers (issues #15, #17): the same N archived pages (the offline snapshot's HTML responses,
 * as the crawler archives them, decoded as the run decodes them, with the run's article check) parsed
 * through the run's own chunk parser (run/parse-workers.ts) with 1 worker (this thread) and with 2
 * worker threads, in chunks of 128 with one chunk in flight ahead, as run/page-loader.ts sends them.
 * Rounds alternate 1 and 2 so both see the same machine load; the load average is reported beside
 * the ratio, since other processes on the two cores lower it, and so are the CPU seconds and the cores
 * the process actually got: on a saturated machine the wall ratio says nothing, the CPU cost still does.
 * Goal: 2 workers ≥ 1.7× one.
 * Measured twice: on the pages as archived (small: the snapshot's pages are 5–30 KB and half are
 * listings the article check refuses early) and on the same pages padded to ~80 KB with portal chrome
 * (parse.bench.ts's `pad`), the size of real portal pages.
 * `pnpm bench parse-workers` (BENCH_PAGES=N, default 600; BENCH_ROUNDS, default 3).
 */
import os from 'node:os'
import { decodeHtml } from '../pipeline/src/page/decode.ts'
import type { PageInput } from '../pipeline/src/parse/parse-many.ts'
import { type ChunkParser, openChunkParser } from '../pipeline/src/run/parse-workers.ts'
import { listSnapshotPages, readSnapshotPage } from '../pipeline/src/snapshot/catalog.ts'
import { pad } from './parse.bench.ts'

const CHUNK = 128

const archivedPages = (n: number): PageInput[] => {
  const html = listSnapshotPages()
    .filter((p) => p.status === 200 && /html/i.test(p.content_type ?? 'text/html'))
    .map((p) => ({ html: decodeHtml(readSnapshotPage(p), p.content_type).text, url: p.url }))
  if (html.length === 0) throw new Error('parse-workers bench: the snapshot has no HTML pages')
  return Array.from({ length: n }, (_, i) => ({
    ...html[i % html.length]!,
    opts: { now: '2025-06-01T00:00:00.000Z' },
    detectArticle: true,
  }))
}

interface Timing {
  readonly wall: number
  /** CPU seconds of this process, every thread included: what the work costs whatever the load. */
  readonly cpu: number
}

/** Wall and CPU seconds to parse every page, one chunk parsing ahead of the one being awaited. */
const timeParse = async (parse: ChunkParser, pages: ReadonlyArray<PageInput>): Promise<Timing> => {
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  let ahead: Promise<unknown> | null = null
  for (let i = 0; i < pages.length; i += CHUNK) {
    const next = parse(pages.slice(i, i + CHUNK))
    if (ahead) await ahead
    ahead = next
  }
  await ahead
  const cpu = process.cpuUsage(cpu0)
  return { wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const compare = async (pages: ReadonlyArray<PageInput>, rounds: number) => {
  const one = openChunkParser(1)
  const two = openChunkParser(2)
  const seconds = { w1: [] as Timing[], w2: [] as Timing[] }
  const loadBefore = os.loadavg()[0]!
  try {
    // Warm both: the workers' start-up (tsx, modules) is paid once per run, not per page.
    await Promise.all([one.parse(pages.slice(0, 32)), two.parse(pages.slice(0, 64))])
    for (let r = 0; r < rounds; r++) {
      seconds.w1.push(await timeParse(one.parse, pages))
      seconds.w2.push(await timeParse(two.parse, pages))
    }
  } finally {
    await Promise.all([one.close(), two.close()])
  }
  const w1 = median(seconds.w1.map((t) => t.wall))
  const w2 = median(seconds.w2.map((t) => t.wall))
  const cpu1 = median(seconds.w1.map((t) => t.cpu))
  const cpu2 = median(seconds.w2.map((t) => t.cpu))
  const kb = pages.reduce((n, p) => n + p.html.length, 0) / pages.length / 1024
  return {
    pages: pages.length,
    mean_kchars: +kb.toFixed(1),
    workers_1: {
      seconds: +w1.toFixed(2),
      cpu_seconds: +cpu1.toFixed(2),
      pages_per_s: +(pages.length / w1).toFixed(1),
    },
    workers_2: {
      seconds: +w2.toFixed(2),
      cpu_seconds: +cpu2.toFixed(2),
      pages_per_s: +(pages.length / w2).toFixed(1),
    },
    speedup_2_vs_1: +(w1 / w2).toFixed(2),
    // CPU the process got per wall second: near 2 with two workers on two idle cores, below 1 on a busy machine.
    cores_used: { workers_1: +(cpu1 / w1).toFixed(2), workers_2: +(cpu2 / w2).toFixed(2) },
    cpu_cost_2_vs_1: +(cpu2 / cpu1).toFixed(2),
    load_average_1m: { before: +loadBefore.toFixed(2), after: +os.loadavg()[0]!.toFixed(2) },
  }
}

export const run = async (): Promise<Record<string, unknown>> => {
  const n = Number(process.env.BENCH_PAGES ?? 600)
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
  const pages = archivedPages(n)
  const titles = pages.map((p) => /<title>([^<]*)<\/title>/i.exec(p.html)?.[1] ?? 'Tin tức').slice(0, 40)
  const padded = pages.map((p) => ({ ...p, html: pad(p.html, titles) }))
  return {
    rounds,
    cores: os.availableParallelism(),
    goal_speedup: 1.7,
    as_archived: await compare(pages, rounds),
    padded_80kb: await compare(padded, rounds),
  }
}
