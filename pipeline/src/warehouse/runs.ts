/** Pipeline run bookkeeping: pipeline_runs and per-stage statistics. */
import { randomBytes } from 'node:crypto'
import type { Warehouse } from './db.ts'

export interface StartRunOptions {
  readonly runId?: string
  readonly mode?: string
  readonly extractorVersion?: string
}

/** Run ids sort by start time: r20250701T083000Z-1a2b3c. */
export const newRunId = (now: Date = new Date()): string =>
  `r${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`

export const startRun = async (wh: Warehouse, opts: StartRunOptions = {}): Promise<string> => {
  const runId = opts.runId ?? newRunId()
  await wh.conn.run(
    `INSERT INTO pipeline_runs (run_id, started_at, status, mode, extractor_version, articles_loaded)
     VALUES ($1, now(), 'running', $2, $3, 0)
     ON CONFLICT (run_id) DO UPDATE SET started_at = now(), status = 'running', finished_at = NULL, error = NULL`,
    [runId, opts.mode ?? null, opts.extractorVersion ?? null]
  )
  return runId
}

export const endRun = async (
  wh: Warehouse,
  runId: string,
  status: 'ok' | 'failed' = 'ok',
  error: string | null = null
): Promise<void> => {
  await wh.conn.run(
    `UPDATE pipeline_runs SET finished_at = now(), status = $2, error = $3 WHERE run_id = $1`,
    [runId, status, error]
  )
}

export interface StageStats {
  readonly items_in?: number
  readonly items_out?: number
  readonly failures?: number
  readonly elapsed_ms?: number
  readonly started_at?: string
  readonly finished_at?: string
  readonly details?: unknown
}

/** Records (or replaces) one stage's figures for a run. */
export const recordStage = async (
  wh: Warehouse,
  runId: string,
  stage: string,
  s: StageStats
): Promise<void> => {
  await wh.conn.run(
    `INSERT OR REPLACE INTO stage_stats
       (run_id, stage, started_at, finished_at, items_in, items_out, failures, elapsed_ms, details)
     VALUES ($1, $2, CAST($3 AS TIMESTAMPTZ), coalesce(CAST($4 AS TIMESTAMPTZ), now()), $5, $6, $7, $8, CAST($9 AS JSON))`,
    [
      runId,
      stage,
      s.started_at ?? null,
      s.finished_at ?? null,
      s.items_in ?? null,
      s.items_out ?? null,
      s.failures ?? null,
      s.elapsed_ms ?? null,
      s.details === undefined ? null : JSON.stringify(s.details),
    ]
  )
}
