/**
 * Parse → extract → load for a stream of units (archived pages for `run`/`reparse`, saved pages and
 * article records for `ingest`), as one Effect Stream in bounded memory: units in chunks to the page
 * pool (page-pool.ts: parse + extract on every core, a few chunks in flight), outcomes back in input
 * order, rows to the warehouse in batches while the pool works on the next chunks. In order, so the
 * warehouse gets the same batches whatever the number of threads. Each batch is one transaction.
 * The stages are the run's services: Parser (the pool), Extractor (in the pool's work, or here when it
 * does not run there), Attributor (each batch before its load), WarehouseService (the load).
 */
import { Chunk, Effect, Stream } from 'effect'
import { type LoadItem, type WarehouseOps, WarehouseService } from '../warehouse/index.ts'
import type { PagePool } from './page-pool.ts'
import { knownOutcome, type Outcome, type Unit, type Work } from './page-work.ts'
import { Attributor, type AttributorShape } from './services/attributor.ts'
import { stageError } from './services/errors.ts'
import { Extractor, type ExtractorShape } from './services/extractor.ts'
import { Parser } from './services/parser.ts'

export type { Unit } from './page-work.ts'

export interface LoadCounts {
  articles: number
  failures: number
  skipped_not_article: number
  /** Milliseconds spent writing batches to the warehouse (the rest of the stream overlaps with it). */
  write_ms: number
}

/** Rows per warehouse transaction (articles and failures; pages that are not articles do not count). */
const BATCH_SIZE = 1_000
/**
 * Units per message to a worker: enough to amortise messaging (the main thread spends ~6 % of a
 * worker's CPU), small enough to balance the threads: the last chunk of a stream leaves one thread
 * idle for up to a chunk, so on 600 pages 64 caps two threads at ~1.88× and 16 at ~1.97×.
 */
export const CHUNK_UNITS = 16

/** A chunk of units → their outcomes in order: work goes to the pool, the rest is known already. */
const outcomesOf = (pool: PagePool, inPool: boolean, chunk: Chunk.Chunk<Unit>) => {
  const units = Chunk.toReadonlyArray(chunk)
  const work = units.filter((u): u is Work => u.kind === 'page' || u.kind === 'record')
  // The Extractor decides whether the pool extracts; the Live one does, so its work goes as it is.
  const sent = inPool ? work : work.map((w): Work => ({ ...w, extract: false }))
  return Effect.tryPromise({
    try: () => (sent.length > 0 ? pool.run(sent) : Promise.resolve([])),
    catch: (e) => stageError('parse', e, 'parsing failed'),
  }).pipe(
    Effect.map((done) => {
      let at = 0
      return units.map((u): Outcome => knownOutcome(u) ?? (done[at++] as Outcome))
    })
  )
}

/** An article the pool parsed but did not extract, extracted by the Extractor (in this thread). */
const extractedItem = (extractor: ExtractorShape, o: Extract<Outcome, { kind: 'article' }>) =>
  Effect.map(
    extractor.extract(o.article),
    (extraction): LoadItem => ({ article: o.article, extraction, archive_record_id: o.record_id })
  )

interface Stages {
  readonly db: WarehouseOps
  readonly extractor: ExtractorShape
  readonly attributor: AttributorShape
}

/**
 * One batch of outcomes (no not-article ones): extracted where the pool did not, attributed, then one
 * load and, if any failed, one failures write.
 */
const loadOutcomes = (stages: Stages, runId: string, batch: Chunk.Chunk<Outcome>, counts: LoadCounts) =>
  Effect.gen(function* () {
    const extracted: LoadItem[] = []
    const failed: Array<{ url: string; reason: string; source_id: string | null }> = []
    for (const o of batch) {
      if (o.kind === 'item') extracted.push(o.item)
      else if (o.kind === 'article') extracted.push(yield* extractedItem(stages.extractor, o))
      else if (o.kind === 'failed') failed.push({ url: o.url, reason: o.reason, source_id: o.source_id })
    }
    const items = extracted.length > 0 ? yield* stages.attributor.attribute(extracted) : extracted
    const started = Date.now()
    if (items.length > 0)
      yield* stages.db.loadBatch(runId, items, { extractorVersion: stages.extractor.version })
    if (failed.length > 0) yield* stages.db.recordParseFailures(runId, failed)
    counts.articles += items.length
    counts.failures += failed.length
    counts.write_ms += Date.now() - started
  })

/** Loads every unit of `units` in order; returns the counts once the last batch is committed. */
export const loadUnits = <E>(opts: {
  readonly runId: string
  readonly units: Stream.Stream<Unit, E>
  readonly onBatch?: (counts: LoadCounts) => void
}) =>
  Effect.gen(function* () {
    const pool = yield* Parser
    const stages: Stages = {
      db: yield* WarehouseService,
      extractor: yield* Extractor,
      attributor: yield* Attributor,
    }
    const counts: LoadCounts = { articles: 0, failures: 0, skipped_not_article: 0, write_ms: 0 }
    let reported = -1
    const report = () => {
      const done = counts.articles + counts.failures + counts.skipped_not_article
      if (done !== reported) opts.onBatch?.(counts)
      reported = done
    }
    // Two chunks per thread in flight: each thread has the next one queued while it works.
    const inFlight = Math.max(1, pool.threads * 2)
    const inPool = stages.extractor.inPool
    yield* opts.units.pipe(
      Stream.grouped(CHUNK_UNITS),
      Stream.mapEffect((chunk) => outcomesOf(pool, inPool, chunk), { concurrency: inFlight }),
      Stream.flattenIterables,
      Stream.filter((o) => {
        if (o.kind !== 'not_article') return true
        counts.skipped_not_article++
        return false
      }),
      Stream.grouped(BATCH_SIZE),
      Stream.runForEach((batch) =>
        loadOutcomes(stages, opts.runId, batch, counts).pipe(Effect.tap(() => Effect.sync(report)))
      )
    )
    report()
    return counts
  })
