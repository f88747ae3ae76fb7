/**
 * Bare floors for the scale bench (issue #17), measured in the same run as the pipeline they judge:
 * what DuckDB alone needs to write the rows a run loaded (one plain `INSERT … SELECT` per table from the
 * loaded warehouse into empty tables of the same schema in a fresh file, checkpointed), and the size
 * of a warehouse on disk (its file and write-ahead log).
 */
import { existsSync, statSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'

export interface InsertSelectFloor {
  readonly rows: number
  readonly seconds: number
  readonly rows_per_s: number
  readonly by_table: Readonly<Record<string, number>>
}

const quoted = (s: string) => `'${s.replaceAll("'", "''")}'`

/** Copies every table of `tables` from `loadedDb` (read-only) into `floorDb` with INSERT … SELECT. */
export async function insertSelectFloor(
  loadedDb: string,
  floorDb: string,
  tables: ReadonlyArray<string>
): Promise<InsertSelectFloor> {
  const instance = await DuckDBInstance.create(floorDb)
  const conn = await instance.connect()
  const byTable: Record<string, number> = {}
  let ms = 0
  try {
    await conn.run(`ATTACH ${quoted(loadedDb)} AS src (READ_ONLY)`)
    for (const t of tables) {
      await conn.run(`CREATE TABLE main."${t}" AS SELECT * FROM src."${t}" LIMIT 0`)
      const started = performance.now()
      await conn.run(`INSERT INTO main."${t}" SELECT * FROM src."${t}"`)
      await conn.run('CHECKPOINT')
      ms += performance.now() - started
      const n = (await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM main."${t}"`)).getRows()[0]?.[0]
      byTable[t] = Number(n)
    }
    await conn.run('DETACH src')
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
  const rows = Object.values(byTable).reduce((a, b) => a + b, 0)
  return {
    rows,
    seconds: +(ms / 1000).toFixed(2),
    rows_per_s: Math.round(rows / (ms / 1000)),
    by_table: byTable,
  }
}

/** Bytes of a DuckDB file with its write-ahead log, if any. */
export const duckBytes = (file: string): number =>
  (existsSync(file) ? statSync(file).size : 0) +
  (existsSync(`${file}.wal`) ? statSync(`${file}.wal`).size : 0)
