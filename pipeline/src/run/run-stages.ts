/**
 * The frame `thidua run` and `thidua ingest` share: open the warehouse and start a run, resolve as a
 * recorded stage, and a failed body recorded as a failed run (the published version stays the previous one).
 */
import { Clock, Effect } from 'effect'
import { EXTRACTOR_VERSION } from '../extract/extract.ts'
import { describeError } from '../warehouse/db.ts'
import { finalizeRun, recordStage, type Warehouse, WarehouseService } from '../warehouse/index.ts'

/**
 * With the WarehouseService: runs `prepare` (before the run row exists), starts a run of `mode`, then
 * runs `body`; when `body` fails, the run is ended as failed with the reason before the error goes on.
 */
export const inOpenRun = <A, E, R, E2 = never>(
  mode: string,
  body: (wh: Warehouse, runId: string) => Effect.Effect<A, E, R>,
  prepare: (wh: Warehouse) => Effect.Effect<void, E2> = () => Effect.void
) =>
  Effect.gen(function* () {
    const db = yield* WarehouseService
    yield* prepare(db.handle)
    const runId = yield* db.startRun({ mode, extractorVersion: EXTRACTOR_VERSION })
    return yield* body(db.handle, runId).pipe(
      Effect.tapError((e) => db.endRun(runId, 'failed', describeError(e)).pipe(Effect.ignore))
    )
  })

/** inOpenRun on the warehouse at `dbFile`, open for the run (the body may use the WarehouseService). */
export const inRun = <A, E, R, E2 = never>(
  dbFile: string,
  mode: string,
  body: (wh: Warehouse, runId: string) => Effect.Effect<A, E, R>,
  prepare?: (wh: Warehouse) => Effect.Effect<void, E2>
) => inOpenRun(mode, body, prepare).pipe(Effect.provide(WarehouseService.Live(dbFile)))

/** finalizeRun, timed and recorded as the run's `resolve` stage; returns when it started (ms). */
export const resolveStage = (wh: Warehouse, runId: string) =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    const finalized = yield* finalizeRun(wh, runId)
    yield* recordStage(wh, runId, 'resolve', {
      elapsed_ms: (yield* Clock.currentTimeMillis) - started,
      started_at: new Date(started).toISOString(),
      details: finalized,
    })
    return started
  })
