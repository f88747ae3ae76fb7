/**
 * The frame `thidua run` and `thidua ingest` share: open the warehouse and start a run, resolve as a
 * recorded stage, and a failed body recorded as a failed run (the published version stays the previous one).
 */
import { Effect } from 'effect'
import { EXTRACTOR_VERSION } from '../extract/extract.ts'
import { describeError } from '../warehouse/db.ts'
import {
  closeWarehouse,
  endRun,
  finalizeRun,
  openWarehouse,
  recordStage,
  startRun,
  type Warehouse,
} from '../warehouse/index.ts'

/**
 * Opens the warehouse for the scope, runs `prepare` (before the run row exists), starts a run of `mode`,
 * then runs `body`; when `body` fails, the run is ended as failed with the reason before the error goes on.
 */
export const inRun = <A, E, R, E2 = never>(
  dbFile: string,
  mode: string,
  body: (wh: Warehouse, runId: string) => Effect.Effect<A, E, R>,
  prepare: (wh: Warehouse) => Effect.Effect<void, E2> = () => Effect.void
) =>
  Effect.gen(function* () {
    const wh = yield* Effect.acquireRelease(openWarehouse(dbFile), closeWarehouse)
    yield* prepare(wh)
    const runId = yield* startRun(wh, { mode, extractorVersion: EXTRACTOR_VERSION })
    return yield* body(wh, runId).pipe(
      Effect.tapError((e) => endRun(wh, runId, 'failed', describeError(e)).pipe(Effect.ignore))
    )
  }).pipe(Effect.scoped)

/** finalizeRun, timed and recorded as the run's `resolve` stage; returns when it started (ms). */
export const resolveStage = (wh: Warehouse, runId: string) =>
  Effect.gen(function* () {
    const started = Date.now()
    const finalized = yield* finalizeRun(wh, runId)
    yield* recordStage(wh, runId, 'resolve', {
      elapsed_ms: Date.now() - started,
      started_at: new Date(started).toISOString(),
      details: finalized,
    })
    return started
  })
