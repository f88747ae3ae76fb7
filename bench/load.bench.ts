/**
 * Warehouse load benchmark (issue #7) on the scale corpus: BENCH_LOAD_N articles (default 20,000) from
 * the generator (`thidua generate`), each rendered to HTML by the simulator's page renderer, parsed and
 * extracted exactly as a run does, then loaded through loadBatch in batches of 1,000, followed by
 * finalizeRun (clusters, resolution, search index) and publish. Reports load throughput (articles/s,
 * rows/s), finalize and publish time, search latency and the database size; then BENCH_LOAD_INCREMENTAL
 * (default 1,000) more generated articles are loaded, finalized incrementally and published, beside the full
 * time (`incremental_run_to_full_run`: that whole re-run over load + finalize + publish of the first N).
 * Baseline in the same run: the same rows copied with one plain `INSERT INTO ... SELECT` into empty
 * tables of the same schema in another database (what DuckDB itself needs to write them), so
 * `load_ratio_to_insert_select` is the share of raw insert speed that loadBatch achieves.
 * Preparing the records (render + parse + extract + the page worker's digest) is timed apart and not
 * counted as load time: a run does it on the page pool's threads.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { SourceConfig } from '../pipeline/src/domain/source.ts'
import { extract } from '../pipeline/src/extract/extract.ts'
import { generateCorpus } from '../pipeline/src/generator/generate.ts'
import { parseArticle } from '../pipeline/src/parse/parse-article.ts'
import { GeneratedRoutes } from '../pipeline/src/simulator/generated-routes.ts'
import { queryValue, type Warehouse } from '../pipeline/src/warehouse/db.ts'
import { finalizeRun } from '../pipeline/src/warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../pipeline/src/warehouse/open.ts'
import { publish } from '../pipeline/src/warehouse/publish.ts'
import { articleDigest } from '../pipeline/src/warehouse/rows-digest.ts'
import type { LoadItem } from '../pipeline/src/warehouse/rows.ts'
import { startRun } from '../pipeline/src/warehouse/runs.ts'
import { LOADED_TABLES } from '../pipeline/src/warehouse/tables.ts'
import { readCorpusTruth } from '../test/long/scale-truth.ts'

const N = Number(process.env.BENCH_LOAD_N ?? 20_000)
const BATCH = 1_000
/** Articles generated beyond N, loaded after the first finalize and finalized incrementally (issue #17). */
const INC = Number(process.env.BENCH_LOAD_INCREMENTAL ?? 1_000)

/** Render → parse → extract, as the pipeline does for a fetched page; null when the parser rejects it. */
export const prepare = (
  routes: GeneratedRoutes,
  url: string,
  n: number,
  source: SourceConfig | undefined
): LoadItem | null => {
  const u = new URL(url)
  const html = new TextDecoder().decode(routes.resolve(u.hostname, `${u.pathname}${u.search}`)?.body())
  const parsed = parseArticle(html, url, source ? { source } : {})
  if (!parsed.ok) return null
  const article = parsed.article
  const extraction = extract(article.body_text, {
    id: article.url,
    published: article.published_at?.slice(0, 10) ?? null,
  })
  // The page worker's digest too (run/page-work.ts): it is made on the pool's threads, not by the load.
  return { article, extraction, archive_record_id: `urn:uuid:bench-${n}`, digest: articleDigest(article) }
}

/** Prepares (not timed as load) and loads the first N articles a batch at a time. */
const firstLoad = async (wh: Warehouse, runId: string, prepareAt: (i: number) => LoadItem | null) => {
  let rows = 0
  let loaded = 0
  let rejectedByParser = 0
  let prepareMs = 0
  let loadMs = 0
  for (let start = 0; start < N; start += BATCH) {
    const t0 = performance.now()
    const items: LoadItem[] = []
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const item = prepareAt(i)
      if (item) items.push(item)
      else rejectedByParser++
    }
    const t1 = performance.now()
    const res = await loadBatch(wh, runId, items, { extractorVersion: 'bench' })
    loadMs += performance.now() - t1
    prepareMs += t1 - t0
    loaded += res.loaded
    rows += Object.values(res.rows).reduce((a, b) => a + b, 0)
  }
  return { rows, loaded, rejectedByParser, prepareMs, loadMs }
}

/** Loads `extra` into the finalized warehouse, finalizes incrementally and publishes; seconds of each. */
const rerun = async (wh: Warehouse, runId: string, extra: LoadItem[]) => {
  const ti = performance.now()
  for (let i = 0; i < extra.length; i += BATCH)
    await loadBatch(wh, runId, extra.slice(i, i + BATCH), { extractorVersion: 'bench' })
  const tf = performance.now()
  const summary = await finalizeRun(wh, runId)
  const tp = performance.now()
  await publish(wh)
  const end = performance.now()
  return {
    loadS: (tf - ti) / 1000,
    finalizeS: (tp - tf) / 1000,
    publishS: (end - tp) / 1000,
    mode: summary.mode,
  }
}

/** Baseline: the same rows, one plain INSERT ... SELECT per table into an empty database. */
const insertSelectBaseline = async (wh: Warehouse, baseFile: string) => {
  await wh.conn.run(`ATTACH '${baseFile}' AS base`)
  let baseRows = 0
  let baseMs = 0
  for (const t of Object.keys(LOADED_TABLES)) {
    await wh.conn.run(`CREATE TABLE base.${t} AS SELECT * FROM main.${t} LIMIT 0`)
    const tb = performance.now()
    await wh.conn.run(`INSERT INTO base.${t} SELECT * FROM main.${t}`)
    await wh.conn.run('CHECKPOINT base')
    baseMs += performance.now() - tb
    baseRows += Number(await queryValue(wh.conn, `SELECT count(*) FROM base.${t}`))
  }
  await wh.conn.run('DETACH base')
  return { baseRows, baseMs }
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-load-'))
  const dbFile = path.join(dir, 'bench.duckdb')
  const corpus = path.join(dir, 'corpus')
  try {
    await generateCorpus({ n: N + INC, seed: 5, out: corpus })
    const all = readCorpusTruth(corpus)
    const routes = new GeneratedRoutes(corpus)
    const wh = await openWarehouseAsync(dbFile)
    const sources = JSON.parse(readFileSync(path.join(corpus, 'sources.json'), 'utf8')) as SourceConfig[]
    const sourceById = new Map(sources.map((s) => [s.id, s]))
    await upsertSources(wh, sources)
    const runId = await startRun(wh, { mode: 'bench' })
    const prepareAt = (i: number) => prepare(routes, all[i]!.url, i, sourceById.get(all[i]!.source_id))
    const { rows, loaded, rejectedByParser, prepareMs, loadMs } = await firstLoad(wh, runId, prepareAt)
    const tf = performance.now()
    const summary = await finalizeRun(wh, runId)
    const finalizeS = (performance.now() - tf) / 1000
    const tp = performance.now()
    const pub = await publish(wh)
    const publishS = (performance.now() - tp) / 1000
    const ts = performance.now()
    const hits = Number(
      await queryValue(wh.conn, `SELECT count(*) FROM search_articles('dai hoi thi dua yeu nuoc', 20)`)
    )
    const searchMs = performance.now() - ts
    // The same warehouse, INC more articles, finalized incrementally (only what they touch).
    const extra = all.slice(N).flatMap((_, k) => prepareAt(N + k) ?? [])
    const inc = await rerun(wh, runId, extra)
    // The whole re-run (load + finalize + publish of the new articles) over the whole first run.
    const rerunRatio = (inc.loadS + inc.finalizeS + inc.publishS) / (loadMs / 1000 + finalizeS + publishS)
    const baseFile = path.join(dir, 'baseline.duckdb')
    const { baseRows, baseMs } = await insertSelectBaseline(wh, baseFile)
    closeWarehouseSync(wh)
    const size = (f: string) => statSync(f).size
    const walBytes = readdirSync(dir)
      .filter((f) => f.endsWith('.wal') && !f.startsWith('baseline'))
      .reduce((a, f) => a + size(path.join(dir, f)), 0)
    const rowsPerS = rows / (loadMs / 1000)
    const baseRowsPerS = baseRows / (baseMs / 1000)
    return {
      corpus: 'generated (thidua generate, seed 5), rendered, parsed and extracted',
      articles: N,
      articles_loaded: loaded,
      rejected_by_parser: rejectedByParser,
      rows_loaded: rows,
      prepare_seconds: Math.round(prepareMs / 100) / 10,
      prepare_articles_per_second: Math.round(N / (prepareMs / 1000)),
      load_seconds: Math.round(loadMs / 100) / 10,
      articles_per_second: Math.round(loaded / (loadMs / 1000)),
      rows_per_second: Math.round(rowsPerS),
      baseline_insert_select_rows: baseRows,
      baseline_insert_select_rows_per_second: Math.round(baseRowsPerS),
      load_ratio_to_insert_select: Math.round((rowsPerS / baseRowsPerS) * 1000) / 1000,
      finalize_seconds: Math.round(finalizeS * 100) / 100,
      incremental_articles: extra.length,
      incremental_load_seconds: Math.round(inc.loadS * 100) / 100,
      incremental_finalize_seconds: Math.round(inc.finalizeS * 100) / 100,
      incremental_finalize_mode: inc.mode,
      incremental_to_full_finalize: Math.round((inc.finalizeS / finalizeS) * 1000) / 1000,
      incremental_publish_seconds: Math.round(inc.publishS * 100) / 100,
      incremental_run_to_full_run: Math.round(rerunRatio * 1000) / 1000,
      publish_seconds: Math.round(publishS * 100) / 100,
      search_ms: Math.round(searchMs),
      search_hits: hits,
      clusters: summary.clusters,
      duplicates_found: summary.duplicates,
      documents: summary.documents,
      events: summary.events,
      db_bytes: size(dbFile) + walBytes,
      published_bytes: size(pub.file),
      db_mb: Math.round((size(dbFile) / 1048576) * 10) / 10,
      baseline_db_mb: Math.round((size(baseFile) / 1048576) * 10) / 10,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
