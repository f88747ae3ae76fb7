/**
 * The run's crawl stage through the CrawlStore service: with the in-memory Test store the crawl's state
 * lands in the store (every fetched page known there, archived beside the store's file) and none in the
 * warehouse, which records only the `crawl` stage.
 */
import { describe, expect, it } from '@effect/vitest'
import { Effect, Layer } from 'effect'
import { readArchive } from '../crawl/archive.ts'
import { loadSources } from '../crawl/sources.ts'
import { defaultSourcesFile } from '../paths.ts'
import { queryRows } from '../warehouse/db.ts'
import { WarehouseService } from '../warehouse/index.ts'
import { crawlStage } from './run-pipeline.ts'
import { inOpenRun } from './run-stages.ts'
import { CrawlStore } from './services/crawl-store.ts'
import { withRunLogger } from './services/logger.ts'

const archived = (dbFile: string) =>
  Effect.promise(async () => {
    const urls: string[] = []
    for await (const r of readArchive(dbFile)) urls.push(r.url)
    return urls
  })

describe('crawlStage', () => {
  it.live(
    'commits the crawl to the CrawlStore (in memory here) and records the stage in the warehouse',
    () =>
      Effect.gen(function* () {
        const sources = (yield* loadSources(defaultSourcesFile)).slice(0, 1)
        const ids = sources.map((s) => s.id)
        const { summary } = yield* inOpenRun('offline', (_, runId) =>
          crawlStage(runId, sources, { live: false, maxPages: 4, quiet: true })
        )
        const store = yield* CrawlStore
        const fetched = (yield* store.known(ids)).filter((p) => p.fetched_ms !== null)
        expect(summary.totals.fetched).toBeGreaterThan(0)
        expect(fetched.map((p) => p.url).sort()).toEqual((yield* archived(store.dbFile)).sort())
        expect(fetched.every((p) => p.source_id === ids[0])).toBe(true)
        const { conn } = (yield* WarehouseService).handle
        const [inWarehouse] = yield* Effect.promise(() =>
          queryRows(conn, 'SELECT count(*)::INTEGER AS n FROM crawl_page_log')
        )
        expect(inWarehouse).toEqual({ n: 0 })
        const stages = yield* Effect.promise(() =>
          queryRows(conn, 'SELECT stage, items_out::INTEGER AS fetched FROM stage_stats')
        )
        expect(stages).toEqual([{ stage: 'crawl', fetched: summary.totals.fetched }])
      }).pipe(withRunLogger(true), Effect.provide(Layer.merge(WarehouseService.Test, CrawlStore.Test))),
    120_000
  )
})
