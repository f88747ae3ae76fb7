/**
 * API latency on the embedded database built by the real pipeline: `thidua run` over the offline
 * snapshot into a temporary directory, then p50/p95 per endpoint through `app.request()` (no network).
 * Measured twice: with the per-version result cache off (every request runs its SQL: the cost of a
 * first visit or a new filter combination) and on (what repeat visitors get). The baseline in the same
 * run is /api/health (one tiny query); every endpoint is also given as a ratio of that baseline.
 * Goal (issue #8): p95 ≤ 50 ms on the embedded data.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createApp, type AppHandle } from '../server/src/app.ts'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const exec = promisify(execFile)

type Endpoint = [name: string, url: string, init?: RequestInit]

const endpointsFor = (ids: { doc: string; article: string }): Endpoint[] => [
  ['health', '/api/health'],
  ['provinces', '/api/provinces?system=2008'],
  ['campaigns', '/api/campaigns'],
  ['adoption', '/api/campaigns/adoption?system=2025&campaign=xoa_nha_tam'],
  ['coverage', '/api/coverage?system=2025'],
  ['coverage-filtered', '/api/coverage?system=2008&from_year=2020&to_year=2025&source_kind=portal'],
  ['coverage-map', '/api/coverage/provinces?system=2025'],
  ['timelines', '/api/timelines?province=20,40,15,51&system=2025'],
  ['milestones', '/api/timelines/milestones'],
  ['trends', '/api/trends?system=2025'],
  ['documents', '/api/documents?system=2025'],
  ['document', `/api/documents/${ids.doc}`],
  ['articles-list', '/api/articles?province=20&limit=20'],
  ['articles-drilldown', `/api/articles?document=${ids.doc}&unique=true`],
  ['articles-search', '/api/articles?q=thi%20dua%20yeu%20nuoc&limit=20'],
  ['article', `/api/articles/${ids.article}`],
  ['runs', '/api/runs'],
  ['sources', '/api/sources'],
  ['ledger', '/api/sources/ledger?gaps_only=true'],
  ['coverage-csv', '/api/coverage?system=2025&format=csv'],
  ['coverage-arrow', '/api/coverage?system=2025&format=arrow'],
  [
    'sql',
    '/api/sql',
    {
      method: 'POST',
      body: JSON.stringify({
        sql: "SELECT province_code, sum(articles) FROM v_campaign_coverage WHERE system = '2025' GROUP BY 1",
      }),
    },
  ],
]

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
const r2 = (x: number) => Math.round(x * 100) / 100

interface Stats {
  p50_ms: number
  p95_ms: number
  max_ms: number
  p95_vs_health: number
}

const measure = async (h: AppHandle, endpoints: Endpoint[], iterations: number) => {
  const out: Record<string, Stats> = {}
  const all: number[] = []
  for (const [name, url, init] of endpoints) {
    for (let i = 0; i < 3; i++) await (await h.app.request(url, init)).arrayBuffer() // warm-up
    const times: number[] = []
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now()
      const res = await h.app.request(url, init)
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`)
      times.push(performance.now() - t0)
    }
    all.push(...times)
    times.sort((a, b) => a - b)
    out[name] = {
      p50_ms: r2(quantile(times, 0.5)),
      p95_ms: r2(quantile(times, 0.95)),
      max_ms: r2(times.at(-1) ?? Number.NaN),
      p95_vs_health: 0,
    }
  }
  const base = out.health?.p95_ms ?? Number.NaN
  for (const s of Object.values(out)) s.p95_vs_health = r2(s.p95_ms / base)
  all.sort((a, b) => a - b)
  const worst = Object.entries(out).reduce((w, e) => (e[1].p95_ms > w[1].p95_ms ? e : w))
  return {
    overall_p50_ms: r2(quantile(all, 0.5)),
    overall_p95_ms: r2(quantile(all, 0.95)),
    worst_endpoint: worst[0],
    worst_p95_ms: worst[1].p95_ms,
    baseline_health_p95_ms: base,
    endpoints: out,
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-api-bench-'))
  const dbFile = path.join(dir, 'embedded.duckdb')
  const iterations = Number(process.env.API_BENCH_ITERATIONS ?? 40)
  try {
    const t0 = performance.now()
    await exec('pnpm', ['--silent', 'thidua', 'run', '--db', dbFile], {
      cwd: repo,
      maxBuffer: 64 * 1024 * 1024,
    })
    const buildSeconds = r2((performance.now() - t0) / 1000)
    const cold = await createApp({
      dbFile,
      watch: false,
      cache: false,
      sql: { rateLimit: 1e9 },
      log: () => {},
    })
    const warm = await createApp({ dbFile, watch: false, sql: { rateLimit: 1e9 }, log: () => {} })
    try {
      const json = async (url: string) =>
        (await (await cold.app.request(url)).json()) as {
          rows: Array<Record<string, string>>
          articles?: number
        }
      const doc = (await json('/api/documents?q=41-CT/TW')).rows[0]?.document_id
      const article = (await json('/api/articles?q=138%2FKH-UBND%20Lang%20Son&limit=1')).rows[0]?.article_id
      if (!doc || !article) throw new Error('the embedded database lacks 41-CT/TW or the Lạng Sơn plan')
      const endpoints = endpointsFor({ doc, article })
      const articles = (await json('/api/health')).articles ?? 0
      const uncached = await measure(cold, endpoints, iterations)
      const cached = await measure(warm, endpoints, iterations)
      return {
        database: 'embedded (thidua run over data/snapshot)',
        build_seconds: buildSeconds,
        articles,
        iterations,
        p95_goal_ms: 50,
        meets_goal: uncached.overall_p95_ms <= 50 && uncached.worst_p95_ms <= 50,
        uncached,
        cached,
      }
    } finally {
      await cold.close()
      await warm.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2))
