/** A throwaway DuckDB database for command-line tests. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'

/** A fresh temp folder `dir` (the caller removes it) holding `db`, a DuckDB file where `sql` has run. */
export const smallDb = async (prefix: string, sql: string): Promise<{ dir: string; db: string }> => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const db = path.join(dir, 'small.duckdb')
  const inst = await DuckDBInstance.create(db)
  const conn = await inst.connect()
  await conn.run(sql)
  conn.closeSync()
  inst.closeSync()
  return { dir, db }
}
