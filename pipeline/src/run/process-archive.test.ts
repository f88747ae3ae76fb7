/**
 * The run's stream over an archive (processArchive) through its stage services: every archived response
 * counted, the crawler's "not an article" verdict kept, the same warehouse rows with the work in this
 * thread (1) as on two worker threads (2) and with the extraction in the stream (an Extractor outside the
 * pool), the snapshot's articles loaded from an in-memory archive, and a failing stage (archive, parse,
 * extract, attribute) giving a tagged error with a reason, the run recorded as failed and only whole
 * articles loaded.
 */
import { describe, expect, it } from '@effect/vitest'
import { Effect, Layer, Stream } from 'effect'
import { ArchiveWriter, type ArchivedResponse } from '../crawl/archive.ts'
import { listSnapshotPages, readSnapshotPage } from '../snapshot/catalog.ts'
import { queryRows } from '../warehouse/db.ts'
import { WarehouseService } from '../warehouse/index.ts'
import { type PagePool, inThreadPool } from './page-pool.ts'
import { processArchive } from './process-archive.ts'
import { inOpenRun } from './run-stages.ts'
import { Archive } from './services/archive.ts'
import { Attributor } from './services/attributor.ts'
import { stageError } from './services/errors.ts'
import { Extractor, extractEffect } from './services/extractor.ts'
import { Parser } from './services/parser.ts'

const pages = listSnapshotPages()
  .filter((p) => p.status === 200 && (p.kind === 'article' || p.kind === 'listing'))
  .slice(0, 40)

/** The snapshot's pages as a crawl archives them; the last with the crawler's "not an article". */
const responses: ReadonlyArray<ArchivedResponse> = pages.map((p, i) => ({
  url: p.url,
  source_id: 'test-source',
  status: 200,
  headers: { 'content-type': p.content_type ?? 'text/html; charset=utf-8' },
  body: readSnapshotPage(p),
  fetched_at: '2025-06-01T00:00:00.000Z',
  record_id: `<urn:uuid:test-${i}>`,
  ...(i === pages.length - 1 ? { is_article: false } : {}),
}))

/** The snapshot's own kind is the truth; the last page is skipped on the crawler's verdict. */
const articlePages = pages.slice(0, -1).filter((p) => p.kind === 'article')

const writeArchive = Effect.gen(function* () {
  const db = yield* WarehouseService
  yield* Effect.promise(async () => {
    const w = new ArchiveWriter(db.handle.dbFile, 'test')
    for (const { record_id: _, ...r } of responses) await w.append(r)
    w.close()
  })
})

const tableRows = Effect.gen(function* () {
  const { conn } = (yield* WarehouseService).handle
  return yield* Effect.promise(() =>
    Promise.all([
      queryRows(conn, 'SELECT url, title, body_text, archive_record_id FROM articles ORDER BY url'),
      queryRows(
        conn,
        `SELECT a.url, d.number, d.symbol, d.span_start FROM document_mentions d JOIN articles a USING (article_id)
         ORDER BY ALL`
      ),
      queryRows(conn, 'SELECT url, reason FROM parse_failures ORDER BY url'),
    ])
  )
})

type Stages = Archive | Parser | Extractor | Attributor

/** The run's stages: the in-memory archive, parsing in this thread and the Live extractor and attributor, unless given. */
const stages = (
  o: {
    archive?: Layer.Layer<Archive, never, WarehouseService>
    parser?: Layer.Layer<Parser, unknown>
    extractor?: Layer.Layer<Extractor>
    attributor?: Layer.Layer<Attributor, never, WarehouseService>
  } = {}
): Layer.Layer<Stages, unknown, WarehouseService> =>
  Layer.mergeAll(
    o.archive ?? Archive.Test(responses),
    o.parser ?? Parser.Test,
    o.extractor ?? Extractor.Live,
    o.attributor ?? Attributor.Live
  )

/** A reparse run of processArchive with its services; the summary and the loaded rows. */
const processed = (services: Layer.Layer<Stages, unknown, WarehouseService>) =>
  inOpenRun('reparse', (_, runId) => processArchive({ runId, sources: [] })).pipe(
    Effect.provide(services),
    Effect.flatMap((summary) => Effect.map(tableRows, (rows) => ({ summary, rows })))
  )

/** The archive written to disk, read by the Live archive, parsed on `workers` threads, on a fresh warehouse. */
const processWith = (workers: number) =>
  writeArchive.pipe(
    Effect.zipRight(processed(stages({ archive: Archive.Live, parser: Parser.Live(workers) }))),
    Effect.provide(WarehouseService.Test)
  )

describe('processArchive', () => {
  it.live(
    'loads the same rows in this thread and on two worker threads, counting every response',
    () =>
      Effect.gen(function* () {
        const one = yield* processWith(1)
        const two = yield* processWith(2)
        expect(one.summary.pages).toBe(pages.length)
        expect(one.summary.articles).toBeGreaterThan(0)
        expect(one.summary.skipped_not_article).toBeGreaterThan(0)
        const { articles, failures, skipped_not_article } = one.summary
        expect(articles + failures + skipped_not_article).toBe(pages.length)
        expect(one.rows[0]).toHaveLength(one.summary.articles)
        expect(one.rows[1].length).toBeGreaterThan(0)
        // archive_record_id names the WARC record each row came from (differs per archive, so compare presence).
        expect(one.rows[0].every((r) => String(r.archive_record_id).startsWith('<urn:uuid:'))).toBe(true)
        const strip = (rows: ReadonlyArray<Record<string, unknown>>) =>
          rows.map(({ archive_record_id: _, ...r }) => r)
        expect(strip(two.rows[0])).toEqual(strip(one.rows[0]))
        expect(two.rows.slice(1)).toEqual(one.rows.slice(1))
        expect(two.summary).toEqual(one.summary)
      }),
    120_000
  )

  it.live(
    'extracts in the stream, the pool on two threads parsing only, the same rows as in the pool',
    () =>
      Effect.gen(function* () {
        let extracted = 0
        const counting = Extractor.Test((a) =>
          Effect.zipLeft(
            extractEffect(a),
            Effect.sync(() => extracted++)
          )
        )
        const inPool = yield* processed(stages()).pipe(Effect.provide(WarehouseService.Test))
        const inStream = yield* processed(stages({ parser: Parser.Live(2), extractor: counting })).pipe(
          Effect.provide(WarehouseService.Test)
        )
        expect(extracted).toBe(articlePages.length)
        expect(inPool.rows[1].length).toBeGreaterThan(0)
        expect(inStream.rows).toEqual(inPool.rows)
        expect(inStream.summary).toEqual(inPool.summary)
      }),
    120_000
  )

  it.effect(
    'loads the snapshot articles of an in-memory archive, each from its own record',
    () =>
      Effect.gen(function* () {
        const { summary, rows } = yield* processed(stages())
        expect(summary.pages).toBe(responses.length)
        const expected = articlePages
        expect(rows[0].map((r) => r.url)).toEqual(expected.map((p) => p.url).sort())
        const recordOf = new Map(responses.map((r) => [r.url, r.record_id]))
        for (const r of rows[0]) expect(r.archive_record_id).toBe(recordOf.get(String(r.url)))
        // The stage is recorded with the test's clock (Effect's Clock, never read from the machine here).
        const { conn } = (yield* WarehouseService).handle
        const stageRows = yield* Effect.promise(() =>
          queryRows(
            conn,
            `SELECT stage, epoch_ms(started_at)::INTEGER AS started, elapsed_ms::INTEGER AS elapsed_ms,
             items_in::INTEGER AS items_in, items_out::INTEGER AS items_out FROM stage_stats`
          )
        )
        expect(stageRows).toEqual([
          {
            stage: 'parse_extract_load',
            started: 0,
            elapsed_ms: 0,
            items_in: responses.length,
            items_out: expected.length,
          },
        ])
      }).pipe(Effect.provide(WarehouseService.Test)),
    120_000
  )

  const brokenPool: PagePool = {
    ...inThreadPool,
    run: () => Promise.reject(new Error('worker lost')),
  }
  // [stage, its services, pages that reach the parser before the failure, the reason].
  const provinces = Effect.gen(function* () {
    const { conn } = (yield* WarehouseService).handle
    return yield* Effect.promise(() =>
      queryRows(
        conn,
        'SELECT url, province_code_2008, province_code_2025, province_basis FROM articles ORDER BY url'
      )
    )
  })
  const attributed = (attributor: Layer.Layer<Attributor, never, WarehouseService>) =>
    processed(stages({ attributor })).pipe(Effect.zipRight(provinces), Effect.provide(WarehouseService.Test))

  it.effect(
    'the Attributor decides each province and the load writes its decision',
    () =>
      Effect.gen(function* () {
        // Live decides by the same rule the load applies to an undecided item (a pass-through stage).
        const live = yield* attributed(Attributor.Live)
        const undecided = yield* attributed(Attributor.Test(Effect.succeed))
        expect(live).toEqual(undecided)
        expect(live.filter((r) => r.province_basis !== 'none').length).toBeGreaterThan(0)
        // Whatever the stage decides is what the warehouse holds.
        const hanoi = { code_2008: '01', code_2025: '01', basis: 'text' } as const
        const forced = yield* attributed(
          Attributor.Test((items) => Effect.succeed(items.map((item) => ({ ...item, attribution: hanoi }))))
        )
        expect(forced.length).toBe(live.length)
        for (const r of forced)
          expect([r.province_code_2008, r.province_code_2025, r.province_basis]).toEqual(['01', '01', 'text'])
      }),
    120_000
  )

  const failing: ReadonlyArray<[string, Layer.Layer<Stages, unknown, WarehouseService>, number, string]> = [
    [
      'archive',
      stages({
        archive: Layer.succeed(Archive, {
          responses: Stream.concat(
            Stream.fromIterable(responses.slice(0, 5)),
            Stream.fail(stageError('archive', new Error('torn record'), 'reading the raw archive failed'))
          ),
        }),
      }),
      5,
      'reading the raw archive failed: torn record',
    ],
    ['parse', stages({ parser: Layer.succeed(Parser, brokenPool) }), 0, 'parsing failed: worker lost'],
    [
      'extract',
      stages({
        extractor: Extractor.Test((a) =>
          Effect.fail(stageError('extract', new Error('gazetteer missing'), `extracting ${a.url}`))
        ),
      }),
      0,
      `extracting ${articlePages[0]?.url}: gazetteer missing`,
    ],
    [
      'attribute',
      stages({
        attributor: Attributor.Test((items) =>
          Effect.fail(stageError('attribute', new Error(`lineage of ${items.length} articles unknown`)))
        ),
      }),
      0,
      `lineage of ${articlePages.length} articles unknown`,
    ],
  ]
  it.effect.each(failing)(
    'a failing %s stage: tagged error with the reason, run failed, only whole articles loaded',
    ([stage, layer, before, reason]) =>
      Effect.gen(function* () {
        const error = yield* Effect.flip(processed(layer))
        expect(error).toMatchObject({ _tag: 'StageError', stage, reason, message: reason })
        const { conn } = (yield* WarehouseService).handle
        const runs = yield* Effect.promise(() => queryRows(conn, 'SELECT status, error FROM pipeline_runs'))
        expect(runs).toEqual([{ status: 'failed', error: reason }])
        // A batch cut short by the failure may still commit, as one transaction: every article loaded
        // has all its rows, as a clean run over the same first pages loads them.
        const [articles, mentions, failures] = yield* tableRows
        const clean = yield* processed(stages({ archive: Archive.Test(responses.slice(0, before)) })).pipe(
          Effect.provide(WarehouseService.Test)
        )
        const loaded = new Set(articles.map((r) => r.url))
        const only = (rows: ReadonlyArray<Record<string, unknown>>) => rows.filter((r) => loaded.has(r.url))
        expect(articles).toEqual(only(clean.rows[0]))
        expect(mentions).toEqual(only(clean.rows[1]))
        expect(failures).toEqual([])
      }).pipe(Effect.provide(WarehouseService.Test)),
    120_000
  )
})
