/**
 * Parse + extract + load: turns every archived article response into warehouse rows. Used by `run`
 * after the crawl and by `reparse` alone, so both go through the same code. Pages are parsed on the
 * worker pool with their extraction (page-loader.ts, page-pool.ts) and loaded in batches; each batch is one warehouse transaction, so a
 * crash leaves whole batches or nothing.
 */
import { Effect, Stream } from 'effect'
import type { SourceConfig } from '../domain/source.ts'
import { type AttachmentSummary, AttachmentPass } from '../attachments/process.ts'
import { isAttachmentResponse } from '../attachments/policy.ts'
import { type ArchivedResponse, readArchive } from '../crawl/archive.ts'
import { decodeHtml } from '../page/decode.ts'
import { EXTRACTOR_VERSION } from '../extract/extract.ts'
import { type Warehouse, recordStage } from '../warehouse/index.ts'
import { type LoadCounts, loadUnits, type Unit } from './page-loader.ts'
import { pagePool, parseWorkerCount } from './parse-workers.ts'

export interface ProcessSummary {
  readonly pages: number
  readonly articles: number
  readonly failures: number
  readonly skipped_not_article: number
  readonly attachments: AttachmentSummary
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const header = (headers: Readonly<Record<string, string>>, name: string): string | null => {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v
  return null
}

/** The server's own clock (the Date header) anchors relative dates best; else the fetch time. */
const referenceTime = (headers: Readonly<Record<string, string>>, fetchedAt: string): string => {
  const date = header(headers, 'date')
  const t = date ? Date.parse(date) : Number.NaN
  return Number.isNaN(t) ? fetchedAt : new Date(t).toISOString()
}

/** One archived page as a unit to load (decoded here; parsed later on the pool). */
const pageUnit = (response: ArchivedResponse, source: SourceConfig | undefined): Unit => {
  if (response.is_article === false) return { kind: 'skip' }
  try {
    const { text } = decodeHtml(response.body, header(response.headers, 'content-type'))
    return {
      kind: 'page',
      source_id: response.source_id,
      record_id: response.record_id,
      input: {
        html: text,
        url: response.url,
        // Relative dates ("2 giờ trước") are relative to when the page was fetched.
        opts: { ...(source ? { source } : {}), now: referenceTime(response.headers, response.fetched_at) },
        // The crawler's own verdict stands; without one, the parser decides (isArticlePage).
        ...(response.is_article === undefined ? { detectArticle: true } : {}),
      },
    }
  } catch (e) {
    const reason = `unexpected error: ${message(e)}`
    return { kind: 'failed', url: response.url, source_id: response.source_id, reason }
  }
}

/** The archive as a stream of units, attachments sent to their own pass on the way; counts every response. */
const archiveUnits = (
  dbFile: string,
  sourceById: ReadonlyMap<string, SourceConfig>,
  attachments: AttachmentPass,
  counter: { pages: number }
): Stream.Stream<Unit, Error> =>
  Stream.fromAsyncIterable(
    readArchive(dbFile),
    (e) => new Error(`reading the raw archive failed: ${message(e)}`)
  ).pipe(
    Stream.tap(() => Effect.sync(() => counter.pages++)),
    Stream.filterEffect((response) =>
      isAttachmentResponse(response.url, header(response.headers, 'content-type'), response.body)
        ? Effect.tryPromise({
            try: () => attachments.add(response).then(() => false),
            catch: (e) => new Error(`attachment ${response.url}: ${message(e)}`),
          })
        : Effect.succeed(true)
    ),
    Stream.map((response) => pageUnit(response, sourceById.get(response.source_id)))
  )

export const processArchive = (opts: {
  readonly wh: Warehouse
  readonly runId: string
  readonly sources: ReadonlyArray<SourceConfig>
  /** Parse worker threads; default THIDUA_PARSE_WORKERS, else every core (1 = this thread). */
  readonly parseWorkers?: number
  readonly onBatch?: (done: number) => void
}) =>
  Effect.gen(function* () {
    const { wh, runId } = opts
    const started = Date.now()
    const attachments = new AttachmentPass(wh)
    const pool = yield* pagePool(yield* parseWorkerCount(opts.parseWorkers))
    const counter = { pages: 0 }
    const counts = yield* loadUnits({
      wh,
      runId,
      units: archiveUnits(wh.dbFile, new Map(opts.sources.map((s) => [s.id, s])), attachments, counter),
      pool,
      onBatch: (c: LoadCounts) => opts.onBatch?.(c.articles),
    })
    const attached = yield* Effect.tryPromise({
      try: () => attachments.finish(EXTRACTOR_VERSION),
      catch: (e) => new Error(`writing attachments failed: ${message(e)}`),
    })
    const summary: ProcessSummary = {
      pages: counter.pages,
      articles: counts.articles,
      failures: counts.failures,
      skipped_not_article: counts.skipped_not_article,
      attachments: attached,
    }
    yield* recordStage(wh, runId, 'parse_extract_load', {
      items_in: counter.pages,
      items_out: counts.articles,
      failures: counts.failures,
      elapsed_ms: Date.now() - started,
      started_at: new Date(started).toISOString(),
      details: summary,
    })
    return summary
  }).pipe(Effect.scoped)
