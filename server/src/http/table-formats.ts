/** Serialises a query result as CSV or Arrow IPC, the two non-JSON formats every table endpoint offers. */
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow'
import type { TableResult } from '../db/duck-values.ts'

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** RFC 4180 CSV with a UTF-8 BOM so spreadsheet tools show Vietnamese correctly. */
export const toCsv = (t: Pick<TableResult, 'columns' | 'rows'>): string => {
  const lines = [t.columns.map(csvCell).join(',')]
  for (const r of t.rows) lines.push(t.columns.map((c) => csvCell(r[c])).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

const arrowVector = (type: string, values: unknown[]): Vector => {
  if (type === 'BOOLEAN')
    return vectorFromArray(
      values.map((v) => (v === null ? null : Boolean(v))),
      new Bool()
    )
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(type))
    return vectorFromArray(
      values.map((v) => (v === null ? null : Number(v))),
      new Int32()
    )
  if (/^(BIGINT|HUGEINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(type))
    return vectorFromArray(
      values.map((v) => (v === null ? null : Number(v))),
      new Float64()
    )
  return vectorFromArray(
    values.map((v) =>
      v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)
    ),
    new Utf8()
  )
}

/** Arrow IPC stream; dates and nested values travel as strings (ISO / JSON), big integers as float64. */
export const toArrow = (t: TableResult): Uint8Array => {
  const cols: Record<string, Vector> = {}
  t.columns.forEach((c, i) => {
    cols[c] = arrowVector(
      t.types[i] ?? 'VARCHAR',
      t.rows.map((r) => r[c] ?? null)
    )
  })
  return tableToIPC(new Table(cols), 'stream')
}
