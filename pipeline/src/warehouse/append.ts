/**
 * Columnar appending (issue #17): rows go to DuckDB as whole data chunks, one typed vector per column,
 * instead of one appender call per value. Numbers, dates and timestamps are written into typed arrays
 * copied once per chunk; only strings cross into DuckDB one by one.
 */
import {
  type DuckDBAppender,
  DuckDBDataChunk,
  type DuckDBType,
  type DuckDBValue,
  dateValue,
  listValue,
  timestampTZValue,
} from '@duckdb/node-api'
import type { CellValue, ColumnKind, ColumnSpec } from './tables.ts'

/** Rows per data chunk: DuckDB's vector size, the most a chunk holds. */
const CHUNK_ROWS = 2048
const DAY_MS = 86_400_000

/** A validated cell (see rows.ts: dates are real ISO dates, timestamps parse) as the vector's value. */
const toValue = (kind: ColumnKind, v: CellValue): DuckDBValue => {
  if (v === null || v === undefined) return null
  switch (kind) {
    case 'text':
      return String(v)
    case 'int':
      return Number(v)
    case 'bool':
      return Boolean(v)
    case 'ubigint':
      return v as bigint
    case 'date':
      return dateValue(Date.parse(`${String(v).slice(0, 10)}T00:00:00Z`) / DAY_MS)
    case 'timestamptz':
      // Microseconds since the epoch: the text form would lose the UTC offset.
      return timestampTZValue(BigInt(Date.parse(String(v))) * 1000n)
    case 'text_list':
      return listValue([...(v as ReadonlyArray<string>)])
    case 'uint_list':
      return listValue([...(v as Uint32Array)])
    default:
      throw new Error(`unknown column kind ${kind}`)
  }
}

/** Appends `rows` (cells in `spec` order) to `app` a data chunk at a time; returns how many. */
export const appendRows = (
  app: DuckDBAppender,
  spec: ReadonlyArray<ColumnSpec>,
  rows: ReadonlyArray<ReadonlyArray<CellValue>>
): number => {
  const types: DuckDBType[] = spec.map((_, i) => app.columnType(i))
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows.length - start)
    const chunk = DuckDBDataChunk.create(types, n)
    for (let c = 0; c < spec.length; c++) {
      const kind = spec[c]![1]
      const vector = chunk.getColumnVector(c)
      for (let r = 0; r < n; r++) vector.setItem(r, toValue(kind, rows[start + r]![c] ?? null))
      vector.flush()
    }
    app.appendDataChunk(chunk)
  }
  return rows.length
}
