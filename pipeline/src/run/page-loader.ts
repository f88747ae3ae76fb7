/**
 * Parse → extract → load for a stream of units (archived pages for `run`/`reparse`, saved pages and
 * article records for `ingest`), as one Effect Stream in bounded memory: units in chunks to the page
 * pool (page-pool.ts: parse + extract on every core, a few chunks in flight), outcomes back in input
 * order, rows to the warehouse in batches while the pool works on the next chunks. In order, so the
 * warehouse gets the same batches whatever the number of threads. Each batch is one transaction.
 */
import { Chunk, Effect, Stream } from 'effect'
import { EXTRACTOR_VERSION } from '../extract/extract.ts'
import { type LoadItem, loadBatch, recordParseFailures, type Warehouse } from '../warehouse/index.ts'
import type { PagePool } from './page-pool.ts'
import { knownOutcome, type Outcome, type Unit, type Work } from './page-work.ts'

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

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** A chunk of units → their outcomes in order: work goes to the pool, the rest is known already. */
const outcomesOf = (pool: PagePool, chunk: Chunk.Chunk<Unit>) => {
  const units = Chunk.toReadonlyArray(chunk)
  const work = units.filter((u): u is Work => u.kind === 'page' || u.kind === 'record')
  return Effect.tryPromise({
    try: () => (work.length > 0 ? pool.run(work) : Promise.resolve([])),
    catch: (e) => new Error(`parsing failed: ${message(e)}`),
  }).pipe(
    Effect.map((done) => {
      let at = 0
      return units.map((u): Outcome => knownOutcome(u) ?? (done[at++] as Outcome))
    })
  )
}

/** One batch of outcomes (no not-article ones) as one load and, if any failed, one failures write. */
const loadOutcomes = (wh: Warehouse, runId: string, batch: Chunk.Chunk<Outcome>, counts: LoadCounts) =>
  Effect.gen(function* () {
    const items: LoadItem[] = []
    const failed: Array<{ url: string; reason: string; source_id: string | null }> = []
    for (const o of batch) {
      if (o.kind === 'item') items.push(o.item)
      else if (o.kind === 'failed') failed.push({ url: o.url, reason: o.reason, source_id: o.source_id })
    }
    const started = Date.now()
    if (items.length > 0) yield* loadBatch(wh, runId, items, { extractorVersion: EXTRACTOR_VERSION })
    if (failed.length > 0) yield* recordParseFailures(wh, runId, failed)
    counts.articles += items.length
    counts.failures += failed.length
    counts.write_ms += Date.now() - started
  })

/** Loads every unit of `units` in order; returns the counts once the last batch is committed. */
export const loadUnits = (opts: {
  readonly wh: Warehouse
  readonly runId: string
  readonly units: Stream.Stream<Unit, Error>
  readonly pool: PagePool
  readonly onBatch?: (counts: LoadCounts) => void
}) =>
  Effect.gen(function* () {
    const counts: LoadCounts = { articles: 0, failures: 0, skipped_not_article: 0, write_ms: 0 }
    let reported = -1
    const report = () => {
      const done = counts.articles + counts.failures + counts.skipped_not_article
      if (done !== reported) opts.onBatch?.(counts)
      reported = done
    }
    // Two chunks per thread in flight: each thread has the next one queued while it works.
    const inFlight = Math.max(1, opts.pool.threads * 2)
    yield* opts.units.pipe(
      Stream.grouped(CHUNK_UNITS),
      Stream.mapEffect((chunk) => outcomesOf(opts.pool, chunk), { concurrency: inFlight }),
      Stream.flattenIterables,
      Stream.filter((o) => {
        if (o.kind !== 'not_article') return true
        counts.skipped_not_article++
        return false
      }),
      Stream.grouped(BATCH_SIZE),
      Stream.runForEach((batch) =>
        loadOutcomes(opts.wh, opts.runId, batch, counts).pipe(Effect.tap(() => Effect.sync(report)))
      )
    )
    report()
    return counts
  })
