/**
 * The console's limits: options from createApp, else the environment (THIDUA_SQL_*), else defaults.
 * The long runaway test sets a short THIDUA_SQL_TIMEOUT_MS on a real `thidua serve`.
 */
import { ConsolePool } from './worker-pool.ts'

export interface ConsoleSettings {
  readonly maxRows?: number
  readonly timeoutMs?: number
  readonly maxBytes?: number
  readonly workers?: number
  readonly queue?: number
}

const envInt = (name: string): number | undefined => {
  const v = Number(process.env[name])
  return Number.isInteger(v) && v > 0 ? v : undefined
}

export const consolePoolFor = (s: ConsoleSettings = {}, log?: (msg: string) => void): ConsolePool =>
  new ConsolePool({
    maxRows: s.maxRows ?? envInt('THIDUA_SQL_MAX_ROWS') ?? 5000,
    timeoutMs: s.timeoutMs ?? envInt('THIDUA_SQL_TIMEOUT_MS') ?? 5000,
    maxBytes: s.maxBytes ?? envInt('THIDUA_SQL_MAX_BYTES') ?? 16 * 1024 * 1024,
    workers: s.workers ?? envInt('THIDUA_SQL_WORKERS') ?? 2,
    queue: s.queue ?? envInt('THIDUA_SQL_QUEUE') ?? 8,
    log,
  })
