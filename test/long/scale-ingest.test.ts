/**
 * Ingest at scale (issue #17): generate N articles (THIDUA_SCALE_INGEST_N, default 100,000), render
 * every page as the simulator serves it into one JSONL of saved pages, and `thidua ingest` it as a user
 * does (parse + extract on every core, batched load, finalize, publish). The warehouse is scored
 * against the generator's truth: every planted article stored or failed with a reason, nothing extra,
 * title, day and the planted documents, events and campaigns found. A rerun of the same command skips
 * every page and leaves every data table identical. The crawl at scale is scale.test.ts.
 * Saved pages carry no source, so the province is what the page itself says (no source fallback).
 * Floors: measured at N = 3,000 (seed 11): all 3,000 stored; title, day and province 1.0; documents
 * recall/precision 1.0 (dated 0.9996), events 1.0 (status 0.995), campaigns 0.980/0.998; one resolved
 * row per planted document and event; set a little below.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../../pipeline/src/generator/generate.ts'
import type { IngestSummary } from '../../pipeline/src/ingest/ingest.ts'
import { repoRoot } from '../../pipeline/src/paths.ts'
import { renderCorpusPages } from './scale-pages.ts'
import { readCorpusTruth, type ScaleReport, scoreAgainstTruth, tableFingerprints } from './scale-truth.ts'

const N = Number(process.env.THIDUA_SCALE_INGEST_N ?? 100_000)

let dir = ''
let pages = ''
let db = ''
let first: IngestSummary
let report: ScaleReport
const seconds: Record<string, number> = {}

/** `thidua ingest` in a child process; the JSON summary is its last stdout line. */
const ingest = (label: string) =>
  new Promise<IngestSummary>((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'scripts/thidua.mjs'), 'ingest', pages, '--db', db, '--json'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += String(d)
    })
    child.stderr.on('data', (d) => {
      stderr = (stderr + String(d)).slice(-4000)
    })
    child.on('exit', (code) => {
      seconds[label] = Math.round((performance.now() - t0) / 100) / 10
      if (code !== 0) return reject(new Error(`ingest exited ${code}: ${stderr}`))
      resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as IngestSummary)
    })
  })

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'thidua-scale-ingest-'))
  const corpus = path.join(dir, 'corpus')
  pages = path.join(dir, 'pages.jsonl')
  db = path.join(dir, 'scale.duckdb')
  await generateCorpus({ n: N, seed: 11, out: corpus })
  seconds.render = Math.round((await renderCorpusPages(corpus, pages)).seconds * 10) / 10
  first = await ingest('ingest')
  report = await scoreAgainstTruth(db, readCorpusTruth(corpus))
  const { unaccounted, extraneous, ...rest } = report
  console.log(
    JSON.stringify(
      {
        n: N,
        seconds,
        timings: first.timings,
        unaccounted: unaccounted.length,
        extraneous: extraneous.length,
        ...rest,
      },
      null,
      2
    )
  )
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe(`thidua ingest of ${N} generated saved pages`, () => {
  it('stores every planted article or records why not, and nothing else', () => {
    expect(report.unaccounted).toEqual([])
    expect(report.extraneous).toEqual([])
    expect(report.stored + report.parse_failed).toBe(N)
    expect(first.articles).toBe(report.stored)
    expect(report.stored / N).toBeGreaterThanOrEqual(0.995)
  })

  it('keeps title, day and province as planted and finds the planted entities', () => {
    const r = report
    const floors: Array<[name: string, got: number, floor: number]> = [
      ['title', r.title_accuracy, 0.99],
      ['published day', r.published_day_accuracy, 0.99],
      ['province 2008', r.province_2008_accuracy, 0.99],
      ['province 2025', r.province_2025_accuracy, 0.99],
      ['documents recall', r.documents.recall, 0.98],
      ['documents precision', r.documents.precision, 0.98],
      ['documents issued on', r.documents.issued_on_accuracy, 0.98],
      ['events recall', r.events.recall, 0.98],
      ['events precision', r.events.precision, 0.98],
      ['events status', r.events.status_accuracy, 0.98],
      ['campaigns recall', r.campaigns.recall, 0.96],
      ['campaigns precision', r.campaigns.precision, 0.98],
      ['resolved documents per planted', r.resolved_documents.ratio, 0.97],
      ['resolved events per planted', r.resolved_events.ratio, 0.97],
    ]
    // Named, so a failure says which figure fell and to what.
    expect(floors.filter(([, got, floor]) => !(got >= floor))).toEqual([])
  })

  it('converges on a rerun: every page already ingested, every data table identical', async () => {
    const before = await tableFingerprints(db)
    const second = await ingest('rerun')
    expect(second.articles).toBe(0)
    expect(second.already_ingested).toBe(N)
    expect(await tableFingerprints(db)).toEqual(before)
  })
})
