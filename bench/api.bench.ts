/**
 * API latency on the fixture database: p50/p95 per endpoint through `app.request()` (no network), warm
 * cache of DuckDB but ETag revalidation off, so every request runs its query. Goal: p95 ≤ 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createApp } from '../server/src/app.ts'
import { buildFixtureDb } from '../server/src/testing/fixture-db.ts'

const ENDPOINTS: Array<[string, string, RequestInit?]> = [
  ['health', '/api/health'],
  ['provinces', '/api/provinces?system=2008'],
  ['campaigns', '/api/campaigns'],
  ['adoption', '/api/campaigns/adoption?system=2025&campaign=xoa_nha_tam'],
  ['coverage', '/api/coverage?system=2025'],
  ['coverage-filtered', '/api/coverage?system=2008&from_year=2024&to_year=2025&source_kind=portal'],
  ['coverage-map', '/api/coverage/provinces?system=2025'],
  ['timelines', '/api/timelines?province=20,40,15,51&system=2025'],
  ['milestones', '/api/timelines/milestones'],
  ['trends', '/api/trends?system=2025'],
  ['documents', '/api/documents?system=2025'],
  ['document', '/api/documents/ct-tw-41-2024'],
  ['articles-list', '/api/articles?province=20&limit=20'],
  ['articles-search', '/api/articles?q=thi%20dua%20xoa%20nha%20tam&limit=20'],
  ['article', '/api/articles/a0014'],
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
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-'))
  const fx = await buildFixtureDb(dir)
  const h = await createApp({ dbFile: fx.dbFile, watch: false, sql: { rateLimit: 1_000_000 }, log: () => {} })
  const iterations = Number(process.env.API_BENCH_ITERATIONS ?? 60)
  const endpoints: Record<string, { p50_ms: number; p95_ms: number; max_ms: number }> = {}
  try {
    for (const [name, url, init] of ENDPOINTS) {
      for (let i = 0; i < 5; i++) await (await h.app.request(url, init)).arrayBuffer() // warm-up
      const times: number[] = []
      for (let i = 0; i < iterations; i++) {
        const t0 = performance.now()
        const res = await h.app.request(url, init)
        await res.arrayBuffer()
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`)
        times.push(performance.now() - t0)
      }
      times.sort((a, b) => a - b)
      const r = (x: number) => Math.round(x * 100) / 100
      endpoints[name] = {
        p50_ms: r(quantile(times, 0.5)),
        p95_ms: r(quantile(times, 0.95)),
        max_ms: r(times[times.length - 1]!),
      }
    }
  } finally {
    await h.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const worst = Math.max(...Object.values(endpoints).map((e) => e.p95_ms))
  return {
    articles: fx.data.articles!.length,
    iterations,
    worst_p95_ms: worst,
    p95_goal_ms: 50,
    meets_goal: worst <= 50,
    endpoints,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2))
