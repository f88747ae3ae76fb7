/**
 * Builds the fixture warehouse (public schema + analyst views + search macro) and publishes it the
 * way the pipeline does: `X.published/<version>.duckdb` plus `X.published/CURRENT`, replaced atomically.
 * Used by API tests, browser tests and the API benchmark.
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api'
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildFixtureData, type FixtureData } from './fixture-data.ts'
import { FIXTURE_DDL, FIXTURE_VIEWS } from './fixture-schema.ts'

export interface FixtureDb {
  /** The working file X.duckdb (what `--db` points at). */
  readonly dbFile: string
  /** The published copy the server should pick up through CURRENT. */
  readonly publishedFile: string
  readonly data: FixtureData
}

const insertRows = async (
  conn: Awaited<ReturnType<DuckDBInstance['connect']>>,
  table: string,
  rows: FixtureData[string]
) => {
  if (!rows || rows.length === 0) return
  const cols = (
    await conn.runAndReadAll(
      `SELECT column_name FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`
    )
  )
    .getRows()
    .map((r) => String(r[0]))
  const sql = `INSERT INTO ${table} VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`
  const stmt = await conn.prepare(sql)
  for (const row of rows) {
    stmt.clearBindings()
    cols.forEach((c, i) => {
      const v = row[c] ?? null
      if (v === null) stmt.bindNull(i + 1)
      else if (typeof v === 'number')
        Number.isInteger(v) ? stmt.bindBigInt(i + 1, BigInt(v)) : stmt.bindDouble(i + 1, v)
      else stmt.bindVarchar(i + 1, v)
    })
    await stmt.run()
  }
}

/** Writes the fixture database to `<dir>/<name>.duckdb` (overwriting nothing: dir should be fresh). */
export const writeFixtureDb = async (
  dbFile: string,
  data: FixtureData = buildFixtureData()
): Promise<void> => {
  mkdirSync(path.dirname(dbFile), { recursive: true })
  const instance = await DuckDBInstance.create(dbFile)
  const conn = await instance.connect()
  try {
    await conn.run(FIXTURE_DDL)
    for (const [table, rows] of Object.entries(data)) await insertRows(conn, table, rows)
    await conn.run(FIXTURE_VIEWS)
    await conn.run('CHECKPOINT')
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

/** Runs SQL against the working file (to make a visibly different next version in tests). */
export const mutateDb = async (dbFile: string, sql: string, params?: DuckDBValue[]): Promise<void> => {
  const instance = await DuckDBInstance.create(dbFile)
  const conn = await instance.connect()
  try {
    await conn.run(sql, params)
    await conn.run('CHECKPOINT')
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

let versionCounter = 0

/** Copies the working file to a new version and points CURRENT at it (temp file + rename). */
export const publishVersion = (dbFile: string, version?: string): string => {
  const dir = `${dbFile.replace(/\.duckdb$/i, '')}.published`
  mkdirSync(dir, { recursive: true })
  const name = `${version ?? `${new Date().toISOString().replace(/[-:.]/g, '')}-${process.pid}-${++versionCounter}`}.duckdb`
  copyFileSync(dbFile, path.join(dir, name))
  const tmp = path.join(dir, `.CURRENT.${process.pid}.tmp`)
  writeFileSync(tmp, `${name}\n`)
  renameSync(tmp, path.join(dir, 'CURRENT'))
  return path.join(dir, name)
}

/** Fresh fixture database under `dir`, published once. */
export const buildFixtureDb = async (dir: string): Promise<FixtureDb> => {
  const data = buildFixtureData()
  const dbFile = path.join(dir, 'thidua.duckdb')
  await writeFixtureDb(dbFile, data)
  const publishedFile = publishVersion(dbFile, 'v0001')
  return { dbFile, publishedFile, data }
}
