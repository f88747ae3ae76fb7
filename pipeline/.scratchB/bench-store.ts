import { rmSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'
import { Effect } from 'effect'
import { applyCrawlSchema, CrawlStore } from '../src/crawl/store.ts'
rmSync('/tmp/bs.duckdb', { force: true }); rmSync('/tmp/bs.duckdb.wal', { force: true })
const inst = await DuckDBInstance.create('/tmp/bs.duckdb')
const conn = await inst.connect()
await applyCrawlSchema(conn)
const store = new CrawlStore(conn, 'r1')
const page = (u: string) => ({ url: u, source_id: 's', role: 'article' as const, state: 'stored' as const, is_article: true, content_kind: 'html', discovered_from: null, http_status: 200, content_type: 'text/html', etag: null, last_modified: null, content_hash: 'h'+u, bytes: 100, encoding: 'utf-8', record_id: 'r', duplicate_of: null, redirect_to: null, attempts: 1, last_error: null, fetched_at: new Date().toISOString() })
const N = 200
for (const [label, links, queued] of [['no links', 0, 0], ['30 links', 30, 0], ['30 links + 20 queued', 30, 20]] as const) {
  const t0 = performance.now()
  await Effect.runPromise(Effect.forEach(Array.from({ length: N }, (_, i) => i), (i) => {
    const u = `https://a.vn/${label.length}-${i}`
    return store.commitPage(page(u), Array.from({ length: links }, (_, k) => ({ from_url: u, to_url: `https://a.vn/l${i}-${k}`, rel: 'article' })), Array.from({ length: queued }, (_, k) => ({ url: `https://a.vn/q${label.length}-${i}-${k}`, source_id: 's', role: 'article' as const, discovered_from: u })), { source_id: 's', url: u, final_url: u, status: 200, bytes: 1, attempts: 1, error: null, not_modified: false, elapsed_ms: 1, fetched_at: new Date().toISOString() })
  }, { concurrency: 1 }))
  console.log(label, 'sequential ms/page', ((performance.now() - t0) / N).toFixed(2))
}
const t1 = performance.now()
await Effect.runPromise(Effect.forEach(Array.from({ length: N }, (_, i) => i), (i) => {
  const u = `https://a.vn/conc-${i}`
  return store.commitPage(page(u), Array.from({ length: 30 }, (_, k) => ({ from_url: u, to_url: `https://a.vn/lc${i}-${k}`, rel: 'article' })), [], null)
}, { concurrency: 50 }))
console.log('concurrent(50) ms/page', ((performance.now() - t1) / N).toFixed(2))
