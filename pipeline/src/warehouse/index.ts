/**
 * The warehouse's public API as Effect programs (typed WarehouseError), and WarehouseService: the
 * open connection as a scoped service (Live on a file, Test on a temporary one). The same operations
 * exist as plain async functions in the module files (open.ts, load.ts, finalize.ts, runs.ts,
 * publish.ts) for tests and scripts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Context, Effect, Layer } from 'effect'
import type { SourceConfig } from '../domain/source.ts'
import { describeError, type Warehouse, WarehouseError } from './db.ts'
import { type FinalizeOptions, finalizeRun as finalizeAsync } from './finalize.ts'
import {
  attributionContext as attributionAsync,
  loadBatch as loadAsync,
  recordParseFailures as failuresAsync,
  type LoadOptions,
  upsertSources as sourcesAsync,
} from './load.ts'
import { closeWarehouseSync, openWarehouseAsync } from './open.ts'
import { publish as publishAsync } from './publish.ts'
import type { LoadItem } from './rows.ts'
import {
  endRun as endAsync,
  recordStage as stageAsync,
  type StageStats,
  type StartRunOptions,
  startRun as startAsync,
} from './runs.ts'

export type { Warehouse } from './db.ts'
export { WarehouseError } from './db.ts'
export type { FinalizeOptions, FinalizeSummary } from './finalize.ts'
export type { LoadOptions, LoadResult } from './load.ts'
export type { PublishResult } from './publish.ts'
export { currentPublished, currentPointer, publishedDir } from './publish.ts'
export type { AttributionContext, LoadItem } from './rows.ts'
export { attributeItem } from './rows.ts'
export type { StageStats, StartRunOptions } from './runs.ts'
export { articleIdFor } from './ids.ts'

const attempt = <A>(op: string, f: () => Promise<A>) =>
  Effect.tryPromise({
    try: f,
    catch: (cause) => {
      const reason = describeError(cause)
      return new WarehouseError({ op, reason, message: `${op}: ${reason}`, cause })
    },
  })

/** Opens (creating and migrating) the working database. Close it with closeWarehouse. */
export const openWarehouse = (dbFile: string) => attempt('open warehouse', () => openWarehouseAsync(dbFile))
export const closeWarehouse = (wh: Warehouse) => Effect.sync(() => closeWarehouseSync(wh))
export const upsertSources = (wh: Warehouse, sources: ReadonlyArray<SourceConfig>) =>
  attempt('upsert sources', () => sourcesAsync(wh, sources))
export const loadBatch = (wh: Warehouse, runId: string, items: ReadonlyArray<LoadItem>, opts?: LoadOptions) =>
  attempt('load batch', () => loadAsync(wh, runId, items, opts))
export const recordParseFailures = (
  wh: Warehouse,
  runId: string,
  failures: ReadonlyArray<{ url: string; reason: string; source_id?: string | null }>
) => attempt('record parse failures', () => failuresAsync(wh, runId, failures))
export const finalizeRun = (wh: Warehouse, runId: string, opts?: FinalizeOptions) =>
  attempt('finalize run', () => finalizeAsync(wh, runId, opts))
export const startRun = (wh: Warehouse, opts?: StartRunOptions) =>
  attempt('start run', () => startAsync(wh, opts))
export const endRun = (
  wh: Warehouse,
  runId: string,
  status: 'ok' | 'failed' = 'ok',
  error: string | null = null
) => attempt('end run', () => endAsync(wh, runId, status, error))
export const recordStage = (wh: Warehouse, runId: string, stage: string, stats: StageStats) =>
  attempt('record stage', () => stageAsync(wh, runId, stage, stats))
/** Publishes an open warehouse, or a database file nobody has open. */
export const publish = (target: Warehouse | string, opts?: { keep?: number }) =>
  attempt('publish', () => publishAsync(target, opts))

/** The warehouse's operations bound to one open handle (what the WarehouseService holds). */
const bind = (wh: Warehouse) => ({
  handle: wh,
  upsertSources: (sources: ReadonlyArray<SourceConfig>) => upsertSources(wh, sources),
  attributionContext: () => attempt('attribution context', () => attributionAsync(wh.conn)),
  loadBatch: (runId: string, items: ReadonlyArray<LoadItem>, opts?: LoadOptions) =>
    loadBatch(wh, runId, items, opts),
  recordParseFailures: (
    runId: string,
    failures: ReadonlyArray<{ url: string; reason: string; source_id?: string | null }>
  ) => recordParseFailures(wh, runId, failures),
  finalizeRun: (runId: string, opts?: FinalizeOptions) => finalizeRun(wh, runId, opts),
  startRun: (opts?: StartRunOptions) => startRun(wh, opts),
  endRun: (runId: string, status?: 'ok' | 'failed', error?: string | null) =>
    endRun(wh, runId, status, error),
  recordStage: (runId: string, stage: string, stats: StageStats) => recordStage(wh, runId, stage, stats),
  publish: (opts?: { keep?: number }) => publish(wh, opts),
})
export type WarehouseOps = ReturnType<typeof bind>

const scopedWarehouse = (dbFile: string) =>
  Effect.map(Effect.acquireRelease(openWarehouse(dbFile), closeWarehouse), bind)

/**
 * The open working database as a service: a scoped connection (closed when the layer's scope ends)
 * and its operations, each an Effect failing with WarehouseError.
 */
export class WarehouseService extends Context.Tag('thidua/Warehouse')<WarehouseService, WarehouseOps>() {
  static readonly Live = (dbFile: string) => Layer.scoped(WarehouseService, scopedWarehouse(dbFile))

  /** A fresh warehouse on a temporary file, removed with the scope. */
  static readonly Test = Layer.scoped(
    WarehouseService,
    Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(path.join(os.tmpdir(), 'thidua-wh-'))),
      (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
    ).pipe(Effect.flatMap((dir) => scopedWarehouse(path.join(dir, 'test.duckdb'))))
  )
}
