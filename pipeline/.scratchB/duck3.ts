import { DuckDBInstance } from '@duckdb/node-api'
import { rmSync } from 'node:fs'
rmSync('/tmp/d3.duckdb', { force: true }); rmSync('/tmp/d3.duckdb.wal', { force: true })
const inst = await DuckDBInstance.create('/tmp/d3.duckdb')
const c = await inst.connect()
await c.run('CREATE TABLE t(url VARCHAR PRIMARY KEY, n int)')
let t0 = performance.now()
for (let i = 0; i < 200; i++) { await c.run('BEGIN'); await c.run('INSERT INTO t VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET n = excluded.n', ['x'+i, i]); await c.run('COMMIT') }
console.log('file ms/txn', (performance.now()-t0)/200)
t0 = performance.now()
const { isArticlePage } = await import('../src/parse/parse-article.ts')
const html = '<html><head><title>x</title></head><body>' + '<p>Phong trào thi đua yêu nước của tỉnh Lạng Sơn năm 2024 đã đạt nhiều kết quả.</p>'.repeat(40) + '</body></html>'
t0 = performance.now()
for (let i = 0; i < 50; i++) isArticlePage(html, 'https://a.vn/x-123.html')
console.log('isArticlePage ms', (performance.now()-t0)/50)
