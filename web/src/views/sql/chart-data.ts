/**
 * Which part of a result a chart can draw: the first non-numeric column labels the x axis (the row
 * number when every column is numeric), each numeric column becomes a series. Bounded so a 5,000-row
 * answer stays readable and quick to draw.
 */
import type { SqlResult } from './types.ts'

export const MAX_SERIES = 8
export const MAX_POINTS = 500

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/

export interface ChartData {
  readonly labelColumn: string | null
  readonly labels: string[]
  readonly series: ReadonlyArray<{ name: string; values: Array<number | null> }>
  /** Rows left out beyond MAX_POINTS. */
  readonly omittedRows: number
  readonly omittedSeries: number
}

const isNumericColumn = (r: SqlResult, col: string, i: number): boolean => {
  const type = r.types?.[i]
  if (type) return NUMERIC.test(type)
  return r.rows.length > 0 && r.rows.every((row) => row[col] === null || typeof row[col] === 'number')
}

const toNumber = (v: unknown): number | null => {
  if (v === null || v === undefined) return null
  const n = typeof v === 'number' ? v : Number(v)
  return Number.isFinite(n) ? n : null
}

/** null when the result has no numeric column (nothing to draw). */
export const chartData = (r: SqlResult): ChartData | null => {
  const numeric = r.columns.filter((c, i) => isNumericColumn(r, c, i))
  if (numeric.length === 0 || r.rows.length === 0) return null
  const labelColumn = r.columns.find((c) => !numeric.includes(c)) ?? null
  const rows = r.rows.slice(0, MAX_POINTS)
  const drawn = numeric.slice(0, MAX_SERIES)
  return {
    labelColumn,
    labels: rows.map((row, i) => (labelColumn === null ? String(i + 1) : String(row[labelColumn] ?? '∅'))),
    series: drawn.map((name) => ({ name, values: rows.map((row) => toNumber(row[name])) })),
    omittedRows: r.rows.length - rows.length,
    omittedSeries: numeric.length - drawn.length,
  }
}
