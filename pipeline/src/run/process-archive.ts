/**
 * Parse + extract + load: turns every archived article response into warehouse rows. Used by `run`
 * after the crawl and by `reparse` alone, so both go through the same code. Pages are processed in
 * batches; each batch is one warehouse transaction, so a crash leaves whole batches or nothing.
 */
import { Effect } from 'effect'
import type { ArticleRecord } from '../domain/article.ts'
import type { SourceConfig } from '../domain/source.ts'
import { type AttachmentSummary, AttachmentPass } from '../attachments/process.ts'
import { isAttachmentResponse } from '../attachments/policy.ts'
import { readArchive } from '../crawl/archive.ts'
import { decodeHtml } from '../page/decode.ts'
import { EXTRACTOR_VERSION, extract } from '../extract/extract.ts'
import { isArticlePage, parseArticle } from '../parse/parse-article.ts'
import {
  type LoadItem,
  type Warehouse,
  loadBatch,
  recordParseFailures,
  recordStage,
} from '../warehouse/index.ts'

export interface ProcessSummary {
  readonly pages: number
  readonly articles: number
  readonly failures: number
  readonly skipped_not_article: number
  readonly attachments: AttachmentSummary
}

const BATCH_SIZE = 500

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

/** The date the extractor anchors relative expressions to ("Chiều 5/3" → the publication year). */
const anchorDate = (a: ArticleRecord): string | null => a.published_at?.slice(0, 10) ?? null

export const processArchive = (opts: {
  readonly wh: Warehouse
  readonly runId: string
  readonly sources: ReadonlyArray<SourceConfig>
  readonly onBatch?: (done: number) => void
}) =>
  Effect.gen(function* () {
    const { wh, runId } = opts
    const started = Date.now()
    const sourceById = new Map(opts.sources.map((s) => [s.id, s]))
    let pages = 0
    let articles = 0
    let failures = 0
    let skipped = 0
    let batch: LoadItem[] = []
    let failed: Array<{ url: string; reason: string; source_id: string | null }> = []

    const flush = Effect.gen(function* () {
      if (batch.length > 0) yield* loadBatch(wh, runId, batch, { extractorVersion: EXTRACTOR_VERSION })
      if (failed.length > 0) yield* recordParseFailures(wh, runId, failed)
      articles += batch.length
      failures += failed.length
      batch = []
      failed = []
      opts.onBatch?.(articles)
    })

    const attachments = new AttachmentPass(wh)
    const iterator = readArchive(wh.dbFile)[Symbol.asyncIterator]()
    while (true) {
      const next = yield* Effect.tryPromise({
        try: () => iterator.next(),
        catch: (e) =>
          new Error(`reading the raw archive failed: ${e instanceof Error ? e.message : String(e)}`),
      })
      if (next.done) break
      const response = next.value
      pages++
      if (isAttachmentResponse(response.url, header(response.headers, 'content-type'), response.body)) {
        yield* Effect.tryPromise({
          try: () => attachments.add(response),
          catch: (e) =>
            new Error(`attachment ${response.url}: ${e instanceof Error ? e.message : String(e)}`),
        })
        continue
      }
      const source = sourceById.get(response.source_id)
      try {
        const { text } = decodeHtml(response.body, header(response.headers, 'content-type'))
        const article = response.is_article ?? isArticlePage(text, response.url)
        if (!article) {
          skipped++
          continue
        }
        // Relative dates ("2 giờ trước") are relative to when the page was fetched.
        const parsed = parseArticle(text, response.url, {
          ...(source ? { source } : {}),
          now: referenceTime(response.headers, response.fetched_at),
        })
        if (!parsed.ok) {
          failed.push({ url: response.url, reason: parsed.reason, source_id: response.source_id })
        } else {
          const record: ArticleRecord = {
            ...parsed.article,
            source_id: parsed.article.source_id ?? response.source_id,
          }
          // Spans index into body_text, which is what the warehouse stores and the dashboard highlights.
          const extraction = extract(record.body_text, {
            id: record.url,
            published: anchorDate(record),
          })
          batch.push({ article: record, extraction, archive_record_id: response.record_id })
        }
      } catch (e) {
        // A parser or extractor bug on one page must not stop the run: record it and go on.
        failed.push({
          url: response.url,
          reason: `unexpected error: ${e instanceof Error ? e.message : String(e)}`,
          source_id: response.source_id,
        })
      }
      if (batch.length + failed.length >= BATCH_SIZE) yield* flush
    }
    yield* flush
    const attached = yield* Effect.tryPromise({
      try: () => attachments.finish(EXTRACTOR_VERSION),
      catch: (e) => new Error(`writing attachments failed: ${e instanceof Error ? e.message : String(e)}`),
    })
    const summary: ProcessSummary = {
      pages,
      articles,
      failures,
      skipped_not_article: skipped,
      attachments: attached,
    }
    yield* recordStage(wh, runId, 'parse_extract_load', {
      items_in: pages,
      items_out: articles,
      failures,
      elapsed_ms: Date.now() - started,
      started_at: new Date(started).toISOString(),
      details: summary,
    })
    return summary
  })
