/**
 * `thidua sql [--db FILE] [--format table|json|csv|parquet] [--out FILE] [--timeout SECONDS]
 * [--max-rows N] "<query>"`: one read-only statement on the published database, under the same guard,
 * sandbox and limits as the web console (server/src/sql-console). JSON numbers are numbers; an integer
 * or decimal beyond 2^53 stays a string so no digit is lost.
 */
import * as Args from '@effect/cli/Args'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import { dbOption } from '../options.ts'
import { armWatchdog, FORMATS, oneLine, pickQuery, runSql } from '../sql-run.ts'

// The engine lives in ../sql-run.ts, shared with the fast start-up path; tests import it from here.
export { formatTable, pickQuery, runSql, type SqlRequest } from '../sql-run.ts'

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

export const sqlCommand = Command.make(
  'sql',
  { db: dbOption, format, out, timeout, maxRows, query },
  ({ db, format, out, timeout, maxRows, query }) =>
    Effect.gen(function* () {
      const sql = yield* Effect.try({ try: () => pickQuery(query), catch: oneLine })
      const disarm = armWatchdog(timeout)
      const { stdout, notes } = yield* Effect.tryPromise({
        try: () =>
          runSql({ db, sql, format, out: Option.getOrUndefined(out), timeoutSeconds: timeout, maxRows }),
        catch: oneLine,
      }).pipe(Effect.ensuring(Effect.sync(disarm)))
      for (const n of notes) process.stderr.write(`thidua: ${n}\n`)
      if (stdout !== '') yield* Console.log(stdout)
    })
).pipe(
  Command.withDescription(
    'Run one read-only SQL statement on the published database (same guard and limits as the web console)'
  )
)
