/**
 * Parse workers (issues #15, #17): the same N archived pages through the run's page pool with 1 and
 * with 2 worker threads (parse-workers-pools.ts), measured in a process started with the product's
 * runtime flags (scripts/runtime-flags.mjs, the flags the `thidua` bin runs with): that is the headline
 * `pool_*` figure. The same measure in a plain `node` process follows as an extra line (`plain_node`),
 * never instead. Each runs in its own child process, one after the other; inside each, rounds alternate
 * 1 and 2 threads. Goal: 2 threads ≥ 1.7× one. The machine's own two-thread ceiling (spin) is beside it.
 * End to end: `thidua ingest` of the archived pages (one JSONL) with THIDUA_PARSE_WORKERS 1 (this
 * thread) and 2, run as the bin runs (with the runtime flags): the run's whole stream (page-loader.ts:
 * pool → batched load), pages per second.
 * `pnpm bench parse-workers` (BENCH_PAGES=N, default 600; BENCH_ROUNDS, default 3).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Work } from '../pipeline/src/run/page-work.ts'
import { RUNTIME_FLAGS } from '../scripts/runtime-flags.mjs'
import { ingestChild } from './ingest-child.ts'
import { archivedPages } from './parse-workers-pools.ts'

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const r2 = (x: number) => +x.toFixed(2)

const poolsScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-workers-pools.ts')

/** The pool figures of both page sets from a child `node <flags> --import tsx parse-workers-pools.ts`. */
const poolsIn = (flags: ReadonlyArray<string>, n: number, rounds: number): Promise<Record<string, unknown>> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...flags, '--import', 'tsx', poolsScript, String(n), String(rounds)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      }
    )
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8')
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>)
        : reject(new Error(`parse-workers-pools.ts (${flags.join(' ') || 'plain node'}) exited with ${code}`))
    )
  })

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
  const pages = archivedPages(n)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-pw-'))
  const ingested = async () => {
    try {
      return [await endToEnd(dir, pages, 1), await endToEnd(dir, pages, 2)] as const
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const [e1, e2] = await ingested()
  const product = await poolsIn(RUNTIME_FLAGS, n, rounds)
  const plain = await poolsIn([], n, rounds)
  return {
    rounds,
    cores: os.availableParallelism(),
    goal_speedup: 1.7,
    ...product,
    machine_ceiling_spin: await spinCeiling(rounds),
    plain_node: plain,
    ingest_as_archived: {
      node_flags: RUNTIME_FLAGS,
      workers_1: e1,
      workers_2: e2,
      speedup_2_vs_1: r2(e1.load_stage_seconds / e2.load_stage_seconds),
    },
    load_average_1m_end: r2(os.loadavg()[0]!),
  }
}
