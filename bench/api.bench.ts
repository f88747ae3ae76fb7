/**
 * API latency at scale (issues #17, #18): a generated warehouse of API_BENCH_N articles (default
 * 100,000, seed 11) built by the real pipeline (`thidua generate` + `thidua run --generated`), then
 * every dashboard route through `app.request()` (no network), with the per-version result cache OFF so
 * every request runs its SQL (a first visit, a new filter combination):
 *   - one client (API_BENCH_ITERATIONS requests in a row) and 20 concurrent clients, p50/p95 and bytes;
 *   - search at 100 concurrent connections over a mix of distinct queries drawn from the warehouse,
 *     against the server in its own process with the load from autocannon (api-serve.ts,
 *     api-load.ts): answer cache off with each query asked about once, then on with the queries drawn
 *     with Zipf popularity; beside the bare /api/health at 100 connections in the same run; then the
 *     same health and search loads API_BENCH_STEADY_REQUESTS long (default 3,000: the short runs are
 *     mostly the server's start-up), and the steady search again with two index threads, each with
 *     the server's probe (busy share of its threads, CPU per request, a search's queueing).
 * Goals: every route p95 ≤ 50 ms with one client and ≤ 300 ms with 20; search p95 ≤ 100 ms at 100.
 * API_BENCH_DB=<working.duckdb> reuses a warehouse built before (building 100k takes ~30 min on 2
 * cores); API_BENCH_N=0 uses the embedded snapshot instead.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createApp, type AppHandle } from '../server/src/app.ts'
import { stopSearchWorkers } from '../server/src/search/index-store.ts'
import { loadPaths, quantile, r2, zipfMix } from './api-load.ts'
import { type ProbedFigures, probedLoad, startBenchServer } from './api-serve.ts'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const exec = promisify(execFile)

type Endpoint = [name: string, url: string]

interface Ids {
  readonly doc: string
  readonly article: string
  readonly provinces: string[]
  readonly campaign: string
}

const endpointsFor = (ids: Ids): Endpoint[] => {
  const four = ids.provinces.slice(0, 4).join(',')
  const one = ids.provinces[0] ?? '01'
  return [
    ['health', '/api/health'],
    ['overview-figures', '/api/overview/figures?system=2025'],
    [
      'overview-figures-filtered',
      `/api/overview/figures?system=2008&from_year=2018&to_year=2024&campaign=${ids.campaign}`,
    ],
    ['overview-trend', '/api/overview/trend?system=2025'],
    ['provinces', '/api/provinces?system=2008'],
    ['province-profile', `/api/provinces/${one}/profile?system=2025`],
    ['campaigns', '/api/campaigns'],
    ['adoption', `/api/campaigns/adoption?system=2025&campaign=${ids.campaign}`],
    ['coverage', '/api/coverage?system=2025'],
    ['coverage-filtered', '/api/coverage?system=2008&from_year=2020&to_year=2025&source_kind=portal'],
    ['coverage-map', '/api/coverage/provinces?system=2025'],
    ['compare-timelines', `/api/timelines?province=${four}&system=2025&from=2019-01`],
    // the same items a page at a time (opt-in paging, for a table that pages)
    ['compare-timelines-page', `/api/timelines?province=${four}&system=2025&from=2019-01&limit=200`],
    ['milestones', '/api/timelines/milestones'],
    ['trends', '/api/trends?system=2025'],
    ['documents', '/api/documents?system=2025'],
    ['documents-province', `/api/documents?system=2025&province=${one}`],
    ['document', `/api/documents/${encodeURIComponent(ids.doc)}?system=2025`],
    ['implementation', `/api/documents/${encodeURIComponent(ids.doc)}/implementation?system=2025`],
    ['articles-list', `/api/articles?province=${one}&limit=20`],
    ['articles-drilldown', `/api/articles?document=${encodeURIComponent(ids.doc)}&unique=true`],
    ['articles-search', '/api/articles?q=thi%20dua%20yeu%20nuoc&limit=20'],
    ['article', `/api/articles/${encodeURIComponent(ids.article)}`],
    ['runs', '/api/runs?limit=20'],
    ['sources', '/api/sources'],
    ['ledger', '/api/sources/ledger?gaps_only=true'],
    ['checks', '/api/checks'],
  ]
}

/** `clients` closed loops, each sending `perClient` requests (urls taken round-robin). */
const load = async (h: AppHandle, urls: string[], clients: number, perClient: number) => {
  const times: number[] = []
  let bytes = 0
  let next = 0
  const client = async () => {
    for (let i = 0; i < perClient; i++) {
      const url = urls[next++ % urls.length] as string
      const t0 = performance.now()
      const res = await h.app.request(url)
      const body = await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`)
      times.push(performance.now() - t0)
      bytes = Math.max(bytes, body.byteLength)
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: clients }, client))
  const seconds = (performance.now() - t0) / 1000
  times.sort((a, b) => a - b)
  return {
    p50_ms: r2(quantile(times, 0.5)),
    p95_ms: r2(quantile(times, 0.95)),
    max_ms: r2(times.at(-1) ?? Number.NaN),
    per_s: r2(times.length / seconds),
    bytes,
  }
}

const routes = async (h: AppHandle, endpoints: Endpoint[], iterations: number) => {
  const out: Record<string, unknown> = {}
  const fails: string[] = []
  for (const [name, url] of endpoints) {
    await load(h, [url], 1, 2) // warm-up: connections, plans
    const one = await load(h, [url], 1, iterations)
    const twenty = await load(h, [url], 20, Math.max(2, Math.round(iterations / 4)))
    out[name] = { url, bytes: one.bytes, one_client: one, clients_20: twenty }
    if (one.p95_ms > 50 || twenty.p95_ms > 300) fails.push(name)
    process.stderr.write(
      `  ${name}: 1 client p95 ${one.p95_ms} ms, 20 clients p95 ${twenty.p95_ms} ms, ${one.bytes} B\n`
    )
  }
  return { routes_over_goal: fails, routes: out }
}

/**
 * A realistic mix of distinct search queries drawn from the warehouse itself (none hand-picked to be
 * easy): common and rare words, word pairs, quoted phrases and words with diacritics cut from titles,
 * OR and NOT, `province:` and `year:` filters, document numbers (written bare and as `number:`).
 */
export const searchQueries = async (h: AppHandle): Promise<string[]> => {
  const res = await h.db.acquire()
  const col = async (sql: string) => (await res.query(sql)).rows.map((r) => String(Object.values(r)[0]))
  try {
    const tokens = await col(`WITH r AS (SELECT token, row_number() OVER (ORDER BY df DESC, token) AS k
      FROM search_df WHERE length(token) >= 2 AND NOT regexp_matches(token, '^[0-9]+$'))
      SELECT token FROM r WHERE k % 5 = 0 ORDER BY k LIMIT 200`)
    // titles in a fixed pseudo-random order: phrases and accented words as a reader would type them
    const titles = await col(`SELECT title FROM articles ORDER BY hash(article_id) LIMIT 300`)
    const numbers = await col(`SELECT display_symbol FROM documents WHERE display_symbol LIKE '%/%'
      ORDER BY hash(document_id) LIMIT 60`)
    const provinces = await col(`SELECT DISTINCT name_vi FROM provinces ORDER BY name_vi`)
    const years = await col(`SELECT DISTINCT CAST(year(published_date) AS VARCHAR) FROM articles
      WHERE published_date IS NOT NULL ORDER BY 1`)
    const at = <T>(xs: T[], i: number): T => xs[i % xs.length] as T
    const words = (t: string) => t.split(/\s+/).filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
    const qs = new Set<string>([
      'thi dua yeu nuoc',
      'Đại hội thi đua',
      'hoi nghi dien hinh tien tien',
      '"thi dua"',
    ])
    tokens.forEach((t, i) => {
      qs.add(t)
      if (i < 120) qs.add(`${t} ${at(tokens, i * 7 + 3)}`)
      if (i < 30) qs.add(`${t} OR ${at(tokens, i * 11 + 5)}`)
      if (i < 30) qs.add(`${t} -${at(tokens, i * 13 + 1)}`)
    })
    titles.forEach((t, i) => {
      const w = words(t)
      if (w.length >= 3 && i < 100)
        qs.add(`"${w.slice(i % (w.length - 2), (i % (w.length - 2)) + 3).join(' ')}"`)
      const accented = w.filter((x) => x !== x.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
      if (accented.length >= 2 && i < 200) qs.add(accented.slice(0, 2 + (i % 2)).join(' '))
    })
    provinces.forEach((p, i) => {
      qs.add(`province:"${p}" ${at(tokens, i * 3)}`)
    })
    years.forEach((y, i) => {
      qs.add(`year:${y} ${at(tokens, i * 5 + 1)}`)
    })
    numbers.forEach((n, i) => {
      qs.add(i % 2 ? n : `number:${n} ${at(tokens, i)}`)
    })
    return [...qs].map((q) => `/api/articles?q=${encodeURIComponent(q)}&limit=20`)
  } finally {
    res.release()
  }
}

/**
 * Search at 100 concurrent connections against the server in its own process (bench/api-serve.ts),
 * the load from autocannon in this one. Answer cache off: the bare /api/health first (the HTTP floor
 * of the same run), one connection through every query (each search's own cost), then `amount`
 * searches taking the distinct queries in turn (each asked about once). Answer cache on: the same
 * queries drawn with Zipf popularity (api-load.ts), as a population of users repeats them.
 */
const searchAt100 = async (h: AppHandle, dbFile: string, amount: number, steady: number) => {
  const queries = await searchQueries(h)
  const mix = zipfMix(queries, amount)
  const loadBefore = loadavg().map(r2)
  const off = await startBenchServer(dbFile, false)
  const uncached = await (async () => {
    try {
      const health = await loadPaths(off.url, ['/api/health'], 100, amount)
      const oneClient = await loadPaths(off.url, queries, 1, queries.length)
      const search = await loadPaths(off.url, queries, 100, amount)
      // the same loads `steady` requests long (≥ 20 per connection): the short ones above are mostly
      // the server's first requests and 100 connections opening at once, not its steady state
      const steadyHealth = await probedLoad(off, ['/api/health'], 100, steady)
      const steadySearch = await probedLoad(off, queries, 100, steady)
      return { health, oneClient, search, steady: { health: steadyHealth, search: steadySearch } }
    } finally {
      await off.stop()
    }
  })()
  // the same steady search with two index threads (THIDUA_SEARCH_THREADS=2), a server of its own
  const two = await startBenchServer(dbFile, false, 2)
  const twoThreads = await probedLoad(two, queries, 100, steady).finally(() => two.stop())
  const on = await startBenchServer(dbFile, true)
  const cached = await (async () => {
    try {
      const health = await loadPaths(on.url, ['/api/health'], 100, amount)
      const search = await loadPaths(on.url, mix, 100, amount)
      const a = await on.answers()
      const answerCache = { entries: 1000, ...a, hit_rate: r2(a.hits / Math.max(1, a.hits + a.misses)) }
      return { distinct_in_mix: new Set(mix).size, health, search, answer_cache: answerCache }
    } finally {
      await on.stop()
    }
  })()
  const figures = {
    distinct_queries: queries.length,
    requests: amount,
    distinct_per_request: r2(queries.length / amount),
    clients: 100,
    index: { built: off.index_built, wait_seconds: off.index_wait_seconds, ...off.index },
    load_average: { before: loadBefore, after: loadavg().map(r2) },
    health: uncached.health,
    one_client: uncached.oneClient,
    uncached: uncached.search,
    steady: { requests: steady, ...uncached.steady, search_two_threads: twoThreads },
    cached,
  }
  printSearchTable(figures)
  return figures
}

type Row = { p50_ms: number; p95_ms: number; per_s: number; requests: number }

/** Where a steady run's time went: busy share of each event loop, CPU ms per request. */
const probeNote = (f: ProbedFigures) =>
  `loops main ${f.server.main_elu} worker ${f.server.worker_elu.join(' + ')}; search in worker ${f.server.worker_search_ms} ms, round trip ${f.server.worker_round_trip_ms}; CPU ms/req server ${f.server_cpu_ms_per_request} (main ${f.main_cpu_ms_per_request}), autocannon ${f.loadgen_cpu_ms_per_request}`

/** The figures as one table on stderr (the JSON result has them all). */
const printSearchTable = (f: {
  distinct_queries: number
  health: Row
  one_client: Row
  uncached: Row
  steady: { health: ProbedFigures; search: ProbedFigures; search_two_threads: ProbedFigures }
  cached: { distinct_in_mix: number; health: Row; search: Row; answer_cache: { hit_rate: number } }
  load_average: { before: number[]; after: number[] }
}) => {
  const line = (name: string, r: Row, note: string) =>
    `  ${name.padEnd(34)} ${String(r.p50_ms).padStart(9)} ${String(r.p95_ms).padStart(9)} ${String(r.per_s).padStart(8)}  ${note}\n`
  process.stderr.write(
    `  search at 100 connections (server in its own process, autocannon)    p50 ms    p95 ms    req/s\n${[
      line('health, cache off', f.health, ''),
      line('search, 1 connection', f.one_client, `${f.one_client.requests} distinct`),
      line(
        'search, cache off',
        f.uncached,
        `${f.distinct_queries} distinct / ${f.uncached.requests} requests`
      ),
      line('health, steady', f.steady.health, probeNote(f.steady.health)),
      line(
        'search, cache off, steady',
        f.steady.search,
        `${f.distinct_queries} distinct / ${f.steady.search.requests}; ${probeNote(f.steady.search)}`
      ),
      line(
        'search, steady, 2 index threads',
        f.steady.search_two_threads,
        probeNote(f.steady.search_two_threads)
      ),
      line('health, cache on', f.cached.health, ''),
      line(
        'search, cache on, Zipf mix',
        f.cached.search,
        `${f.cached.distinct_in_mix} distinct / ${f.cached.search.requests}, hit rate ${f.cached.answer_cache.hit_rate}`
      ),
    ].join(
      ''
    )}  load average before ${f.load_average.before.join(' ')}, after ${f.load_average.after.join(' ')}\n`
  )
}

const buildWarehouse = async (dir: string, n: number): Promise<string> => {
  const dbFile = path.join(dir, n > 0 ? 'generated.duckdb' : 'embedded.duckdb')
  const args = ['--silent', 'thidua', 'run', '--db', dbFile]
  if (n > 0) {
    const corpus = path.join(dir, 'corpus')
    await exec('pnpm', ['--silent', 'thidua', 'generate', '-n', String(n), '--seed', '11', '--out', corpus], {
      cwd: repo,
    })
    args.push('--generated', corpus)
  }
  await exec('pnpm', args, { cwd: repo, maxBuffer: 256 * 1024 * 1024 })
  return dbFile
}

const pickIds = async (h: AppHandle): Promise<Ids> => {
  const json = async (url: string) =>
    (await (await h.app.request(url)).json()) as { rows: Array<Record<string, string>> }
  const doc = (await json('/api/documents?system=2025&limit=1')).rows[0]?.document_id
  const article = (await json('/api/articles?limit=1')).rows[0]?.article_id
  const provinces = (await json('/api/provinces?system=2025')).rows
    .sort((a, b) => Number(b.articles) - Number(a.articles))
    .map((r) => String(r.code))
  const campaign = (await json('/api/campaigns')).rows[0]?.campaign_id
  if (!doc || !article || !campaign || provinces.length < 4)
    throw new Error('the warehouse is too small to bench')
  return { doc, article, provinces, campaign }
}

export async function run(): Promise<Record<string, unknown>> {
  const n = Number(process.env.API_BENCH_N ?? 100_000)
  const iterations = Number(process.env.API_BENCH_ITERATIONS ?? 20)
  const given = process.env.API_BENCH_DB
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-api-bench-'))
  try {
    const t0 = performance.now()
    const dbFile = given ?? (await buildWarehouse(dir, n))
    const buildSeconds = given ? null : r2((performance.now() - t0) / 1000)
    const cold = await createApp({
      dbFile,
      watch: false,
      sql: { rateLimit: 1e9 },
      log: () => {},
      cache: false,
    })
    try {
      const health = (await (await cold.app.request('/api/health')).json()) as { articles?: number }
      const ids = await pickIds(cold)
      // API_BENCH_ONLY=name,name measures only those routes (a rerun of part of a slow run)
      const only = process.env.API_BENCH_ONLY?.split(',')
      const endpoints = endpointsFor(ids).filter(([name]) => !only || only.includes(name))
      const perRoute = await routes(cold, endpoints, iterations)
      stopSearchWorkers() // the articles-search route's index in this process: the server has its own
      const search = await searchAt100(
        cold,
        dbFile,
        Number(process.env.API_BENCH_SEARCH_REQUESTS ?? 500),
        Number(process.env.API_BENCH_STEADY_REQUESTS ?? 3000)
      )
      return {
        database: given
          ? `given: ${path.basename(given)}`
          : n > 0
            ? `generated, n=${n}, seed 11`
            : 'embedded',
        build_seconds: buildSeconds,
        articles: health.articles ?? 0,
        iterations,
        goals: { one_client_p95_ms: 50, clients_20_p95_ms: 300, search_100_p95_ms: 100 },
        search_meets_goal: search.uncached.p95_ms <= 100,
        steady_search_meets_goal: search.steady.search.p95_ms <= 100,
        search_100: search,
        ...perRoute,
      }
    } finally {
      await cold.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2))
