/**
 * `thidua ingest`: saved pages and article records go through the run's own parse → extract → load
 * path (page-loader.ts over the run's stage services, run/services/stages.ts), then resolve and
 * publish, with no HTTP. Resume: what
 * the warehouse already holds is skipped (a page by its URL, an article record by URL and content
 * hash), and every batch is one transaction, so a rerun after a kill ends with the same rows as one
 * clean run.
 */
import { Effect, Stream } from 'effect'
import { type LoadCounts, loadUnits, type Unit } from '../run/page-loader.ts'
import { inRun, resolveStage } from '../run/run-stages.ts'
import { pageStagesLive } from '../run/services/stages.ts'
import { queryRows } from '../warehouse/db.ts'
import { endRun, publish, recordStage, type Warehouse } from '../warehouse/index.ts'
import { type IngestItem, inputKind, readInputs } from './inputs.ts'

export interface IngestOptions {
  readonly dbFile: string
  readonly paths: ReadonlyArray<string>
  /** For saved pages that name no canonical URL: their path in the folder is resolved against it. */
  readonly baseUrl?: string | null
  readonly parseWorkers?: number
  readonly publish?: boolean
  /** One progress line per line of output (stderr by default). */
  readonly progress?: (line: string) => void
}

export interface IngestSummary {
  readonly run_id: string
  /** Items read from the inputs (pages, article records, bad lines/records, other records). */
  readonly read: number
  readonly articles: number
  readonly failures: number
  readonly not_articles: number
  readonly already_ingested: number
  readonly bad: number
  readonly published: string | null
  /** Wall-clock milliseconds per stage, for benchmarks (`pnpm bench scale`) and logs. */
  readonly timings: {
    readonly load_ms: number
    /** Of load_ms, the time spent writing batches to the warehouse. */
    readonly write_ms: number
    readonly finalize_ms: number
    readonly publish_ms: number
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** What the warehouse already holds: URL → content hash of its article (null: a recorded failure). */
const knownUrls = (wh: Warehouse) =>
  Effect.tryPromise({
    try: async () => {
      const rows = await queryRows(
        wh.conn,
        `SELECT url, content_hash FROM articles UNION ALL
         SELECT url, NULL FROM parse_failures WHERE url NOT IN (SELECT url FROM articles)`
      )
      return new Map(
        rows.map((r) => [String(r.url), r.content_hash === null ? null : String(r.content_hash)])
      )
    },
    catch: (e) => new Error(`ingest: reading what is already ingested failed: ${message(e)}`),
  })

interface Tally {
  read: number
  already: number
  bad: number
  other: number
}

/** Items → units, skipping what is already in the warehouse or earlier in this input. */
async function* toUnits(
  items: AsyncIterable<IngestItem>,
  known: Map<string, string | null>,
  tally: Tally,
  progress: (line: string) => void
): AsyncGenerator<Unit> {
  for await (const item of items) {
    tally.read++
    if (item.kind === 'other') tally.other++
    else if (item.kind === 'bad') {
      tally.bad++
      progress(`ingest: ${item.where}: ${item.reason}`)
    } else if (item.kind === 'page') {
      if (known.has(item.url)) tally.already++
      else {
        known.set(item.url, null)
        const opts = item.now ? { now: item.now } : {}
        yield {
          kind: 'page',
          source_id: null,
          record_id: null,
          input: { html: item.html, url: item.url, opts, detectArticle: true },
        }
      }
    } else if (known.has(item.article.url) && known.get(item.article.url) === item.article.content_hash) {
      tally.already++
    } else {
      known.set(item.article.url, item.article.content_hash)
      yield { kind: 'record', article: item.article }
    }
  }
}

const load = (wh: Warehouse, runId: string, opts: IngestOptions, progress: (line: string) => void) =>
  Effect.gen(function* () {
    const started = Date.now()
    const known = yield* knownUrls(wh)
    const tally: Tally = { read: 0, already: 0, bad: 0, other: 0 }
    const items = readInputs(opts.paths, {
      baseUrl: opts.baseUrl ?? null,
      onInput: (p) => progress(`ingest: reading ${p}`),
    })
    const report = (c: LoadCounts) =>
      progress(
        `ingest: ${tally.read} read, ${c.articles} articles loaded, ${c.failures} failures, ${tally.already} already ingested, ${tally.bad} bad`
      )
    const counts = yield* loadUnits({
      runId,
      units: Stream.fromAsyncIterable(toUnits(items, known, tally, progress), (e) =>
        e instanceof Error ? e : new Error(String(e))
      ),
      onBatch: report,
    })
    yield* recordStage(wh, runId, 'ingest', {
      items_in: tally.read,
      items_out: counts.articles,
      failures: counts.failures + tally.bad,
      elapsed_ms: Date.now() - started,
      started_at: new Date(started).toISOString(),
      details: { ...counts, already_ingested: tally.already, bad: tally.bad, paths: opts.paths },
    })
    return { counts, tally }
    // The run's own stages (the Parser's pool, stopped with this layer, the Extractor, the Attributor).
  }).pipe(Effect.provide(pageStagesLive(opts.parseWorkers)))

export const ingest = (opts: IngestOptions) =>
  Effect.gen(function* () {
    const progress = opts.progress ?? ((line: string) => process.stderr.write(`${line}\n`))
    // Every path is checked before the warehouse is touched: a typo costs nothing.
    yield* Effect.try({ try: () => opts.paths.forEach(inputKind), catch: (e) => new Error(message(e)) })
    if (opts.paths.length === 0) return yield* Effect.fail(new Error('ingest: give at least one input path'))
    // DuckDB cannot replay a WAL holding the migrations' DDL after a kill; begin from a clean file.
    const checkpoint = (wh: Warehouse) =>
      Effect.tryPromise({
        try: () => wh.conn.run('CHECKPOINT'),
        catch: (e) => new Error(`ingest: checkpoint failed: ${message(e)}`),
      })
    const body = (wh: Warehouse, runId: string) =>
      Effect.gen(function* () {
        const loadStarted = Date.now()
        const { counts, tally } = yield* load(wh, runId, opts, progress)
        const resolveStarted = yield* resolveStage(wh, runId)
        yield* endRun(wh, runId, 'ok')
        const publishStarted = Date.now()
        const published = opts.publish === false ? null : (yield* publish(wh)).file
        const summary: IngestSummary = {
          run_id: runId,
          read: tally.read,
          articles: counts.articles,
          failures: counts.failures,
          not_articles: counts.skipped_not_article + tally.other,
          already_ingested: tally.already,
          bad: tally.bad,
          published,
          timings: {
            load_ms: resolveStarted - loadStarted,
            write_ms: counts.write_ms,
            finalize_ms: publishStarted - resolveStarted,
            publish_ms: Date.now() - publishStarted,
          },
        }
        progress(
          `ingest: done: ${summary.articles} articles loaded, ${summary.failures} failures, ${summary.not_articles} other pages, ${summary.already_ingested} already ingested, ${summary.bad} bad${published ? `; published ${published}` : ''}`
        )
        return summary
      })
    return yield* inRun(opts.dbFile, 'ingest', body, checkpoint)
  })
