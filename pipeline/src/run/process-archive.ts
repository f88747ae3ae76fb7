/**
 * Parse + extract + load: turns every archived article response into warehouse rows. Used by `run`
 * after the crawl and by `reparse` alone, so both go through the same code. A Stream over the stage
 * services (run/services/): the Archive's responses, parsed with their extraction on the Parser's
 * pool (page-loader.ts, with the Extractor and the Attributor), loaded in batches into the
 * WarehouseService; each batch is one warehouse transaction, so a crash leaves whole batches or nothing. Failures are StageError or WarehouseError.
 */
import { Clock, Effect, Stream } from 'effect'
import type { SourceConfig } from '../domain/source.ts'
import { type AttachmentSummary, AttachmentPass } from '../attachments/process.ts'
import { isAttachmentResponse } from '../attachments/policy.ts'
import type { ArchivedResponse } from '../crawl/archive.ts'
import { decodeHtml } from '../page/decode.ts'
import { EXTRACTOR_VERSION } from '../extract/extract.ts'
import { describeError } from '../warehouse/db.ts'
import { WarehouseService } from '../warehouse/index.ts'
import { type LoadCounts, loadUnits, type Unit } from './page-loader.ts'
import { Archive } from './services/archive.ts'
import { type StageError, stageError } from './services/errors.ts'

export interface ProcessSummary {
  readonly pages: number
  readonly articles: number
  readonly failures: number
  readonly skipped_not_article: number
  readonly attachments: AttachmentSummary
}

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
    const reason = `unexpected error: ${describeError(e)}`
    return { kind: 'failed', url: response.url, source_id: response.source_id, reason }
  }
}

/** The archive as a stream of units, attachments sent to their own pass on the way; counts every response. */
const archiveUnits = (
  responses: Stream.Stream<ArchivedResponse, StageError>,
  sourceById: ReadonlyMap<string, SourceConfig>,
  attachments: AttachmentPass,
  counter: { pages: number }
): Stream.Stream<Unit, StageError> =>
  responses.pipe(
    Stream.tap(() => Effect.sync(() => counter.pages++)),
    Stream.filterEffect((response) =>
      isAttachmentResponse(response.url, header(response.headers, 'content-type'), response.body)
        ? Effect.tryPromise({
            try: () => attachments.add(response).then(() => false),
            catch: (e) => stageError('attachments', e, `attachment ${response.url}`),
          })
        : Effect.succeed(true)
    ),
    Stream.map((response) => pageUnit(response, sourceById.get(response.source_id)))
  )

/**
 * Archive → parse and extract on the Parser's pool → load in batches into the Warehouse, then the
 * attachments; records the stage and returns its summary.
 */
export const processArchive = (opts: {
  readonly runId: string
  readonly sources: ReadonlyArray<SourceConfig>
  readonly onBatch?: (done: number) => void
}) =>
  Effect.gen(function* () {
    const { runId } = opts
    const db = yield* WarehouseService
    const archive = yield* Archive
    const started = yield* Clock.currentTimeMillis
    const attachments = new AttachmentPass(db.handle)
    const counter = { pages: 0 }
    const sourceById = new Map(opts.sources.map((s) => [s.id, s]))
    const counts = yield* loadUnits({
      runId,
      units: archiveUnits(archive.responses, sourceById, attachments, counter),
      onBatch: (c: LoadCounts) => opts.onBatch?.(c.articles),
    })
    const attached = yield* Effect.tryPromise({
      try: () => attachments.finish(EXTRACTOR_VERSION),
      catch: (e) => stageError('attachments', e, 'writing attachments failed'),
    })
    const summary: ProcessSummary = {
      pages: counter.pages,
      articles: counts.articles,
      failures: counts.failures,
      skipped_not_article: counts.skipped_not_article,
      attachments: attached,
    }
    yield* db.recordStage(runId, 'parse_extract_load', {
      items_in: counter.pages,
      items_out: counts.articles,
      failures: counts.failures,
      elapsed_ms: (yield* Clock.currentTimeMillis) - started,
      started_at: new Date(started).toISOString(),
      details: summary,
    })
    return summary
  })
