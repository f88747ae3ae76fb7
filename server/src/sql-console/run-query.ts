/**
 * Runs one vetted statement on the sandbox connection with a row cap and a time limit. DuckDB has no
 * statement timeout, so a timer interrupts the connection; the interrupted query fails and the caller
 * gets a 4xx explaining the limit.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { readTable, type TableResult } from '../db/duck-values.ts'
import { ApiError } from '../http/api-error.ts'
import { duckMessage, prepareReadOnly } from './statement-guard.ts'

export interface SqlLimits {
  readonly maxRows: number
  readonly timeoutMs: number
}

export interface SqlResult extends TableResult {
  readonly truncated: boolean
  readonly elapsed_ms: number
}

export const runConsoleQuery = async (
  conn: DuckDBConnection,
  sql: string,
  limits: SqlLimits
): Promise<SqlResult> => {
  const started = performance.now()
  const prepared = await prepareReadOnly(conn, sql)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    conn.interrupt()
  }, limits.timeoutMs)
  try {
    const reader = await prepared.streamAndReadUntil(limits.maxRows + 1)
    const table = readTable(reader, limits.maxRows)
    if (timedOut) throw new Error('Interrupted')
    return {
      ...table,
      truncated: reader.currentRowCount > limits.maxRows,
      elapsed_ms: Math.round(performance.now() - started),
    }
  } catch (e) {
    if (e instanceof ApiError) throw e
    if (timedOut)
      throw new ApiError(
        422,
        'sql_timeout',
        `Truy vấn vượt quá giới hạn thời gian ${limits.timeoutMs} ms và đã bị dừng.`,
        `The query exceeded the ${limits.timeoutMs} ms time limit and was interrupted.`
      )
    const msg = duckMessage(e)
    if (/permission|disabled by configuration|locked/i.test(msg))
      throw new ApiError(
        403,
        'sql_forbidden',
        'Không được truy cập tệp, mạng, tiện ích mở rộng hoặc cấu hình.',
        'File, network, extension and settings access is not allowed.',
        { detail: msg }
      )
    throw new ApiError(400, 'sql_error', 'Truy vấn lỗi khi chạy.', 'The query failed.', { detail: msg })
  } finally {
    clearTimeout(timer)
    prepared.destroySync()
  }
}
