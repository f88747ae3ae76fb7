/**
 * `thidua run`: sources → crawl → parse/extract/load → resolve → publish, as one Effect program.
 * Offline (the default) it starts the portal simulator on the embedded snapshot and crawls through it
 * with the same crawler code as a live run; `live: true` fetches the real sites.
 */
import { Clock, Effect, Layer, Runtime } from 'effect'
import type { SourceConfig } from '../domain/source.ts'
import type { CrawlSummary } from '../crawl/crawl.ts'
import { loadSources, sourceHosts } from '../crawl/sources.ts'
import { type SimulatorOptions, startSimulator } from '../simulator/server.ts'
import { WarehouseService } from '../warehouse/index.ts'
import { type ProcessSummary, processArchive } from './process-archive.ts'
import { inRun, resolveStage } from './run-stages.ts'
import { Archive } from './services/archive.ts'
import { CrawlStore } from './services/crawl-store.ts'
import { stageError } from './services/errors.ts'
import { withRunLogger } from './services/logger.ts'
import { pageStagesLive } from './services/stages.ts'
import { alertsStage } from '../alerts/evaluate.ts'

export interface RunOptions {
  readonly dbFile: string
  readonly sourcesFile: string
  readonly live: boolean
  /** Offline only: the snapshot the simulator serves (default data/snapshot). */
  readonly snapshotRoot?: string
  /**
   * Offline only: a corpus written by `thidua generate`, served by the simulator instead of the snapshot
   * (scale runs). The caller picks the sources file (the corpus's own sources.json by default, see run.ts).
   */
  readonly generatedDir?: string
  readonly maxPages?: number
  /** Progress lines go to stderr; `quiet` silences them. */
  readonly quiet?: boolean
  /** Skip the crawl and only re-run parse/extract/load/resolve/publish over the raw archive. */
  readonly reparseOnly?: boolean
}

export interface RunSummary {
  readonly run_id: string
  readonly mode: 'offline' | 'live' | 'reparse'
  readonly crawl: CrawlSummary | null
  readonly process: ProcessSummary
  readonly skipped_sources: ReadonlyArray<string>
  readonly published: string
  /** Wall-clock milliseconds per stage (crawl is 0 for a reparse), for benchmarks and logs. */
  readonly timings: {
    readonly crawl_ms: number
    readonly process_ms: number
    readonly resolve_ms: number
    readonly publish_ms: number
    readonly total_ms: number
  }
}

/** Offline, only the sources the snapshot holds can be crawled; the rest are named, not silently lost. */
const splitByHosts = (sources: ReadonlyArray<SourceConfig>, hostMap: Readonly<Record<string, string>>) => {
  const inSnapshot = (s: SourceConfig) => sourceHosts(s).some((h) => h in hostMap)
  return {
    crawlable: sources.filter(inSnapshot),
    skipped: sources.filter((s) => !inSnapshot(s)).map((s) => s.id),
  }
}

/** What the offline simulator serves: a generated corpus alone, else the snapshot (default or given). */
const simulatorOptions = (opts: Pick<RunOptions, 'generatedDir' | 'snapshotRoot'>): SimulatorOptions =>
  opts.generatedDir
    ? { root: null, generated: { dir: opts.generatedDir } }
    : opts.snapshotRoot
      ? { root: opts.snapshotRoot }
      : {}

/** The crawl into the CrawlStore, recorded as the run's `crawl` stage; offline through the simulator. */
export const crawlStage = (
  runId: string,
  sources: ReadonlyArray<SourceConfig>,
  opts: Omit<RunOptions, 'dbFile' | 'sourcesFile'>
) =>
  Effect.gen(function* () {
    const db = yield* WarehouseService
    const store = yield* CrawlStore
    const started = yield* Clock.currentTimeMillis
    let hostMap: Record<string, string> | undefined
    let crawlable = sources
    let skipped: string[] = []
    if (!opts.live) {
      const sim = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: () => startSimulator(simulatorOptions(opts)),
          catch: (e) => stageError('crawl', e, 'could not start the portal simulator'),
        }),
        (s) => Effect.promise(() => s.close())
      )
      hostMap = sim.hostMap
      ;({ crawlable, skipped } = splitByHosts(sources, sim.hostMap))
      yield* Effect.log(
        `offline: crawling ${crawlable.length} sources through the simulator at ${sim.origin}${opts.generatedDir ? ` (generated corpus ${opts.generatedDir})` : ''}`
      )
      if (skipped.length > 0)
        yield* Effect.log(`offline: not in the snapshot, skipped: ${skipped.join(', ')}`)
    }
    const summary = yield* store.crawl({
      sources: crawlable,
      runId,
      live: opts.live,
      ...(hostMap ? { hostMap } : {}),
      ...(opts.maxPages !== undefined ? { maxPages: opts.maxPages } : {}),
      ...(opts.quiet ? { onProgress: () => {} } : {}),
    })
    yield* db.recordStage(runId, 'crawl', {
      items_in: summary.totals.discovered,
      items_out: summary.totals.fetched,
      failures: summary.totals.failed,
      elapsed_ms: (yield* Clock.currentTimeMillis) - started,
      started_at: new Date(started).toISOString(),
      details: { complete: summary.complete, skipped_sources: skipped },
    })
    return { summary, skipped }
  }).pipe(Effect.scoped)

export const runPipeline = (opts: RunOptions) =>
  Effect.gen(function* () {
    const sources = yield* loadSources(opts.sourcesFile)
    const mode = opts.reparseOnly ? 'reparse' : opts.live ? 'live' : 'offline'
    return yield* inRun(opts.dbFile, mode, (wh, runId) =>
      Effect.gen(function* () {
        yield* Effect.log(`run ${runId} (${mode}) → ${opts.dbFile}`)
        const db = yield* WarehouseService
        const runStarted = yield* Clock.currentTimeMillis
        yield* db.upsertSources(sources)
        const crawlStarted = yield* Clock.currentTimeMillis
        const crawled = opts.reparseOnly
          ? null
          : yield* crawlStage(runId, sources, opts).pipe(Effect.provide(CrawlStore.Live))
        const processStarted = yield* Clock.currentTimeMillis
        if (crawled) {
          const t = crawled.summary.totals
          yield* Effect.log(`crawl: ${t.fetched} fetched, ${t.not_modified} not modified, ${t.failed} failed`)
        }
        const processed = yield* processArchive({ runId, sources }).pipe(
          Effect.provide(Layer.merge(Archive.Live, pageStagesLive()))
        )
        yield* Effect.log(
          `parse/extract/load: ${processed.articles} articles, ${processed.failures} failures, ${processed.skipped_not_article} other pages`
        )
        const att = processed.attachments
        if (att.attachments > 0) {
          const methods = Object.entries(att.by_method).map(([m, n]) => `${n} ${m}`)
          yield* Effect.log(
            `attachments: ${att.attachments} (${methods.join(', ') || 'none read'}), ${att.with_document} with their own document, ${att.errors} unreadable`
          )
        }
        if (att.ocr_unavailable) yield* Effect.log(`attachments: ${att.ocr_unavailable}`)
        const resolveStarted = yield* resolveStage(wh, runId)
        // The alerts stage takes a plain callback: its lines go to the run's logger all the same.
        const runtime = yield* Effect.runtime<never>()
        yield* alertsStage(wh, runId, (line) => Runtime.runSync(runtime)(Effect.log(line)))
        yield* db.endRun(runId, 'ok')
        const publishStarted = yield* Clock.currentTimeMillis
        const published = yield* db.publish()
        const finished = yield* Clock.currentTimeMillis
        yield* Effect.log(`published ${published.file}`)
        const summary: RunSummary = {
          run_id: runId,
          mode,
          crawl: crawled?.summary ?? null,
          process: processed,
          skipped_sources: crawled?.skipped ?? [],
          published: published.file,
          timings: {
            crawl_ms: processStarted - crawlStarted,
            process_ms: resolveStarted - processStarted,
            resolve_ms: publishStarted - resolveStarted,
            publish_ms: finished - publishStarted,
            total_ms: finished - runStarted,
          },
        }
        return summary
      })
    )
  }).pipe(withRunLogger(opts.quiet))
