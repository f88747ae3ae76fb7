/** Serialises a query result as CSV or Arrow IPC, the two non-JSON formats every table endpoint offers. */
import { createRequire } from 'node:module'
import type * as Arrow from 'apache-arrow'
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

const requireHere = createRequire(import.meta.url)
let arrow: typeof Arrow | undefined
/** apache-arrow takes ~0.25 s of CPU to load: the first Arrow answer pays it, not every server start. */
export const arrowLib = (): typeof Arrow => {
  arrow ??= requireHere('apache-arrow') as typeof Arrow
  return arrow
}

const arrowVector = (type: string, values: unknown[]): Arrow.Vector => {
  const { Bool, Float64, Int32, Utf8, vectorFromArray } = arrowLib()
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
  const { Table, tableToIPC } = arrowLib()
  const cols: Record<string, Arrow.Vector> = {}
  t.columns.forEach((c, i) => {
    cols[c] = arrowVector(
      t.types[i] ?? 'VARCHAR',
      t.rows.map((r) => r[c] ?? null)
    )
  })
  return tableToIPC(new Table(cols), 'stream')
}
