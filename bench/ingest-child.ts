/**
 * `thidua ingest` as a user runs it, in a child process (the compiled command line `pnpm bench` builds
 * first), for the parse-workers and scale benches: its JSON summary (per-stage milliseconds), its wall
 * time and its peak resident memory (VmHWM from /proc, polled while it runs: the high-water mark only
 * grows, so the last reading before exit is the peak of the whole run, worker threads and DuckDB
 * included), and its CPU seconds (from /proc/<pid>/stat, read the same way; the last 200 ms may be missed).
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { IngestSummary } from '../pipeline/src/ingest/ingest.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface ChildIngest {
  readonly summary: IngestSummary
  readonly wall_s: number
  readonly peak_rss_mb: number
  /** CPU seconds of the process (all its threads), whatever the machine's load: the cost of the work. */
  readonly cpu_s: number
}

/** Peak resident set of a live process in MB (0 once it is gone). */
const peakRssMb = (pid: number): number => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100

/** User + system CPU seconds of a live process so far, every thread included (null once it is gone). */
const cpuSeconds = (pid: number): number | null => {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const after = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(after[11]) + Number(after[12])) / TICKS_PER_S
  } catch {
    return null
  }
}
export const ingestChild = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>> = {}
): Promise<ChildIngest> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      [path.join(root, 'pipeline/dist/thidua.js'), 'ingest', ...args, '--json'],
      { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stdout = ''
    let stderr = ''
    let peak = 0
    let cpu = 0
    const poll = setInterval(() => {
      peak = Math.max(peak, peakRssMb(child.pid ?? -1))
      cpu = cpuSeconds(child.pid ?? -1) ?? cpu
    }, 200)
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8')
    })
    // Progress lines: keep the last few for an error message only.
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000)
    })
    child.on('error', (e) => {
      clearInterval(poll)
      reject(e)
    })
    child.on('close', (code) => {
      clearInterval(poll)
      if (code !== 0) return reject(new Error(`thidua ingest exited with ${code}: ${stderr.trim()}`))
      const summary = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as IngestSummary
      resolve({
        summary,
        wall_s: +((performance.now() - started) / 1000).toFixed(2),
        peak_rss_mb: Math.round(peak),
        cpu_s: +cpu.toFixed(1),
      })
    })
  })
