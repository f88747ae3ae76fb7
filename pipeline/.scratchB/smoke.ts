import { Effect } from 'effect'
import { rmSync } from 'node:fs'
import { crawl } from '../src/crawl/crawl.ts'
import { startTestSite, newsSiteRoutes } from '../src/crawl/testing/site-server.ts'
import { seedArticles } from '../src/crawl/testing/seed-articles.ts'
import { readArchive } from '../src/crawl/archive.ts'
import { DuckDBInstance } from '@duckdb/node-api'
const host = 'langson.gov.vn'
const site = await startTestSite({ hosts: { [host]: newsSiteRoutes({ host, articles: seedArticles(23), offsiteLink: 'https://facebook.com/x' }) } })
const db = '/tmp/smokeB.duckdb'
rmSync(db, { force: true }); rmSync(db + '.wal', { force: true }); rmSync(db + '.archive', { recursive: true, force: true })
const sources = [{ id: 'langson', name: 'LS', province_code_2008: '20', province_code_2025: '20', platform: 'nukeviet' as const, base_url: `https://${host}/`, entry_points: [] }]
const s1 = await Effect.runPromise(crawl({ dbFile: db, sources, hostMap: site.hostMap, runId: 'r1', live: false }))
console.log(JSON.stringify(s1.totals), s1.elapsed_ms)
const s2 = await Effect.runPromise(crawl({ dbFile: db, sources, hostMap: site.hostMap, runId: 'r2', live: false }))
console.log(JSON.stringify(s2.totals), s2.elapsed_ms)
let n = 0; for await (const r of readArchive(db)) n++
console.log('archive', n)
const inst = await DuckDBInstance.create(db); const c = await inst.connect()
console.log((await c.runAndReadAll("SELECT state, role, is_article, count(*) n FROM crawl_pages GROUP BY ALL ORDER BY ALL")).getRowObjectsJson())
console.log((await c.runAndReadAll("SELECT run_id, count(*) n, sum(not_modified::int) nm FROM crawl_fetches GROUP BY ALL ORDER BY ALL")).getRowObjectsJson())
console.log((await c.runAndReadAll("SELECT rel, count(*) FROM crawl_links GROUP BY ALL")).getRowObjectsJson())
await site.close()
