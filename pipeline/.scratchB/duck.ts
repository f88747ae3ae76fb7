import { DuckDBInstance } from '@duckdb/node-api'
const inst = await DuckDBInstance.create(':memory:')
const c = await inst.connect()
await c.run('CREATE TABLE fetches(a int)')
try { await c.run('CREATE VIEW IF NOT EXISTS fetches AS SELECT 1 AS a'); console.log('view-if-not-exists ok') } catch (e) { console.log('ERR', String(e)) }
await c.run('CREATE TABLE t(url VARCHAR PRIMARY KEY, n int)')
await c.run('BEGIN')
await c.run('INSERT INTO t VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET n = excluded.n', ['a', 1])
await c.run('INSERT INTO t VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET n = excluded.n', ['a', 2])
await c.run('INSERT INTO t VALUES (?, ?), (?, ?) ON CONFLICT DO NOTHING', ['b', 1, 'c', null])
await c.run('COMMIT')
const r = await c.runAndReadAll('SELECT * FROM t')
console.log(r.getRowObjectsJS())
const t0 = performance.now()
for (let i = 0; i < 500; i++) { await c.run('BEGIN'); await c.run('INSERT INTO t VALUES ($1, $2) ON CONFLICT (url) DO UPDATE SET n = excluded.n', ['x'+i, i]); await c.run('UPDATE t SET n = n + 1 WHERE url = $1', ['x'+i]); await c.run('COMMIT') }
console.log('ms/txn', (performance.now()-t0)/500)
