/**
 * Decides whether researcher SQL may run: exactly one statement, and DuckDB must classify it as a read
 * (SELECT, which covers WITH/FROM/DESCRIBE/SHOW/SUMMARIZE/PRAGMA table_info, or EXPLAIN). The check uses
 * DuckDB's own parser (extractStatements + prepare), not regexes.
 */
import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api'
import { ApiError } from '../http/api-error.ts'

const ALLOWED = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN])

export const MAX_SQL_LENGTH = 20_000

const refuse = (code: string, vi: string, en: string, detail?: string) =>
  new ApiError(400, code, vi, en, detail ? { detail } : {})

/** DuckDB error text without internal stack or file paths beyond the message itself. */
export const duckMessage = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 500)

export const prepareReadOnly = async (
  conn: DuckDBConnection,
  sql: string
): Promise<DuckDBPreparedStatement> => {
  if (sql.trim() === '') throw refuse('sql_empty', 'Câu lệnh SQL trống.', 'The SQL text is empty.')
  if (sql.length > MAX_SQL_LENGTH)
    throw refuse(
      'sql_too_long',
      `Câu lệnh dài quá ${MAX_SQL_LENGTH} ký tự.`,
      `SQL longer than ${MAX_SQL_LENGTH} characters.`
    )
  let extracted: Awaited<ReturnType<DuckDBConnection['extractStatements']>>
  try {
    extracted = await conn.extractStatements(sql)
  } catch (e) {
    throw refuse('sql_syntax', 'Lỗi cú pháp SQL.', 'SQL syntax error.', duckMessage(e))
  }
  if (extracted.count !== 1)
    throw refuse(
      'sql_multiple_statements',
      `Chỉ được chạy đúng một câu lệnh (nhận ${extracted.count}).`,
      `Exactly one statement is allowed (got ${extracted.count}).`
    )
  let prepared: DuckDBPreparedStatement
  try {
    prepared = await extracted.prepare(0)
  } catch (e) {
    const msg = duckMessage(e)
    if (/permission|disabled by configuration|locked/i.test(msg))
      throw new ApiError(
        403,
        'sql_forbidden',
        'Không được truy cập tệp, mạng, tiện ích mở rộng hoặc cấu hình.',
        'File, network, extension and settings access is not allowed.',
        { detail: msg }
      )
    throw refuse('sql_invalid', 'Câu lệnh SQL không hợp lệ.', 'The SQL statement is invalid.', msg)
  }
  if (!ALLOWED.has(prepared.statementType)) {
    const kind = StatementType[prepared.statementType] ?? String(prepared.statementType)
    prepared.destroySync()
    throw new ApiError(
      403,
      'sql_not_read_only',
      `Chỉ cho phép câu lệnh đọc (SELECT, WITH, EXPLAIN, DESCRIBE, SHOW); đây là ${kind}.`,
      `Only read statements are allowed (SELECT, WITH, EXPLAIN, DESCRIBE, SHOW); this is ${kind}.`,
      { detail: kind }
    )
  }
  return prepared
}
