/**
 * Runs one guarded statement on a sandbox connection under a deadline, a row cap and a byte cap.
 * Used inside the console's worker processes (POST /api/sql) and by `thidua sql`, so both answer alike.
 * DuckDB has no statement timeout: a timer interrupts the connection at the deadline; work DuckDB does
 * not interrupt (planning, constant folding) is the caller's to kill (worker pool, CLI watchdog).
 */
import {
  JsonDuckDBValueConverter,
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api'
import { isNumericType } from '../db/duck-values.ts'
import { ApiError } from '../http/api-error.ts'
import { duckMessage, isPermissionError, refuse } from './refusals.ts'
import { scrubJsonText } from './scrub.ts'
import { prepareReadOnly } from './statement-guard.ts'

export interface ConsoleLimits {
  readonly maxRows: number
  /** Cap on the UTF-8 size of the rows as JSON. */
  readonly maxBytes: number
  /** Absolute time (Date.now() clock) by which the answer must be ready. */
  readonly deadline: number
  /** The limit as the user set it, for the message. */
  readonly timeoutMs: number
}

export interface ConsoleResult {
  readonly columns: ReadonlyArray<string>
  readonly types: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Record<string, unknown>>
  readonly truncated: boolean
  readonly bytes: number
  readonly elapsed_ms: number
}

export interface ExecuteOptions {
  /** Paths that must not appear in any cell (scrub.ts sensitivePaths). */
  readonly scrub?: ReadonlyArray<string>
  /** Receives the raw chunks kept within the row cap (`thidua sql --format parquet`). */
  readonly onChunk?: (chunk: DuckDBDataChunk, rows: number) => void
  readonly now?: () => number
}

/**
 * JSON-safe value: integers and decimals become numbers when exactly representable (|n| ≤ 2^53 − 1);
 * larger BIGINT/HUGEINT/DECIMAL stay strings so no digit is lost.
 */
const toNumberIfSafe = (v: unknown): unknown => {
  if (typeof v !== 'string') return v
  const n = Number(v)
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : v
}

const chunkRows = (
  chunk: DuckDBDataChunk,
  columns: ReadonlyArray<string>,
  numeric: ReadonlyArray<boolean>,
  take: number
): Array<Record<string, unknown>> => {
  const raw = chunk.convertRows(JsonDuckDBValueConverter)
  const out: Array<Record<string, unknown>> = []
  for (let r = 0; r < take; r++) {
    const src = raw[r] ?? []
    const row: Record<string, unknown> = {}
    for (let c = 0; c < columns.length; c++)
      row[columns[c]!] = numeric[c] ? toNumberIfSafe(src[c]) : (src[c] ?? null)
    out.push(row)
  }
  return out
}

const readCapped = async (
  prepared: DuckDBPreparedStatement,
  limits: ConsoleLimits,
  opts: ExecuteOptions,
  expired: () => boolean
) => {
  const result = await prepared.stream()
  const columns = result.deduplicatedColumnNames()
  const types = result.columnTypes().map((t) => t.toString())
  const numeric = types.map(isNumericType)
  const rows: Array<Record<string, unknown>> = []
  let bytes = 2
  let truncated = false
  for (;;) {
    if (expired()) throw refuse.timeout(limits.timeoutMs)
    const chunk = await result.fetchChunk()
    if (!chunk || chunk.rowCount === 0) break
    const take = Math.min(chunk.rowCount, limits.maxRows - rows.length)
    let part = chunkRows(chunk, columns, numeric, take)
    let json = JSON.stringify(part)
    const scrubbed = scrubJsonText(json, opts.scrub ?? [])
    if (scrubbed !== json) {
      json = scrubbed
      part = JSON.parse(json) as Array<Record<string, unknown>>
    }
    bytes += Buffer.byteLength(json) - 1
    if (bytes > limits.maxBytes) throw refuse.tooLarge(limits.maxBytes)
    opts.onChunk?.(chunk, take)
    for (const row of part) rows.push(row)
    if (take < chunk.rowCount || rows.length >= limits.maxRows) {
      // One more chunk tells whether anything was left out.
      truncated = take < chunk.rowCount || ((await result.fetchChunk())?.rowCount ?? 0) > 0
      break
    }
  }
  return { columns, types, rows, truncated, bytes }
}

export const executeConsoleQuery = async (
  conn: DuckDBConnection,
  sql: string,
  limits: ConsoleLimits,
  opts: ExecuteOptions = {}
): Promise<ConsoleResult> => {
  const now = opts.now ?? Date.now
  const started = now()
  let timedOut = false
  const timer = setTimeout(
    () => {
      timedOut = true
      conn.interrupt()
    },
    Math.max(0, limits.deadline - started)
  )
  const expired = () => timedOut || now() >= limits.deadline
  let prepared: DuckDBPreparedStatement | null = null
  try {
    prepared = await prepareReadOnly(conn, sql)
    const out = await readCapped(prepared, limits, opts, expired)
    if (expired()) throw refuse.timeout(limits.timeoutMs)
    return { ...out, elapsed_ms: Math.round(now() - started) }
  } catch (e) {
    if (timedOut || (!(e instanceof ApiError) && expired())) throw refuse.timeout(limits.timeoutMs)
    if (e instanceof ApiError) throw e
    const msg = duckMessage(e)
    throw isPermissionError(msg) ? refuse.forbidden(msg) : refuse.failed(msg)
  } finally {
    clearTimeout(timer)
    prepared?.destroySync()
  }
}
