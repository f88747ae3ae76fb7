/**
 * `thidua sql`'s engine: the console's guard, sandbox and limits, in the calling process. The CLI is
 * itself the killable unit: its command arms a watchdog that ends the process when DuckDB cannot be
 * interrupted in time (see pipeline/src/cli/commands/sql.ts).
 */
import { DuckDBInstance, type DuckDBDataChunk } from '@duckdb/node-api'
import { existsSync } from 'node:fs'
import { type ConsoleResult, executeConsoleQuery } from './execute.ts'
import { openSandbox } from './sandbox.ts'
import { sensitivePaths } from './scrub.ts'

export interface LocalLimits {
  readonly timeoutMs: number
  readonly maxRows: number
  readonly maxBytes: number
}

export interface LocalAnswer {
  readonly result: ConsoleResult
  /** DuckDB's own chunks of the kept rows, when asked for (Parquet output keeps exact types). */
  readonly chunks: ReadonlyArray<DuckDBDataChunk>
}

export const runLocalQuery = async (
  file: string,
  sql: string,
  limits: LocalLimits,
  opts: { keepChunks?: boolean; started?: number } = {}
): Promise<LocalAnswer> => {
  const started = opts.started ?? Date.now()
  if (!existsSync(file)) throw new Error(`database file not found: ${file} (run \`pnpm thidua run\` first)`)
  const instance = await openSandbox(file)
  const chunks: DuckDBDataChunk[] = []
  try {
    const conn = await instance.connect()
    try {
      const result = await executeConsoleQuery(
        conn,
        sql,
        { ...limits, deadline: started + limits.timeoutMs },
        {
          scrub: sensitivePaths(file),
          onChunk: opts.keepChunks
            ? (chunk, rows) => {
                if (rows < chunk.rowCount) chunk.rowCount = rows
                chunks.push(chunk)
              }
            : undefined,
        }
      )
      return { result, chunks }
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`
const quoteString = (s: string): string => `'${s.replaceAll("'", "''")}'`

/**
 * Writes the kept rows to a Parquet file with their DuckDB types, through a separate in-memory
 * instance: the console's own instance has no file system, by design.
 */
export const writeParquet = async (answer: LocalAnswer, out: string): Promise<void> => {
  const { columns, types } = answer.result
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  })
  try {
    const conn = await instance.connect()
    try {
      const defs = columns.map((c, i) => `${quoteIdent(c)} ${types[i]}`).join(', ')
      await conn.run(`CREATE TABLE result (${defs})`)
      const appender = await conn.createAppender('result')
      for (const chunk of answer.chunks) appender.appendDataChunk(chunk)
      appender.closeSync()
      await conn.run(`COPY result TO ${quoteString(out)} (FORMAT parquet)`)
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}
