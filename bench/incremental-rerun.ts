/**
 * Issue #17: what a re-run adding INC articles to a warehouse of N costs, by stage, beside the full run.
 * Generated articles (seed 5) are rendered, parsed and extracted first (not timed), then: load N, full
 * finalize, publish; load +INC, incremental finalize, publish. Prints each stage's seconds, the slowest
 * statements of the incremental finalize and publish, and the re-run / full-run ratio as JSON.
 * Run: `npx tsx bench/incremental-rerun.ts N INC` (e.g. 28000 1000); not part of `pnpm bench` (minutes).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { SourceConfig } from '../pipeline/src/domain/source.ts'
import { generateCorpus } from '../pipeline/src/generator/generate.ts'
import { GeneratedRoutes } from '../pipeline/src/simulator/generated-routes.ts'
import type { Warehouse } from '../pipeline/src/warehouse/db.ts'
import { finalizeRun } from '../pipeline/src/warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../pipeline/src/warehouse/open.ts'
import { publish } from '../pipeline/src/warehouse/publish.ts'
import type { LoadItem } from '../pipeline/src/warehouse/rows.ts'
import { startRun } from '../pipeline/src/warehouse/runs.ts'
import { readCorpusTruth } from '../test/long/scale-truth.ts'
import { prepare } from './load.bench.ts'

const [N, INC] = [Number(process.argv[2] ?? 5000), Number(process.argv[3] ?? 250)]
if (!(N > 0 && INC > 0)) throw new Error('usage: incremental-rerun.ts N INC (two positive numbers)')

/** Times every statement of `wh.conn` (run and runAndReadAll) into `into`, by its first 90 characters. */
const timeStatements = (wh: Warehouse, into: () => Map<string, number>) => {
  for (const name of ['run', 'runAndReadAll'] as const) {
    const original = wh.conn[name].bind(wh.conn) as (...a: unknown[]) => Promise<unknown>
    Object.assign(wh.conn, {
      [name]: async (...args: unknown[]) => {
        const t = performance.now()
        try {
          return await original(...args)
        } finally {
          const key = String(args[0]).replace(/\s+/g, ' ').trim().slice(0, 90)
          const m = into()
          m.set(key, (m.get(key) ?? 0) + performance.now() - t)
        }
      },
    })
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-inc-rerun-'))
try {
  const corpus = path.join(dir, 'corpus')
  await generateCorpus({ n: N + INC, seed: 5, out: corpus })
  const truth = readCorpusTruth(corpus)
  const routes = new GeneratedRoutes(corpus)
  const sources = JSON.parse(readFileSync(path.join(corpus, 'sources.json'), 'utf8')) as SourceConfig[]
  const byId = new Map(sources.map((s) => [s.id, s]))
  const items = truth
    .map((t, i) => prepare(routes, t.url, i, byId.get(t.source_id)))
    .filter((x): x is LoadItem => x !== null)
  const wh = await openWarehouseAsync(path.join(dir, 'w.duckdb'))
  await upsertSources(wh, sources)
  const runId = await startRun(wh, { mode: 'bench' })
  let times = new Map<string, number>()
  timeStatements(wh, () => times)
  const seconds = (ms: number) => Math.round(ms) / 1000
  const stage = async (label: string, f: () => Promise<unknown>, top = 0) => {
    times = new Map()
    const t = performance.now()
    await f()
    const ms = performance.now() - t
    console.log(JSON.stringify({ stage: label, seconds: seconds(ms) }))
    for (const [k, v] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`  ${seconds(v).toFixed(3).padStart(8)} s  ${k}`)
    return ms
  }
  const load = async (xs: LoadItem[]) => {
    for (let i = 0; i < xs.length; i += 1000)
      await loadBatch(wh, runId, xs.slice(i, i + 1000), { extractorVersion: 'bench' })
  }
  const full =
    (await stage(`load ${N}`, () => load(items.slice(0, N)))) +
    (await stage('full finalize', () => finalizeRun(wh, runId))) +
    (await stage('publish', () => publish(wh)))
  const rerun =
    (await stage(`load +${INC}`, () => load(items.slice(N)))) +
    (await stage('incremental finalize', () => finalizeRun(wh, runId), 12)) +
    (await stage('publish again', () => publish(wh), 3))
  const ratio = Math.round((rerun / full) * 1000) / 1000
  console.log(JSON.stringify({ N, INC, full: seconds(full), rerun: seconds(rerun), ratio }))
  closeWarehouseSync(wh)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
