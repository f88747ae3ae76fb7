/**
 * Child process of the console pool (worker-pool.ts): one sandbox DuckDB instance over the published
 * file it is told about, one query at a time. It lives in its own process so the server can SIGKILL it
 * when a statement overruns (DuckDB cannot interrupt planning), and so its threads and memory never
 * compete with the server's own DuckDB instance.
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { ApiError } from '../http/api-error.ts'
import { executeConsoleQuery } from './execute.ts'
import { refuse } from './refusals.ts'
import { openSandbox } from './sandbox.ts'
import { sensitivePaths } from './scrub.ts'
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts'

let open: { file: string; instance: DuckDBInstance; conn: DuckDBConnection; scrub: string[] } | null = null

const connectionFor = async (file: string) => {
  if (open?.file === file) return open
  open?.conn.closeSync()
  open?.instance.closeSync()
  open = null
  const instance = await openSandbox(file, { memoryLimit: process.env.THIDUA_SQL_MEMORY ?? '256MB' })
  open = { file, instance, conn: await instance.connect(), scrub: sensitivePaths(file) }
  return open
}

const send = (msg: WorkerReply): void => {
  process.send?.(msg)
}

const handle = async (req: WorkerRequest): Promise<void> => {
  // Answer a little before the pool's hard deadline, so an interruptible query leaves this process alive.
  const margin = Math.min(250, Math.max(20, req.timeoutMs * 0.1))
  try {
    const { conn, scrub } = await connectionFor(req.file)
    const result = await executeConsoleQuery(
      conn,
      req.sql,
      {
        maxRows: req.maxRows,
        maxBytes: req.maxBytes,
        timeoutMs: req.timeoutMs,
        deadline: Date.now() + req.remainingMs - margin,
      },
      { scrub }
    )
    send({ type: 'result', id: req.id, result })
  } catch (e) {
    const err = e instanceof ApiError ? e : refuse.failed(e instanceof Error ? e.message : String(e))
    send({ type: 'error', id: req.id, error: err.body().error })
  }
}

// The server went away (even by SIGKILL): nothing is left to answer to.
process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'))
process.on('message', (req: WorkerRequest) => void handle(req))
send({ type: 'ready' })
