/**
 * Turns DuckDB result readers into plain JSON-safe rows. DuckDB hands BIGINT/DECIMAL out as strings in
 * its JSON form; API clients want numbers, so integer and decimal columns are converted when safe.
 */
import type { DuckDBResultReader } from '@duckdb/node-api'

export interface TableResult {
  readonly columns: ReadonlyArray<string>
  /** DuckDB type names, e.g. "BIGINT", "VARCHAR", "DATE". */
  readonly types: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Record<string, unknown>>
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/

export const isNumericType = (type: string): boolean => NUMERIC.test(type)

const toNumberIfSafe = (v: unknown): unknown => {
  if (typeof v !== 'string') return v
  const n = Number(v)
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : v
}

export const readTable = (reader: DuckDBResultReader, maxRows = Number.POSITIVE_INFINITY): TableResult => {
  const columns = reader.columnNames()
  const types = reader.columnTypes().map((t) => t.toString())
  const raw = reader.getRowObjectsJson()
  const numericCols = columns.filter((_, i) => isNumericType(types[i] ?? ''))
  const rows: Array<Record<string, unknown>> = []
  for (const r of raw) {
    if (rows.length >= maxRows) break
    const row: Record<string, unknown> = { ...(r as Record<string, unknown>) }
    for (const c of numericCols) row[c] = toNumberIfSafe(row[c])
    rows.push(row)
  }
  return { columns, types, rows }
}
