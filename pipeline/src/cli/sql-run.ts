/**
 * The engine of `thidua sql`, without Effect: the full command (commands/sql.ts) and the fast start-up
 * path (fast.ts) both call it, so the guard, limits, output and errors are the same code.
 */
import { writeFileSync } from 'node:fs'
import { ApiError } from '@thidua/server/http/api-error'
import { SQL_FORMATS } from './fast-args.ts'
import { currentPublishedFile } from './published.ts'

export const FORMATS = SQL_FORMATS
export type Format = (typeof FORMATS)[number]

/** Largest JSON result the CLI builds in memory. */
const MAX_BYTES = 512 * 1024 * 1024
const ALLOWED_OPTIONS = '--db, --format, --out, --timeout, --max-rows, --lang'

/** The CLI's language: `--lang en|vi` on the command line, else English for an `en*` locale, else Vietnamese. */
const lang = (): 'vi' | 'en' => {
  const argv = process.argv
  const i = argv.indexOf('--lang')
  const asked = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7)
  if (asked === 'en' || asked === 'vi') return asked
  return /^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'en' : 'vi'
}
const say = (vi: string, en: string): string => (lang() === 'en' ? en : vi)

/** The one query among the positional arguments; an option-looking word is an unknown option. */
export const pickQuery = (args: ReadonlyArray<string>): string => {
  const stray = args.find((a) => /^--?[A-Za-z][\w-]*(=\S*)?$/.test(a))
  if (stray)
    throw new Error(
      say(
        `tuỳ chọn không được hỗ trợ: ${stray} (được phép: ${ALLOWED_OPTIONS}); giới hạn số dòng bằng LIMIT trong câu lệnh hoặc --max-rows`,
        `unknown option: ${stray} (allowed: ${ALLOWED_OPTIONS}); limit rows with LIMIT in the query or --max-rows`
      )
    )
  if (args.length === 0) throw new Error(say('thiếu câu lệnh SQL', 'missing the SQL query'))
  if (args.length > 1)
    throw new Error(
      say(
        `cần đúng một câu lệnh SQL trong dấu nháy (nhận ${args.length} đối số)`,
        `expected one quoted SQL query (got ${args.length} arguments)`
      )
    )
  return args[0] as string
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const tableCell = (v: unknown): string => {
  const s = v === null || v === undefined ? 'NULL' : typeof v === 'string' ? v : JSON.stringify(v)
  const flat = s.replace(/\s+/g, ' ')
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat
}

const rowCount = (n: number): string =>
  n === 0 ? say('0 dòng', '0 rows') : say(`(${n} dòng)`, n === 1 ? '(1 row)' : `(${n} rows)`)

/** Aligned text table with a row count line; "0 rows" alone when there are none. */
export const formatTable = (
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<Record<string, unknown>>
): string => {
  if (rows.length === 0) return rowCount(0)
  const cells = rows.map((r) => columns.map((c) => tableCell(r[c])))
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] as string).length)))
  const line = (vals: ReadonlyArray<string>) =>
    vals
      .map((v, i) => v.padEnd(widths[i] as number))
      .join(' | ')
      .trimEnd()
  return [
    line(columns),
    widths.map((w) => '-'.repeat(w)).join('-+-'),
    ...cells.map(line),
    rowCount(rows.length),
  ].join('\n')
}

const formatCsv = (columns: ReadonlyArray<string>, rows: ReadonlyArray<Record<string, unknown>>): string =>
  [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n')

export interface SqlRequest {
  readonly db: string
  readonly sql: string
  readonly format: Format
  readonly out?: string
  readonly timeoutSeconds: number
  readonly maxRows: number
}

/** A refusal or DuckDB error as one line in the user's language. */
export const oneLine = (e: unknown): Error => {
  if (e instanceof ApiError) {
    const detail = e.extra.detail ? ` (${e.extra.detail})` : ''
    return new Error(`${say(e.vi, e.en)}${detail}`)
  }
  return e instanceof Error ? e : new Error(String(e))
}

/**
 * Runs the request in this process and returns what goes to standard output, plus notes for stderr.
 * Throws an Error with one line on refusal. Tests call this directly.
 */
export const runSql = async (req: SqlRequest): Promise<{ stdout: string; notes: string[] }> => {
  if (req.format === 'parquet' && !req.out)
    throw new Error(say('--format parquet cần --out TỆP', '--format parquet needs --out FILE'))
  if (!(req.timeoutSeconds > 0) || !(req.maxRows > 0))
    throw new Error(say('--timeout và --max-rows phải lớn hơn 0', '--timeout and --max-rows must be above 0'))
  const { runLocalQuery, writeParquet } = await import('@thidua/server/sql-console/local-query')
  const file = currentPublishedFile(req.db) ?? req.db
  const limits = { timeoutMs: req.timeoutSeconds * 1000, maxRows: req.maxRows, maxBytes: MAX_BYTES }
  try {
    const answer = await runLocalQuery(file, req.sql, limits, { keepChunks: req.format === 'parquet' })
    const { columns, rows, truncated } = answer.result
    const notes = truncated
      ? [
          say(
            `chỉ giữ ${req.maxRows} dòng đầu (--max-rows)`,
            `only the first ${req.maxRows} rows kept (--max-rows)`
          ),
        ]
      : []
    if (req.format === 'parquet') {
      await writeParquet(answer, req.out as string)
      const written = say(
        `đã ghi ${rows.length} dòng vào ${req.out}`,
        `wrote ${rows.length} rows to ${req.out}`
      )
      return { stdout: '', notes: [...notes, written] }
    }
    const text =
      req.format === 'json'
        ? JSON.stringify(rows)
        : req.format === 'csv'
          ? formatCsv(columns, rows)
          : formatTable(columns, rows)
    if (req.out) {
      writeFileSync(req.out, `${text}\n`)
      return { stdout: '', notes }
    }
    return { stdout: text, notes }
  } catch (e) {
    throw oneLine(e)
  }
}

/**
 * Arms the watchdog: DuckDB cannot interrupt every phase (planning, constant folding), so past the
 * limit and a grace second this process ends itself, as the server kills a console worker. Returns
 * the disarm function.
 */
export const armWatchdog = (timeoutSeconds: number): (() => void) => {
  const watchdog = setTimeout(
    () => {
      process.stderr.write(
        `thidua: ${say(`truy vấn vượt quá ${timeoutSeconds} giây và đã bị dừng`, `the query exceeded ${timeoutSeconds} s and was stopped`)}\n`
      )
      // process.exit would wait for DuckDB's busy thread; nothing is left to flush or close.
      process.kill(process.pid, 'SIGKILL')
    },
    timeoutSeconds * 1000 + 1000
  )
  watchdog.unref()
  return () => clearTimeout(watchdog)
}
