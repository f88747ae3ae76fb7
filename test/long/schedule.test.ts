/**
 * `thidua schedule` for real (issue #16): a per-second cron against the portal simulator, three
 * completed ticks across three processes, one of them SIGKILLed mid-run. Shows: runs never overlap,
 * the killed run is closed as interrupted and the next run carries on (nothing lost: the published
 * version and the articles are those of a clean run), the catch-up rule runs a missed tick at start,
 * each alert fires once per event (later runs over the same data fire nothing new), and SIGTERM stops
 * it cleanly.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { repoRoot } from '@thidua/pipeline/paths'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const SOURCES = ['baolaocai', 'baoyenbai', 'baolamdong']
let dir = ''
let db = ''
let sourcesFile = ''
let alertsFile = ''

interface Proc {
  readonly child: ChildProcess
  readonly lines: string[]
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

const schedule = (extra: string[]): Proc => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'pipeline/src/cli/main.ts'),
      'schedule',
      '--cron',
      '* * * * * *',
      '--db',
      db,
      '--sources',
      sourcesFile,
      ...extra,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, THIDUA_ALERTS: alertsFile } }
  )
  const lines: string[] = []
  const take = (d: Buffer) => lines.push(...String(d).split('\n').filter(Boolean))
  child.stdout?.on('data', take)
  child.stderr?.on('data', take)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal }))
  )
  return { child, lines, exited }
}

/** Resolves once a log line matches (polls the collected lines; no fixed sleeps). */
const waitFor = (p: Proc, re: RegExp) =>
  new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (p.lines.some((l) => re.test(l))) {
        clearInterval(timer)
        resolve()
      }
    }, 20)
    p.exited.then(() => {
      clearInterval(timer)
      if (p.lines.some((l) => re.test(l))) resolve()
      else reject(new Error(`exited before ${re}:\n${p.lines.join('\n')}`))
    })
  })

async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })
  try {
    const conn = await instance.connect()
    try {
      return (await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[]
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-schedule-'))
  db = path.join(dir, 'thidua.duckdb')
  const all = JSON.parse(readFileSync(path.join(repoRoot, 'data/snapshot/sources.json'), 'utf8')) as Array<{
    id: string
  }>
  sourcesFile = path.join(dir, 'sources.json')
  writeFileSync(sourcesFile, JSON.stringify(all.filter((s) => SOURCES.includes(s.id))))
  alertsFile = path.join(dir, 'alerts.json')
  writeFileSync(
    alertsFile,
    JSON.stringify({
      rules: [
        { id: 'new-central', kind: 'new_central_document' },
        { id: 'ct41', kind: 'not_answered', documents: ['41-CT/TW'], after_days: 90 },
      ],
    })
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('thidua schedule', () => {
  it('three ticks, one process killed mid-run: no overlap, nothing lost, each alert once', async () => {
    // 1. First start: one completed tick (no state yet, so no catch-up).
    const first = schedule(['--max-ticks', '1'])
    expect((await first.exited).code).toBe(0)
    expect(first.lines.some((l) => /was missed while down/.test(l))).toBe(false)
    expect(first.lines.some((l) => /^alerts: \d+ new/.test(l))).toBe(true)

    // 2. Restart: ticks passed while it was down, so it catches up at once; killed in the middle of it.
    const second = schedule([])
    await waitFor(second, /was missed while down; running once now/)
    await waitFor(second, /^crawl: \d+ fetched/)
    second.child.kill('SIGKILL')
    expect((await second.exited).signal).toBe('SIGKILL')

    // 3. Restart again: catch-up plus one cron tick, then it stops by itself.
    const third = schedule(['--max-ticks', '2'])
    expect((await third.exited).code).toBe(0)
    expect(third.lines.some((l) => /was missed while down/.test(l))).toBe(true)

    const runs = await query<{
      run_id: string
      status: string
      error: string | null
      s: string
      f: string | null
    }>(
      `SELECT run_id, status, error, CAST(started_at AS VARCHAR) AS s, CAST(finished_at AS VARCHAR) AS f
       FROM pipeline_runs ORDER BY started_at`
    )
    expect(runs.map((r) => r.status)).toEqual(['ok', 'failed', 'ok', 'ok'])
    expect(runs[1]?.error).toMatch(/^interrupted/)
    // No overlap: each run finished before the next one started.
    for (let i = 1; i < runs.length; i++)
      expect(Date.parse(runs[i - 1]!.f!)).toBeLessThanOrEqual(Date.parse(runs[i]!.s))

    // Nothing lost: the last run saw the same articles as the first, and its version is the one published.
    const perRun = await query<{ run_id: string; n: number }>(
      `SELECT run_id, CAST(articles_loaded AS INTEGER) AS n FROM pipeline_runs WHERE status = 'ok' ORDER BY started_at`
    )
    expect(perRun[0]!.n).toBeGreaterThan(0)
    const articles = await query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM articles')
    expect(articles[0]!.n).toBeGreaterThanOrEqual(perRun[0]!.n)
    const state = JSON.parse(readFileSync(`${db}.schedule.json`, 'utf8')) as {
      last_run_id: string
      last_status: string
    }
    expect(state).toMatchObject({ last_run_id: runs.at(-1)!.run_id, last_status: 'ok' })

    // Each alert once: all fired by the first run; the later runs over the same data fired nothing.
    const alerts = await query<{ rule_id: string; run_id: string; n: number }>(
      'SELECT rule_id, run_id, CAST(count(*) AS INTEGER) AS n FROM alerts GROUP BY ALL ORDER BY rule_id'
    )
    expect(alerts.length).toBeGreaterThan(0)
    expect(new Set(alerts.map((a) => a.run_id))).toEqual(new Set([runs[0]!.run_id]))
    const central = await query<{ n: number }>(
      'SELECT CAST(count(*) AS INTEGER) AS n FROM documents WHERE is_central'
    )
    expect(alerts.find((a) => a.rule_id === 'new-central')?.n).toBe(central[0]!.n)
    expect(third.lines.filter((l) => /^alerts: 0 new/.test(l))).toHaveLength(2)
  })

  it('stops cleanly on SIGTERM: the run in flight finishes and publishes, the lock is released', async () => {
    const p = schedule([])
    await waitFor(p, /^run r\S+ \(offline\)/)
    p.child.kill('SIGTERM')
    const { code } = await p.exited
    expect(code).toBe(0)
    expect(p.lines.some((l) => /schedule: stopped \(signal\)/.test(l))).toBe(true)
    expect(p.lines.some((l) => /^published /.test(l))).toBe(true)
    expect(() => readFileSync(`${db}.lock`)).toThrow()
    const last = await query<{ status: string }>(
      'SELECT status FROM pipeline_runs ORDER BY started_at DESC LIMIT 1'
    )
    expect(last[0]?.status).toBe('ok')
  })
})
