import { DuckDBInstance } from '@duckdb/node-api'
const inst = await DuckDBInstance.create(':memory:')
const c = await inst.connect()
await c.run('CREATE TABLE crawl_fetches(a int)')
await c.run('CREATE VIEW IF NOT EXISTS fetches AS SELECT * FROM crawl_fetches')
try { await c.run('CREATE TABLE IF NOT EXISTS fetches (a int)'); console.log('table-if-not-exists over view ok') } catch (e) { console.log('ERR', String(e)) }
