/**
 * Builds the API benchmark's warehouse without the crawler (the crawl is not what `pnpm bench api`
 * measures, and at 100k it costs most of an hour on two cores): the generated corpus (seed 11), each
 * article rendered by the simulator's page renderer, parsed, extracted and loaded as a run does, then
 * finalized (clusters, resolution, search index, published aggregates) and published.
 * Run by hand to keep a warehouse for API_BENCH_DB:
 *   npx tsx bench/api-warehouse.ts 100000 /tmp/api/w.duckdb        (build)
 *   npx tsx bench/api-warehouse.ts refinalize /tmp/api/w.duckdb    (finalize + publish again)
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { SourceConfig } from '../pipeline/src/domain/source.ts'
import { extract } from '../pipeline/src/extract/extract.ts'
import { generateCorpus } from '../pipeline/src/generator/generate.ts'
import { parseArticle } from '../pipeline/src/parse/parse-article.ts'
import { GeneratedRoutes } from '../pipeline/src/simulator/generated-routes.ts'
import { finalizeRun } from '../pipeline/src/warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../pipeline/src/warehouse/open.ts'
import { publish } from '../pipeline/src/warehouse/publish.ts'
import type { LoadItem } from '../pipeline/src/warehouse/rows.ts'
import { endRun, startRun } from '../pipeline/src/warehouse/runs.ts'
import { readCorpusTruth } from '../test/long/scale-truth.ts'

const BATCH = 1_000

const prepare = (routes: GeneratedRoutes, url: string, source: SourceConfig | undefined): LoadItem | null => {
  const u = new URL(url)
  const html = new TextDecoder().decode(routes.resolve(u.hostname, `${u.pathname}${u.search}`)?.body())
  const parsed = parseArticle(html, url, source ? { source } : {})
  if (!parsed.ok) return null
  const article = parsed.article
  const extraction = extract(article.body_text, {
    id: article.url,
    published: article.published_at?.slice(0, 10) ?? null,
  })
  return { article, extraction, archive_record_id: `urn:uuid:api-bench-${article.url}` }
}

/** Finalize and publish the warehouse again (after a change to finalize), as a rerun would. */
export const refinalize = async (dbFile: string): Promise<number> => {
  const wh = await openWarehouseAsync(dbFile)
  try {
    const t0 = performance.now()
    const runId = await startRun(wh, { mode: 'bench' })
    await finalizeRun(wh, runId)
    await endRun(wh, runId)
    await publish(wh)
    return (performance.now() - t0) / 1000
  } finally {
    closeWarehouseSync(wh)
  }
}

export const buildApiWarehouse = async (
  n: number,
  dbFile: string,
  log = (_: string) => {}
): Promise<void> => {
  const corpus = path.join(path.dirname(dbFile), 'corpus')
  await generateCorpus({ n, seed: 11, out: corpus })
  const truth = readCorpusTruth(corpus)
  const routes = new GeneratedRoutes(corpus)
  const sources = JSON.parse(readFileSync(path.join(corpus, 'sources.json'), 'utf8')) as SourceConfig[]
  const sourceById = new Map(sources.map((s) => [s.id, s]))
  const wh = await openWarehouseAsync(dbFile)
  try {
    await upsertSources(wh, sources)
    const runId = await startRun(wh, { mode: 'bench' })
    for (let start = 0; start < truth.length; start += BATCH) {
      const items: LoadItem[] = []
      for (const t of truth.slice(start, start + BATCH)) {
        const item = prepare(routes, t.url, sourceById.get(t.source_id))
        if (item) items.push(item)
      }
      await loadBatch(wh, runId, items, { extractorVersion: 'bench' })
      if (start % 10_000 === 0) log(`loaded ${start + items.length} of ${truth.length}`)
    }
    await finalizeRun(wh, runId)
    await endRun(wh, runId)
    await publish(wh)
  } finally {
    closeWarehouseSync(wh)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [what, file] = process.argv.slice(2)
  if (!what || !file) throw new Error('usage: api-warehouse.ts <N | refinalize> <db file>')
  const log = (m: string) => process.stderr.write(`${new Date().toISOString()} ${m}\n`)
  if (what === 'refinalize') log(`finalize + publish: ${(await refinalize(file)).toFixed(1)} s`)
  else await buildApiWarehouse(Number(what), file, log)
}
