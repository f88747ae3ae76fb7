import { Effect } from 'effect'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { crawl } from './crawl.ts'
import { queryDb, tempDbFile } from './testing/db.ts'
import { seedArticles } from './testing/seed-articles.ts'
import { articlePath, listingPath, newsSiteRoutes, type Route, startTestSite } from './testing/site-server.ts'

const HOST = 'nghean.gov.vn'
const pool = seedArticles(16)

type Fault =
  | 'none'
  | '503-always'
  | '503-once'
  | '429-once'
  | 'reset'
  | '404'
  | 'redirect'
  | 'stall'
  | 'robots'

/** Wrap a route with a fault; transient faults heal within the crawler's attempts. */
const withFault = (route: Route, fault: Fault, redirectTo: string): Route => {
  const ok = (hit: number, req: Parameters<Extract<Route, (...a: never[]) => unknown>>[0]['req']) =>
    typeof route === 'function' ? route({ hit, req }) : route
  switch (fault) {
    case '503-always':
      return { status: 503 }
    case '503-once':
      return ({ hit, req }) => (hit === 1 ? { status: 503 } : ok(hit, req))
    case '429-once':
      return ({ hit, req }) => (hit === 1 ? { status: 429, headers: { 'retry-after': '0' } } : ok(hit, req))
    case 'reset':
      return { reset: true }
    case '404':
      return { status: 404, body: 'không tìm thấy' }
    case 'redirect':
      return { status: 301, headers: { location: redirectTo } }
    case 'stall':
      return { delayMs: 2_000, body: 'late' }
    default:
      return route
  }
}

const faults: Fault[] = [
  'none',
  '503-always',
  '503-once',
  '429-once',
  'reset',
  '404',
  'redirect',
  'stall',
  'robots',
]

describe('property: every discovered URL ends up stored or failed with a reason', () => {
  it('holds on random sites with random faults on articles and listing pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.constantFrom(...faults), { minLength: 16, maxLength: 16 }),
        fc.constantFrom<Fault>('none', '503-once', '503-always', '429-once'),
        async (n, perPage, articleFaults, page2Fault) => {
          const articles = pool.slice(0, n)
          const base = newsSiteRoutes({
            host: HOST,
            articles,
            perPage,
            offsiteLink: 'https://zalo.me/langson',
          })
          const disallowed: string[] = []
          const routes: Record<string, Route> = { ...base }
          articles.forEach((_, i) => {
            const path = articlePath(i)
            const fault = articleFaults[i] ?? 'none'
            if (fault === 'robots') disallowed.push(path)
            else routes[path] = withFault(base[path] as Route, fault, articlePath((i + 1) % n))
          })
          if (base[listingPath(2)])
            routes[listingPath(2)] = withFault(base[listingPath(2)] as Route, page2Fault, '/')
          routes['/robots.txt'] = {
            body: `User-agent: *\n${disallowed.map((d) => `Disallow: ${d}`).join('\n')}\n`,
          }
          const site = await startTestSite({ hosts: { [HOST]: routes } })
          try {
            const db = tempDbFile('prop')
            const source: SourceConfig = {
              id: 'nghean-portal',
              name: 'Nghệ An',
              province_code_2008: '40',
              province_code_2025: '40',
              platform: 'nukeviet',
              base_url: `https://${HOST}/`,
              entry_points: [],
            }
            await Effect.runPromise(
              crawl({
                dbFile: db,
                sources: [source],
                hostMap: site.hostMap,
                runId: 'p1',
                live: false,
                policy: { backoffBaseMs: 0, timeoutMs: 150, maxAttempts: 3 },
              })
            )
            const rows = await queryDb<{ url: string; state: string; last_error: string | null }>(
              db,
              'SELECT url, state, last_error FROM crawl_page_state'
            )
            const byUrl = new Map(rows.map((r) => [r.url, r]))
            for (const r of rows) {
              expect(['stored', 'failed', 'skipped_robots', 'duplicate', 'redirected']).toContain(r.state)
              if (r.state === 'failed' || r.state === 'skipped_robots')
                expect(r.last_error ?? '').not.toBe('')
            }
            // every followed link target has a row: nothing discovered was lost
            const targets = await queryDb<{ to_url: string }>(
              db,
              "SELECT DISTINCT to_url FROM crawl_link_log WHERE rel <> 'offsite'"
            )
            for (const t of targets) expect(byUrl.has(t.to_url)).toBe(true)
            // articles without a permanent fault are stored (page 2 failing may hide later pages' articles)
            if (page2Fault !== '503-always') {
              articles.forEach((_, i) => {
                const f = articleFaults[i] ?? 'none'
                if (f === 'none' || f === '503-once' || f === '429-once') {
                  expect(byUrl.get(`https://${HOST}${articlePath(i)}`)?.state).toBe('stored')
                }
              })
            }
          } finally {
            await site.close()
          }
        }
      ),
      { numRuns: 12 }
    )
  })
})
