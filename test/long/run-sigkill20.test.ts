/**
 * Crash safety of the whole pipeline (issue #18): `thidua run` over a small offline source set is
 * SIGKILLed 20 times at points spread over a clean run's duration (crawl, parse, extract, load, resolve
 * and publish each get hit as the work left shrinks), then run to the end. The final database's public
 * tables must equal a clean run's, row for row, leaving out only what names a run or a fetch (run ids,
 * timestamps of the process, archive record ids).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { repoRoot } from '@thidua/pipeline/paths'
import { afterAll, describe, expect, it } from 'vitest'

const KILLS = 20
/** The source with the most snapshot pages: a few dozen fetches, about ten articles. */
const SOURCE_IDS = ['baonghean']
const TABLES = [
  'articles',
  'documents',
  'events',
  'document_mentions',
  'event_mentions',
  'campaign_mentions',
  'time_mentions',
  'place_mentions',
  'relation_mentions',
  'document_relations',
  'article_clusters',
  'search_terms',
  'search_docs',
]
/** Columns that name a run or a fetch rather than the data. */
const VOLATILE = /^(archive_record_id|run_id|record_id)$|(_at|_ms)$/

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-run-sigkill-'))
afterAll(() => (process.env.THIDUA_KEEP ? undefined : rmSync(dir, { recursive: true, force: true })))

const runArgs = (db: string) => [
  '--import',
  'tsx',
  path.join(repoRoot, 'pipeline/src/cli/main.ts'),
  'run',
  '--sources',
  path.join(dir, 'sources.json'),
  '--db',
  db,
]

const runToEnd = (db: string) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, runArgs(db), { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr?.on('data', (d) => {
      err += String(d)
    })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`run exited ${code}: ${err.slice(0, 1500)}`))
    )
  })

/** Starts a run and SIGKILLs it after `ms`; true when the kill landed before the run ended. */
const killAfter = (db: string, ms: number) =>
  new Promise<boolean>((resolve) => {
    const child: ChildProcess = spawn(process.execPath, runArgs(db), { cwd: repoRoot, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), ms)
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      resolve(signal === 'SIGKILL')
    })
  })

/** Every public table's rows (volatile columns left out), sorted, as JSON lines. */
const tables = async (db: string): Promise<Record<string, string[]>> => {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })
  const c = await inst.connect()
  try {
    const out: Record<string, string[]> = {}
    for (const t of TABLES) {
      const cols = (
        (
          await c.runAndReadAll(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = '${t}' ORDER BY ordinal_position`
          )
        ).getRowObjectsJson() as Array<{ column_name: string }>
      )
        .map((r) => r.column_name)
        .filter((n) => !VOLATILE.test(n))
      const rows = (
        await c.runAndReadAll(`SELECT ${cols.map((n) => `"${n}"`).join(', ')} FROM ${t}`)
      ).getRowObjectsJson()
      out[t] = rows.map((r) => JSON.stringify(r)).sort()
    }
    return out
  } finally {
    c.closeSync()
    inst.closeSync()
  }
}

describe('thidua run crash safety', () => {
  it(`converges after ${KILLS} SIGKILLs to the public tables of a clean run`, async () => {
    const all = JSON.parse(readFileSync(path.join(repoRoot, 'data/sources.json'), 'utf8')) as Array<{
      id: string
    }>
    writeFileSync(
      path.join(dir, 'sources.json'),
      JSON.stringify(all.filter((s) => SOURCE_IDS.includes(s.id)))
    )
    const clean = path.join(dir, 'clean.duckdb')
    const crashed = path.join(dir, 'crashed.duckdb')
    const t0 = performance.now()
    await runToEnd(clean)
    const cleanMs = performance.now() - t0
    const want = await tables(clean)
    expect(want.articles?.length).toBeGreaterThan(5)

    // Kill points sweep from process start-up to the end of a clean run; each run resumes the last one's
    // work, so later points land in later stages. A run that ends before its kill is run again.
    let kills = 0
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 2; attempt++) {
      const at = 500 + ((attempt % KILLS) / KILLS) * cleanMs
      if (await killAfter(crashed, at)) kills++
    }
    console.log(`run sigkill: clean run ${(cleanMs / 1000).toFixed(0)} s, ${kills} kills`)
    expect(kills).toBe(KILLS)
    await runToEnd(crashed)
    const got = await tables(crashed)
    for (const t of TABLES) expect(got[t], t).toEqual(want[t])
  })
})
