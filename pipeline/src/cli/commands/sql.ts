/** `thidua sql [--db FILE] [--format table|json|csv] "<query>"`: run one read-only query. */
import { Args, Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { DuckDBInstance } from '@duckdb/node-api'
import { existsSync } from 'node:fs'
import { currentPublished } from '../../warehouse/publish.ts'
import { dbOption } from '../options.ts'

const format = Options.choice('format', ['table', 'json', 'csv']).pipe(
  Options.withDescription('Output format; json prints a JSON array of row objects and nothing else'),
  Options.withDefault('table' as const)
)
const query = Args.text({ name: 'query' }).pipe(Args.withDescription('SQL to run (read-only)'))

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/**
 * Queries go to the published version of `db` when there is one: it is complete, never locked by a
 * running pipeline, and what the server and other researchers see. Otherwise the file itself is read.
 */
export const runReadOnlyQuery = (db: string, sql: string) =>
  Effect.tryPromise({
    try: async () => {
      const file = currentPublished(db) ?? db
      if (!existsSync(file)) throw new Error(`database file not found: ${db} (run \`pnpm thidua run\` first)`)
      const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
      try {
        const conn = await instance.connect()
        try {
          const reader = await conn.runAndReadAll(sql)
          return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() }
        } finally {
          conn.closeSync()
        }
      } finally {
        instance.closeSync()
      }
    },
    catch: (e) => new Error(`query failed: ${e instanceof Error ? e.message : String(e)}`),
  })

export const sqlCommand = Command.make('sql', { db: dbOption, format, query }, ({ db, format, query }) =>
  Effect.gen(function* () {
    const { columns, rows } = yield* runReadOnlyQuery(db, query)
    if (format === 'json') return yield* Console.log(JSON.stringify(rows))
    if (format === 'csv') {
      const lines = [columns.map(csvCell).join(',')]
      for (const r of rows)
        lines.push(columns.map((c) => csvCell((r as Record<string, unknown>)[c])).join(','))
      return yield* Console.log(lines.join('\n'))
    }
    yield* Console.table(rows)
  })
).pipe(Command.withDescription('Run a read-only SQL query against the published version of the database'))
