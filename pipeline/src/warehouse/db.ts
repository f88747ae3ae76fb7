/** The open warehouse handle and small query helpers shared by the warehouse modules. */
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api'
import { Data } from 'effect'

export interface Warehouse {
  readonly dbFile: string
  readonly instance: DuckDBInstance
  readonly conn: DuckDBConnection
}

/** Every warehouse failure: `op` names the step, `reason` why it failed; the message is `op: reason`. */
export class WarehouseError extends Data.TaggedError('WarehouseError')<{
  readonly op: string
  readonly reason: string
  readonly message: string
  readonly cause?: unknown
}> {}

export const describeError = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export type Row = Record<string, unknown>

/** Runs a query and returns JSON-friendly row objects (BIGINT as string, dates as ISO strings). */
export const queryRows = async (
  conn: DuckDBConnection,
  sql: string,
  params?: DuckDBValue[] | Record<string, DuckDBValue>
): Promise<Row[]> => {
  const reader = await conn.runAndReadAll(sql, params)
  return reader.getRowObjectsJson() as Row[]
}

/** Single-value helper for counts and hashes. */
export const queryValue = async (
  conn: DuckDBConnection,
  sql: string,
  params?: DuckDBValue[] | Record<string, DuckDBValue>
): Promise<unknown> => {
  const rows = await queryRows(conn, sql, params)
  const first = rows[0]
  return first === undefined ? undefined : Object.values(first)[0]
}

/** Single-quoted SQL string literal (for paths in COPY/ATTACH, which take no parameters). */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`

export const sqlIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`

/** BEGIN … COMMIT, rolled back on any error so a failure leaves the database as it was. */
export const inTransaction = async <A>(conn: DuckDBConnection, body: () => Promise<A>): Promise<A> => {
  await conn.run('BEGIN TRANSACTION')
  try {
    const out = await body()
    await conn.run('COMMIT')
    return out
  } catch (e) {
    await conn.run('ROLLBACK').catch(() => undefined)
    throw e
  }
}
