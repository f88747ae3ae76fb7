/**
 * `thidua serve` with and without the runtime flags (scripts/runtime-flags.mjs, issue #15): the flags
 * are process-wide and the bin's shebang gives them to every command, so this checks that the server
 * is not slower with them. The compiled bin is started as `node [flags] pipeline/dist/thidua.js serve`
 * on the embedded warehouse (`thidua run`, or SERVE_FLAGS_DB), rounds alternating plain and flagged;
 * each round: a warm-up, then SERVE_FLAGS_REQUESTS requests (default 3,000) over 20 connections of a
 * mix of dashboard reads and distinct searches (answers not cached). Reported: requests per second,
 * p50/p95, and the server's CPU seconds per 1,000 requests (from /proc: the cost, whatever the load).
 * `pnpm bench serve-flags` (BENCH_ROUNDS, default 3).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { RUNTIME_FLAGS } from '../scripts/runtime-flags.mjs'
import { type LoadFigures, loadPaths, r2 } from './api-load.ts'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(repo, 'pipeline/dist/thidua.js')

const READS = [
  '/api/health',
  '/api/overview/figures?system=2025',
  '/api/overview/trend?system=2025',
  '/api/provinces?system=2008',
  '/api/campaigns',
  '/api/coverage?system=2025',
  '/api/timelines/milestones',
  '/api/trends?system=2025',
  '/api/documents?system=2025',
  '/api/runs?limit=20',
  '/api/sources',
]
const WORDS = [
  'thi dua',
  'khen thuong',
  'yeu nuoc',
  'nong thon moi',
  'chuyen doi so',
  'phong trao',
  'hanh chinh',
]

/** Reads and searches interleaved; each search (word × limit) distinct, so it misses every cache. */
const mix = (n: number): string[] =>
  Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? (READS[(i / 2) % READS.length] as string)
      : `/api/articles?q=${encodeURIComponent(WORDS[i % WORDS.length] as string)}&limit=${1 + (Math.floor(i / 2) % 97)}`
  )

/** CPU seconds of a live process so far (all threads; /proc/<pid>/stat utime + stime, 1/100 s). */
const cpuOf = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
  return (Number(f[11]) + Number(f[12])) / 100
}

/** `thidua serve` on a free loopback port; resolves with its URL once it prints it. */
const serve = (db: string, flags: ReadonlyArray<string>): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...flags, bin, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'],
      {
        cwd: repo,
        stdio: ['ignore', 'pipe', 'inherit'],
      }
    )
    let seen = ''
    child.stdout?.on('data', (b: Buffer) => {
      seen += b.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(seen)
      if (m) resolve({ child, url: m[1] as string })
    })
    child.once('exit', (code) => reject(new Error(`thidua serve exited (code ${code}) before it listened`)))
  })

const round = async (db: string, flags: ReadonlyArray<string>, requests: number) => {
  const { child, url } = await serve(db, flags)
  try {
    await loadPaths(url, mix(400), 20, 400)
    const cpu0 = cpuOf(child.pid as number)
    const figures = await loadPaths(url, mix(requests), 20, requests)
    return { ...figures, cpu_s_per_1000: r2(((cpuOf(child.pid as number) - cpu0) / requests) * 1000) }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}

type Round = LoadFigures & { readonly cpu_s_per_1000: number }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const summary = (rs: Round[]) => ({
  per_s: median(rs.map((r) => r.per_s)),
  p50_ms: median(rs.map((r) => r.p50_ms)),
  p95_ms: median(rs.map((r) => r.p95_ms)),
  cpu_s_per_1000: median(rs.map((r) => r.cpu_s_per_1000)),
  non_2xx: rs.reduce((n, r) => n + r.non_2xx + r.errors, 0),
})

export const run = async (): Promise<Record<string, unknown>> => {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
  const requests = Number(process.env.SERVE_FLAGS_REQUESTS ?? 3000)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-serve-'))
  try {
    const db = process.env.SERVE_FLAGS_DB ?? path.join(dir, 'embedded.duckdb')
    if (!process.env.SERVE_FLAGS_DB)
      await promisify(execFile)('pnpm', ['--silent', 'thidua', 'run', '--db', db], {
        cwd: repo,
        maxBuffer: 1 << 26,
      })
    const load0 = os.loadavg()[0] as number
    const plain: Round[] = []
    const flagged: Round[] = []
    for (let r = 0; r < rounds; r++) {
      plain.push(await round(db, [], requests))
      flagged.push(await round(db, RUNTIME_FLAGS, requests))
    }
    const p = summary(plain)
    const f = summary(flagged)
    return {
      rounds,
      requests,
      plain_node: p,
      runtime_flags: { node_flags: RUNTIME_FLAGS, ...f },
      throughput_flagged_vs_plain: r2(f.per_s / p.per_s),
      load_average_1m: { before: r2(load0), after: r2(os.loadavg()[0] as number) },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
