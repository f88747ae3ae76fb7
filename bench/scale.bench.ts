/**
 * Scale (issue #17): generate N articles (`thidua generate`'s generateCorpus), render each page as the
 * simulator serves it into one JSONL of saved pages ({url, html}: what a researcher with saved pages
 * has), then `thidua ingest` it in a child process as a user runs it (parse + extract on every core,
 * batched load, finalize, publish). Per stage: seconds, and ratios to bare floors measured in the same
 * run: parse alone and parse + extract of a sample of the pages on one core (scaled to N pages on every
 * core), and a plain INSERT … SELECT of the rows the ingest loaded into empty tables (DuckDB alone).
 * Peak RSS of the ingest process (VmHWM: worker threads and DuckDB included), database and published
 * file sizes, and a linear estimate for 1M (finalize may grow faster than linearly: measure it).
 * `pnpm bench scale` (BENCH_SCALE_N, default 20,000; BENCH_SCALE_DIR keeps corpus and database there,
 * reusing a corpus already rendered for the same N).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateCorpus } from '../pipeline/src/generator/generate.ts'
import { parseSafely } from '../pipeline/src/parse/parse-many.ts'
import { doWork, type Work } from '../pipeline/src/run/page-work.ts'
import { LOADED_TABLES } from '../pipeline/src/warehouse/tables.ts'
import { renderCorpusPages, type SavedPage } from '../test/long/scale-pages.ts'
import { duckBytes, insertSelectFloor } from '../test/long/scale-floors.ts'
import { ingestChild } from './ingest-child.ts'

const SAMPLE = 1_000
const r2 = (x: number) => +x.toFixed(2)
const mb = (bytes: number) => Math.round(bytes / 1048576)

/**
 * Pages per second on this thread, parse alone and parse + extract as a worker does it: per wall second
 * (what the floors scale), and per CPU second (the same whatever the machine's load; nothing else runs
 * in this process meanwhile).
 */
const coreRates = (sample: ReadonlyArray<Work>) => {
  const time = (f: (w: Work) => unknown) => {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    for (const w of sample) f(w)
    const c = process.cpuUsage(c0)
    return {
      wall: sample.length / ((performance.now() - t0) / 1000),
      cpu: sample.length / ((c.user + c.system) / 1e6),
    }
  }
  time(doWork) // warm-up: the first pages compile the parser and the extractor
  const parse = time((w) => (w.kind === 'page' ? parseSafely(w.input) : null))
  const work = time(doWork)
  return { parse: parse.wall, parse_extract: work.wall, parse_extract_cpu: work.cpu }
}

const asWork = (p: SavedPage): Work => ({
  kind: 'page',
  source_id: null,
  record_id: null,
  input: { html: p.html, url: p.url, detectArticle: true },
})

/** Corpus and its rendered pages, reused from BENCH_SCALE_DIR when it holds them for this N. */
const prepare = async (dir: string, n: number) => {
  const corpus = path.join(dir, 'corpus')
  const pages = path.join(dir, 'pages.jsonl')
  const meta = path.join(corpus, 'corpus.json')
  const reuse = existsSync(pages) && existsSync(meta) && JSON.parse(readFileSync(meta, 'utf8')).n === n
  const t0 = performance.now()
  if (!reuse) await generateCorpus({ n, seed: 17, out: corpus })
  const generateS = (performance.now() - t0) / 1000
  const rendered = await renderCorpusPages(corpus, reuse ? null : pages, SAMPLE)
  return {
    pages,
    sample: rendered.sample.map(asWork),
    generate_s: reuse ? null : r2(generateS),
    render_s: reuse ? null : r2(rendered.seconds),
  }
}

export const run = async (): Promise<Record<string, unknown>> => {
  const n = Number(process.env.BENCH_SCALE_N ?? 20_000)
  const keep = process.env.BENCH_SCALE_DIR
  const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-scale-'))
  mkdirSync(dir, { recursive: true })
  const db = path.join(dir, 'scale.duckdb')
  try {
    const input = await prepare(dir, n)
    const rates = coreRates(input.sample)
    const cores = os.availableParallelism()
    for (const f of [db, `${db}.wal`]) rmSync(f, { force: true })
    rmSync(`${db}.archive`, { recursive: true, force: true })
    const loadBefore = os.loadavg()[0]!
    const ingest = await ingestChild([input.pages, '--db', db])
    const loadAfter = os.loadavg()[0]!
    const t = ingest.summary.timings
    const floorDb = path.join(dir, 'floor.duckdb')
    rmSync(floorDb, { force: true })
    const floor = await insertSelectFloor(db, floorDb, Object.keys(LOADED_TABLES))
    rmSync(floorDb, { force: true })
    const parseFloorS = n / (rates.parse * cores)
    const workFloorS = n / (rates.parse_extract * cores)
    const loadS = t.load_ms / 1000
    const perArticle = (s: number) => (s / n) * 1_000_000
    return {
      n,
      cores,
      load_average_1m: { before: r2(loadBefore), after: r2(loadAfter) },
      input: {
        generate_s: input.generate_s,
        render_s: input.render_s,
        jsonl_mb: mb(statSync(input.pages).size),
      },
      ingest: {
        articles: ingest.summary.articles,
        failures: ingest.summary.failures,
        not_articles: ingest.summary.not_articles,
        wall_s: ingest.wall_s,
        load_s: r2(loadS),
        of_which_warehouse_writes_s: r2(t.write_ms / 1000),
        finalize_s: r2(t.finalize_ms / 1000),
        publish_s: r2(t.publish_ms / 1000),
        articles_per_s: Math.round(n / ingest.wall_s),
        peak_rss_mb: ingest.peak_rss_mb,
        cpu_s: ingest.cpu_s,
      },
      floors: {
        one_core_pages_per_s: {
          parse: Math.round(rates.parse),
          parse_extract: Math.round(rates.parse_extract),
          parse_extract_per_cpu_s: Math.round(rates.parse_extract_cpu),
        },
        parse_alone_all_cores_s: r2(parseFloorS),
        parse_extract_all_cores_s: r2(workFloorS),
        insert_select: floor,
      },
      ratios: {
        // ≥ 1: how many times the floor the load stage (read + parse + extract + load) takes.
        load_stage_to_parse_alone: r2(loadS / parseFloorS),
        load_stage_to_parse_extract: r2(loadS / workFloorS),
        // Load-independent: the whole ingest's CPU (read, parse, extract, load, finalize, publish) over
        // the CPU bare parse + extract of the same pages needs.
        ingest_cpu_to_parse_extract_cpu: r2(ingest.cpu_s / (n / rates.parse_extract_cpu)),
        // The load measure: bare INSERT … SELECT time over the time the stream spent writing
        // the same rows (goal ≥ 0.5); and over the whole load stage, parsing included.
        insert_select_to_warehouse_writes: r2(floor.seconds / (t.write_ms / 1000)),
        insert_select_to_load_stage: r2(floor.seconds / loadS),
      },
      sizes_mb: {
        warehouse: mb(duckBytes(db)),
        published: ingest.summary.published ? mb(duckBytes(ingest.summary.published)) : null,
      },
      estimate_1m_linear_min: {
        load: r2(perArticle(loadS) / 60),
        finalize: r2(perArticle(t.finalize_ms / 1000) / 60),
        publish: r2(perArticle(t.publish_ms / 1000) / 60),
        total: r2(perArticle(ingest.wall_s) / 60),
      },
      // What the work costs whatever the load: the ingest's CPU seconds spread over every core, the
      // wall time it needs on idle cores if the stages kept them all busy (a lower bound).
      estimate_1m_idle_cores_min: r2(perArticle(ingest.cpu_s) / cores / 60),
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
}
