/**
 * The `CrawlStore` stage: where the crawl's durable state lives (crawl/store.ts: the page, link, fetch
 * and run tables; the raw archive beside the database file) and the crawl that commits its outcomes
 * there. `Live` is the open warehouse's connection (`thidua run`: one file, one writer); `File` a
 * database file the crawler opens itself (`thidua crawl`); `Test` an in-memory DuckDB with the crawl
 * schema, its archive in a temporary folder removed with the scope.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { Context, Effect, Layer } from 'effect'
import { crawl as runCrawl, type CrawlOptions } from '../../crawl/crawl.ts'
import {
  applyCrawlSchema,
  CrawlStore as StoreTables,
  type KnownPage,
  openCrawlDb,
  StoreError,
} from '../../crawl/store.ts'
import { describeError } from '../../warehouse/db.ts'
import { WarehouseService } from '../../warehouse/index.ts'

/** A crawl's options without where it commits (the store decides). */
export type StoreCrawlOptions = Omit<CrawlOptions, 'dbFile' | 'connection'>

export interface CrawlStoreShape {
  /** The database file the state belongs to; the raw archive is `<dbFile>.archive/`. */
  readonly dbFile: string
  /** Crawls, committing every page outcome to this store. */
  readonly crawl: (opts: StoreCrawlOptions) => ReturnType<typeof runCrawl>
  /** Pages of these sources the store knows from earlier runs (queued, stored, failed, ...). */
  readonly known: (sourceIds: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<KnownPage>, StoreError>
}

/** The store's operations over an open connection (the crawler builds its own writer on it). */
const onConnection = (dbFile: string, conn: DuckDBConnection): CrawlStoreShape => ({
  dbFile,
  crawl: (opts) => runCrawl({ ...opts, dbFile, connection: conn }),
  known: (ids) => new StoreTables(conn, '').loadKnown(ids),
})

/** A temporary folder for the test store's raw archive, removed with the scope. */
const tempDir = Effect.acquireRelease(
  Effect.sync(() => mkdtempSync(path.join(os.tmpdir(), 'thidua-crawl-'))),
  (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
)

const memoryConnection = Effect.acquireRelease(
  Effect.tryPromise({
    try: async () => {
      const instance = await DuckDBInstance.create(':memory:')
      const conn = await instance.connect()
      await applyCrawlSchema(conn)
      return { instance, conn }
    },
    catch: (e) => new StoreError({ message: `in-memory crawl store: ${describeError(e)}` }),
  }),
  ({ instance, conn }) =>
    Effect.sync(() => {
      conn.closeSync()
      instance.closeSync()
    })
)

export class CrawlStore extends Context.Tag('thidua/CrawlStore')<CrawlStore, CrawlStoreShape>() {
  /** The open warehouse's own connection: the crawl state lives in the working database. */
  static readonly Live = Layer.effect(
    CrawlStore,
    Effect.map(WarehouseService, (db) => onConnection(db.handle.dbFile, db.handle.conn))
  )

  /** A database file the crawler opens (and closes) itself for each crawl. */
  static readonly File = (dbFile: string) =>
    Layer.succeed(CrawlStore, {
      dbFile,
      crawl: (opts) => runCrawl({ ...opts, dbFile }),
      known: (ids) =>
        Effect.scoped(
          Effect.flatMap(openCrawlDb(dbFile), ({ conn }) => new StoreTables(conn, '').loadKnown(ids))
        ),
    })

  static readonly Test = Layer.scoped(
    CrawlStore,
    Effect.gen(function* () {
      const dir = yield* tempDir
      const { conn } = yield* memoryConnection
      return onConnection(path.join(dir, 'crawl.duckdb'), conn)
    })
  )
}
