/**
 * `thidua sql [--db FILE] [--format table|json|csv|parquet] [--out FILE] [--timeout SECONDS]
 * [--max-rows N] "<query>"`: one read-only statement on the published database, under the same guard,
 * sandbox and limits as the web console (server/src/sql-console). JSON numbers are numbers; an integer
 * or decimal beyond 2^53 stays a string so no digit is lost.
 */
import { writeFileSync } from 'node:fs'
import { Args, Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { ApiError } from '@thidua/server/http/api-error'
import { currentPublished } from '../../warehouse/publish.ts'
import { dbOption } from '../options.ts'

const FORMATS = ['table', 'json', 'csv', 'parquet'] as const
type Format = (typeof FORMATS)[number]

const format = Options.choice('format', FORMATS).pipe(
  Options.withDescription(
    'Output: table, json (a JSON array of row objects and nothing else), csv, parquet (needs --out)'
  ),
  Options.withDefault('table' as const)
)
const out = Options.file('out').pipe(
  Options.withDescription('Write the result to FILE instead of standard output'),
  Options.optional
)
const timeout = Options.integer('timeout').pipe(
  Options.withDescription('Stop the query after SECONDS (default 30)'),
  Options.withDefault(30)
)
const maxRows = Options.integer('max-rows').pipe(
  Options.withDescription(
    'Keep at most N rows (default 100000; a note on stderr says when rows were left out)'
  ),
  Options.withDefault(100_000)
)
// Every positional argument is taken, so a stray option (`--limit 5`) gets one clear line, not a parse puzzle.
const query = Args.text({ name: 'query' }).pipe(
  Args.withDescription('One read-only SQL statement (quote it)'),
  Args.repeated
)

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
const oneLine = (e: unknown): Error => {
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
  const file = currentPublished(req.db) ?? req.db
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

export const sqlCommand = Command.make(
  'sql',
  { db: dbOption, format, out, timeout, maxRows, query },
  ({ db, format, out, timeout, maxRows, query }) =>
    Effect.gen(function* () {
      const sql = yield* Effect.try({ try: () => pickQuery(query), catch: oneLine })
      // DuckDB cannot interrupt every phase (planning, constant folding): past the limit and a grace
      // second, this process ends itself, as the server kills a console worker.
      const watchdog = setTimeout(
        () => {
          process.stderr.write(
            `thidua: ${say(`truy vấn vượt quá ${timeout} giây và đã bị dừng`, `the query exceeded ${timeout} s and was stopped`)}\n`
          )
          // process.exit would wait for DuckDB's busy thread; nothing is left to flush or close.
          process.kill(process.pid, 'SIGKILL')
        },
        timeout * 1000 + 1000
      )
      watchdog.unref()
      const { stdout, notes } = yield* Effect.tryPromise({
        try: () =>
          runSql({ db, sql, format, out: Option.getOrUndefined(out), timeoutSeconds: timeout, maxRows }),
        catch: oneLine,
      }).pipe(Effect.ensuring(Effect.sync(() => clearTimeout(watchdog))))
      for (const n of notes) process.stderr.write(`thidua: ${n}\n`)
      if (stdout !== '') yield* Console.log(stdout)
    })
).pipe(
  Command.withDescription(
    'Run one read-only SQL statement on the published database (same guard and limits as the web console)'
  )
)
