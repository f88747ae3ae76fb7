/**
 * Parse → extract → load for a stream of units (archived pages for `run`/`reparse`, saved pages and
 * article records for `ingest`). Pages are parsed in chunks on the worker pool while this thread
 * extracts and loads the chunk before, so both cores work; results are consumed in input order, so
 * the warehouse gets the same batches as a one-thread parse. Each batch is one transaction.
 */
import { Effect } from 'effect'
import type { ArticleRecord } from '../domain/article.ts'
import { EXTRACTOR_VERSION, extract } from '../extract/extract.ts'
import { isNotArticle, type PageInput, type PageResult } from '../parse/parse-many.ts'
import { type LoadItem, type Warehouse, loadBatch, recordParseFailures } from '../warehouse/index.ts'
import type { ChunkParser } from './parse-workers.ts'

/** One thing to load: a page to parse, an article already parsed, or a known outcome. */
export type Unit =
  | {
      readonly kind: 'page'
      readonly source_id: string | null
      readonly record_id: string | null
      readonly input: PageInput
    }
  | { readonly kind: 'record'; readonly article: ArticleRecord }
  | { readonly kind: 'skip' }
  | {
      readonly kind: 'failed'
      readonly url: string
      readonly source_id: string | null
      readonly reason: string
    }

export interface LoadCounts {
  articles: number
  failures: number
  skipped_not_article: number
}

const BATCH_SIZE = 500
/** Pages sent to the pool at once: enough to keep every worker busy while this thread extracts. */
const CHUNK_PAGES = 128

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The date the extractor anchors relative expressions to ("Chiều 5/3" → the publication year). */
const anchorDate = (a: ArticleRecord): string | null => a.published_at?.slice(0, 10) ?? null

class Sink {
  readonly counts: LoadCounts = { articles: 0, failures: 0, skipped_not_article: 0 }
  private batch: LoadItem[] = []
  private failed: Array<{ url: string; reason: string; source_id: string | null }> = []

  constructor(
    private readonly wh: Warehouse,
    private readonly runId: string,
    private readonly onBatch?: (counts: LoadCounts) => void
  ) {}

  get full(): boolean {
    return this.batch.length + this.failed.length >= BATCH_SIZE
  }

  fail(url: string, source_id: string | null, reason: string): void {
    this.failed.push({ url, reason, source_id })
  }

  /** Extracts from the body the warehouse stores (spans index into it) and queues the rows. */
  article(record: ArticleRecord, record_id: string | null): void {
    try {
      const extraction = extract(record.body_text, { id: record.url, published: anchorDate(record) })
      this.batch.push({ article: record, extraction, archive_record_id: record_id })
    } catch (e) {
      // An extractor bug on one page must not stop the run: record it and go on.
      this.fail(record.url, record.source_id, `unexpected error: ${message(e)}`)
    }
  }

  consume(unit: Unit, parsed: PageResult | undefined): void {
    if (unit.kind === 'skip') this.counts.skipped_not_article++
    else if (unit.kind === 'failed') this.fail(unit.url, unit.source_id, unit.reason)
    else if (unit.kind === 'record') this.article(unit.article, null)
    else if (!parsed) this.fail(unit.input.url, unit.source_id, 'unexpected error: no parse result')
    else if (isNotArticle(parsed)) this.counts.skipped_not_article++
    else if (!parsed.ok) this.fail(unit.input.url, unit.source_id, parsed.reason)
    else
      this.article(
        { ...parsed.article, source_id: parsed.article.source_id ?? unit.source_id },
        unit.record_id
      )
  }

  readonly flush = Effect.suspend(() => {
    const batch = this.batch
    const failed = this.failed
    this.batch = []
    this.failed = []
    return Effect.gen(this, function* () {
      if (batch.length > 0)
        yield* loadBatch(this.wh, this.runId, batch, { extractorVersion: EXTRACTOR_VERSION })
      if (failed.length > 0) yield* recordParseFailures(this.wh, this.runId, failed)
      this.counts.articles += batch.length
      this.counts.failures += failed.length
      this.onBatch?.(this.counts)
    })
  })
}

interface Chunk {
  readonly units: ReadonlyArray<Unit>
  readonly results: Promise<PageResult[]>
}

const submit = (parse: ChunkParser, units: Unit[]): Chunk => {
  const inputs = units.flatMap((u) => (u.kind === 'page' ? [u.input] : []))
  const results = inputs.length > 0 ? parse(inputs) : Promise.resolve([])
  // Consumed later by drain; a rejection before then must not count as unhandled.
  results.catch(() => {})
  return { units, results }
}

const drain = (sink: Sink, chunk: Chunk) =>
  Effect.gen(function* () {
    const results = yield* Effect.tryPromise({
      try: () => chunk.results,
      catch: (e) => new Error(`parsing failed: ${message(e)}`),
    })
    let at = 0
    for (const unit of chunk.units) {
      sink.consume(unit, unit.kind === 'page' ? results[at++] : undefined)
      if (sink.full) yield* sink.flush
    }
  })

/** Loads every unit of `units` in order; returns the counts once the last batch is committed. */
export const loadUnits = (opts: {
  readonly wh: Warehouse
  readonly runId: string
  readonly units: AsyncIterable<Unit>
  readonly parse: ChunkParser
  readonly onBatch?: (counts: LoadCounts) => void
}) =>
  Effect.gen(function* () {
    const sink = new Sink(opts.wh, opts.runId, opts.onBatch)
    const iterator = opts.units[Symbol.asyncIterator]()
    let pending: Chunk | null = null
    let units: Unit[] = []
    let pages = 0
    while (true) {
      const next = yield* Effect.tryPromise({
        try: () => iterator.next(),
        catch: (e) => new Error(message(e)),
      })
      if (!next.done) {
        units.push(next.value)
        if (next.value.kind === 'page') pages++
        if (pages < CHUNK_PAGES) continue
      }
      // Start parsing this chunk before loading the previous one, so the workers never wait.
      const chunk = submit(opts.parse, units)
      units = []
      pages = 0
      if (pending) yield* drain(sink, pending)
      pending = chunk
      if (next.done) break
    }
    if (pending) yield* drain(sink, pending)
    yield* sink.flush
    return sink.counts
  })
