/**
 * CPU per search on one thread (issue #18): builds the version's index in this process as its worker
 * does, then replays the api bench's distinct query mix (api.bench.ts `searchQueries`) against it,
 * ROUNDS times, and prints the mean and p95 milliseconds per search, the slowest queries, and the cost
 * of the structured clone that carries a page back to the server thread. Run with `--cpu-prof` to see
 * where the time goes:
 *   API_BENCH_DB=/tmp/h3-api/w.duckdb npx tsx bench/api-search-cpu.ts
 */
import { createApp } from '../server/src/app.ts'
import { resolvePublishedFile } from '../server/src/db/published-db.ts'
import { SearchIndex, type RouteFilters } from '../server/src/search/engine.ts'
import { stopSearchWorkers } from '../server/src/search/index-store.ts'
import { buildFromFile } from '../server/src/search/index-worker.ts'
import { parseSearch } from '../server/src/search/query.ts'
import { quantile, r2 } from './api-load.ts'
import { searchQueries } from './api.bench.ts'

const FILTERS: RouteFilters = {
  system: '2025',
  provinces: [],
  from: null,
  to: null,
  source: null,
  origin: null,
  unique: false,
}

export const run = async () => {
  const dbFile = process.env.API_BENCH_DB
  if (!dbFile) throw new Error('set API_BENCH_DB to a warehouse (e.g. /tmp/h3-api/w.duckdb)')
  const rounds = Number(process.env.API_BENCH_ROUNDS ?? 5)
  const h = await createApp({ dbFile, watch: false, log: () => {}, cache: false })
  const paths = await searchQueries(h).finally(() => h.close())
  stopSearchWorkers()
  const texts = paths.map((p) => new URLSearchParams(p.slice(p.indexOf('?') + 1)).get('q') ?? '')
  const t0 = performance.now()
  const index = new SearchIndex(await buildFromFile(resolvePublishedFile(dbFile)))
  const buildSeconds = r2((performance.now() - t0) / 1000)
  const per = new Map<string, number[]>()
  let cloneMs = 0
  for (let round = 0; round < rounds; round++) {
    for (const q of texts) {
      const a = performance.now()
      const page = index.search(parseSearch(q), FILTERS, 20, 0)
      const b = performance.now()
      if (round === rounds - 1) structuredClone(page)
      cloneMs += performance.now() - b
      const list = per.get(q) ?? []
      list.push(b - a)
      per.set(q, list)
    }
  }
  // each query's best round but the first (warm), so a GC pause or a busy core counts less
  const each = [...per].map(([q, ms]) => [q, Math.min(...ms.slice(rounds > 1 ? 1 : 0))] as const)
  const sorted = each.map(([, ms]) => ms).sort((x, y) => x - y)
  const figures = {
    queries: texts.length,
    rounds,
    build_seconds: buildSeconds,
    mean_ms: r2(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    p50_ms: r2(quantile(sorted, 0.5)),
    p95_ms: r2(quantile(sorted, 0.95)),
    max_ms: r2(sorted.at(-1) ?? Number.NaN),
    clone_ms_per_page: r2(cloneMs / texts.length),
    slowest: each
      .sort((x, y) => y[1] - x[1])
      .slice(0, 12)
      .map(([q, ms]) => `${r2(ms)} ms  ${q}`),
  }
  return figures
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2))
