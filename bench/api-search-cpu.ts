/**
 * CPU per search on one thread (issue #18): builds the version's index in this process as its worker
 * does, then replays the api bench's distinct query mix (api.bench.ts `searchQueries`) against it,
 * ROUNDS times with the pruned top-k and as many scoring every candidate (rounds alternate), and prints
 * for each the mean and p95 milliseconds per search, how many pages differ between the two (must be
 * 0), the slowest queries, and the cost of the structured clone that carries a page back to the server
 * thread. Run with `--cpu-prof` to see where the time goes:
 *   API_BENCH_DB=/tmp/h3-api/w.duckdb npx tsx bench/api-search-cpu.ts
 */
import { createApp } from '../server/src/app.ts'
import { resolvePublishedFile } from '../server/src/db/published-db.ts'
import { SearchIndex } from '../server/src/search/engine.ts'
import { NO_FILTERS } from '../server/src/search/indexed.ts'
import { stopSearchWorkers } from '../server/src/search/index-store.ts'
import { buildFromFile } from '../server/src/search/index-worker.ts'
import { parseSearch } from '../server/src/search/query.ts'
import { quantile, r2 } from './api-load.ts'
import { searchQueries } from './api.bench.ts'

const FILTERS = NO_FILTERS

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
  const per = { pruned: new Map<string, number[]>(), exhaustive: new Map<string, number[]>() }
  const pages = new Map<string, string>()
  let cloneMs = 0
  let differ = 0
  for (let round = 0; round < 2 * rounds; round++) {
    const mode = round % 2 ? 'exhaustive' : 'pruned'
    index.pruning = mode === 'pruned'
    for (const q of texts) {
      const a = performance.now()
      const page = index.search(parseSearch(q), FILTERS, 20, 0)
      const b = performance.now()
      if (round === 0) structuredClone(page)
      cloneMs += performance.now() - b
      const list = per[mode].get(q) ?? []
      list.push(b - a)
      per[mode].set(q, list)
      const json = JSON.stringify(page)
      if (round < 2 && (pages.get(q) ?? json) !== json) differ++
      pages.set(q, json)
    }
  }
  const walked = index.walked / rounds
  // each query's best round but the first (warm), so a GC pause or a busy core counts less
  const best = (m: Map<string, number[]>) =>
    [...m].map(([q, ms]) => [q, Math.min(...ms.slice(rounds > 1 ? 1 : 0))] as const)
  const summary = (each: ReadonlyArray<readonly [string, number]>) => {
    const sorted = each.map(([, ms]) => ms).sort((x, y) => x - y)
    return {
      mean_ms: r2(sorted.reduce((s, x) => s + x, 0) / sorted.length),
      p50_ms: r2(quantile(sorted, 0.5)),
      p95_ms: r2(quantile(sorted, 0.95)),
      max_ms: r2(sorted.at(-1) ?? Number.NaN),
    }
  }
  const each = best(per.pruned)
  const full = new Map(best(per.exhaustive))
  const gains = each.map(([q, ms]) => [q, (full.get(q) ?? ms) - ms] as const).sort((x, y) => y[1] - x[1])
  const show = (xs: ReadonlyArray<readonly [string, number]>) => xs.map(([q, ms]) => `${r2(ms)} ms  ${q}`)
  const figures = {
    queries: texts.length,
    rounds,
    build_seconds: buildSeconds,
    pages_differing: differ,
    searches_walked: walked,
    pruned: summary(each),
    exhaustive: summary(best(per.exhaustive)),
    clone_ms_per_page: r2(cloneMs / texts.length),
    pruning_gains: show(gains.slice(0, 8)),
    pruning_losses: show(gains.slice(-8)),
    slowest: each
      .sort((x, y) => y[1] - x[1])
      .slice(0, 12)
      .map(([q, ms]) => `${r2(ms)} ms  ${q}`),
  }
  return figures
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2))
