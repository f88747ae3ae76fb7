/**
 * Every way the console says no, in Vietnamese and English, as ApiErrors: the HTTP route sends them
 * as JSON, `thidua sql` prints one line in the user's language. DuckDB's own detail travels along,
 * scrubbed of file paths.
 */
import { ApiError } from '../http/api-error.ts'
import { scrubPaths } from './scrub.ts'

export const refuse = {
  empty: () => new ApiError(400, 'sql_empty', 'Câu lệnh SQL trống.', 'The SQL text is empty.'),
  tooLong: (max: number) =>
    new ApiError(400, 'sql_too_long', `Câu lệnh dài quá ${max} ký tự.`, `SQL longer than ${max} characters.`),
  tooDeep: (max: number) =>
    new ApiError(
      400,
      'sql_too_deep',
      `Câu lệnh lồng ngoặc sâu quá ${max} mức.`,
      `SQL nested deeper than ${max} brackets.`
    ),
  syntax: (detail: string) =>
    new ApiError(400, 'sql_syntax', 'Lỗi cú pháp SQL.', 'SQL syntax error.', { detail: scrubPaths(detail) }),
  multiple: (n: number) =>
    new ApiError(
      400,
      'sql_multiple_statements',
      `Chỉ được chạy đúng một câu lệnh (nhận ${n}).`,
      `Exactly one statement is allowed (got ${n}).`
    ),
  notReadOnly: (kind: string) =>
    new ApiError(
      403,
      'sql_not_read_only',
      `Chỉ cho phép câu lệnh đọc (SELECT, WITH, FROM, VALUES, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE); đây là ${kind}.`,
      `Only read statements are allowed (SELECT, WITH, FROM, VALUES, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE); this is ${kind}.`,
      { detail: kind }
    ),
  explainAnalyze: () =>
    new ApiError(
      403,
      'sql_not_read_only',
      'Không cho phép EXPLAIN ANALYZE (nó chạy câu lệnh); dùng EXPLAIN.',
      'EXPLAIN ANALYZE is not allowed (it runs the statement); use EXPLAIN.',
      { detail: 'EXPLAIN ANALYZE' }
    ),
  forbidden: (what: string) =>
    new ApiError(
      403,
      'sql_forbidden',
      'Không được truy cập tệp, mạng, tiện ích mở rộng hoặc cấu hình.',
      'File, network, extension and settings access is not allowed.',
      { detail: scrubPaths(what) }
    ),
  invalid: (detail: string) =>
    new ApiError(400, 'sql_invalid', 'Câu lệnh SQL không hợp lệ.', 'The SQL statement is invalid.', {
      detail: scrubPaths(detail),
    }),
  failed: (detail: string) =>
    new ApiError(400, 'sql_error', 'Truy vấn lỗi khi chạy.', 'The query failed.', {
      detail: scrubPaths(detail),
    }),
  timeout: (ms: number) =>
    new ApiError(
      422,
      'sql_timeout',
      `Truy vấn vượt quá giới hạn thời gian ${ms} ms và đã bị dừng.`,
      `The query exceeded the ${ms} ms time limit and was interrupted.`
    ),
  tooLarge: (maxBytes: number) =>
    new ApiError(
      413,
      'sql_result_too_large',
      `Kết quả lớn hơn ${Math.round(maxBytes / 1024)} KB; hãy chọn ít cột hoặc ít dòng hơn.`,
      `The result is larger than ${Math.round(maxBytes / 1024)} KB; select fewer columns or rows.`
    ),
  busy: (retryAfterSeconds: number) =>
    new ApiError(
      503,
      'sql_busy',
      `Bảng điều khiển SQL đang bận; thử lại sau ${retryAfterSeconds} giây.`,
      `The SQL console is busy; retry in ${retryAfterSeconds} s.`,
      { headers: { 'Retry-After': String(retryAfterSeconds) } }
    ),
  crashed: () =>
    new ApiError(
      500,
      'sql_worker_failed',
      'Tiến trình chạy truy vấn bị dừng bất thường; thử lại.',
      'The query process stopped unexpectedly; please retry.'
    ),
}

/** One line of DuckDB's error text, paths removed. */
export const duckMessage = (e: unknown): string =>
  scrubPaths((e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 500))

/** DuckDB's refusal of a file, network, extension or settings operation. */
export const isPermissionError = (msg: string): boolean =>
  /permission|disabled by configuration|locked|external access/i.test(msg)
