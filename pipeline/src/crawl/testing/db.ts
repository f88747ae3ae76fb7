/** Test helpers: throwaway database paths and one-shot read-only queries. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'

export const tempDbFile = (name = 'crawl'): string =>
  path.join(mkdtempSync(path.join(tmpdir(), 'thidua-crawl-')), `${name}.duckdb`)

export async function queryDb<T = Record<string, unknown>>(dbFile: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' })
  try {
    const conn = await instance.connect()
    try {
      return (await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[]
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}
