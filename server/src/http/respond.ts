/**
 * Sends a table in the requested format. JSON wraps rows with paging info so clients can page
 * without a second request; CSV and Arrow carry the rows only (paging info goes in headers).
 */
import type { Context } from 'hono'
import type { TableResult } from '../db/duck-values.ts'
import { toArrow, toCsv } from './table-formats.ts'

export interface TableMeta {
  readonly name: string
  readonly total?: number
  readonly limit?: number
  readonly offset?: number
  readonly extra?: Record<string, unknown>
}

/**
 * The JSON answer of a table route (`sendTable`): its rows, and the page's total, limit and offset when
 * the route is paged; the web's typed client (web/src/app/api.ts `Table`) reads it as a type only.
 */
export interface TableAnswer<R = Record<string, unknown>> {
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<R>
  readonly total?: number
  readonly limit?: number
  readonly offset?: number
}

/**
 * The rows of a query as the answer type a route declares (routes/*-types.ts). SQL rows carry no type,
 * so this is the one place a route asserts their shape; routes/contract.test.ts checks it on a real
 * warehouse, key by key.
 */
export const rowsAs = <R>(t: TableResult): R[] => t.rows as unknown as R[]

/** The first row of a query as the declared answer type, or null when there is none. */
export const rowAs = <R>(t: TableResult): R | null => rowsAs<R>(t)[0] ?? null

export const sendTable = (
  c: Context,
  format: 'json' | 'csv' | 'arrow',
  t: TableResult,
  meta: TableMeta
): Response => {
  if (meta.total !== undefined) c.header('X-Total-Count', String(meta.total))
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', `attachment; filename="${meta.name}.csv"`)
    return c.body(toCsv(t))
  }
  if (format === 'arrow') {
    c.header('Content-Type', 'application/vnd.apache.arrow.stream')
    c.header('Content-Disposition', `attachment; filename="${meta.name}.arrows"`)
    return c.body(toArrow(t) as Uint8Array<ArrayBuffer>)
  }
  const answer: TableAnswer<TableResult['rows'][number]> = {
    columns: t.columns,
    rows: t.rows,
    ...(meta.total !== undefined ? { total: meta.total } : {}),
    ...(meta.limit !== undefined ? { limit: meta.limit, offset: meta.offset ?? 0 } : {}),
  }
  return c.json({ ...answer, ...(meta.extra ?? {}) })
}
