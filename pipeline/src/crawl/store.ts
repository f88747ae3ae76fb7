/**
 * Durable crawl state in DuckDB (tables from warehouse/migrations/01NN_*.sql). Every page outcome is one
 * transaction: page row + the links it yielded + newly queued pages + the fetch log row. Writes are
 * serialized because one DuckDB connection runs one transaction at a time.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import { listValue } from '@duckdb/node-api'
import { Data, Effect } from 'effect'
import { checkpointSchema, createWritableInstance } from '../warehouse/duck-file.ts'
import {
  chunked,
  FETCH_COLUMNS,
  type FetchRow,
  type KnownPage,
  type LinkRow,
  PAGE_COLUMNS,
  type PageRow,
  placeholders,
  type QueuedRow,
} from './store-rows.ts'

export type { FetchRow, KnownPage, LinkRow, PageRole, PageRow, PageState, QueuedRow } from './store-rows.ts'

export class StoreError extends Data.TaggedError('StoreError')<{ readonly message: string }> {}

const LINK_COLUMNS = ['from_url', 'to_url', 'rel'] as const
const QUEUED_COLUMNS = ['url', 'source_id', 'role', 'discovered_from'] as const

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../warehouse/migrations')

/** The crawler's own migrations (0100–0199), in order. */
export const crawlMigrationFiles = (): string[] =>
  readdirSync(migrationsDir)
    .filter((f) => /^01\d\d_.+\.sql$/.test(f))
    .sort()
    .map((f) => path.join(migrationsDir, f))

/** Apply the crawl migrations directly (idempotent); the warehouse runner applies the same files. */
export async function applyCrawlSchema(conn: DuckDBConnection): Promise<void> {
  for (const file of crawlMigrationFiles()) await conn.run(readFileSync(file, 'utf8'))
}

/** Serializes async work on the one connection (a DuckDB connection runs one transaction at a time). */
class Mutex {
  private last: Promise<unknown> = Promise.resolve()
  run<T>(f: () => Promise<T>): Promise<T> {
    const result = this.last.then(f)
    this.last = result.catch(() => undefined)
    return result
  }
}

interface PendingCommit {
  readonly page: PageRow | null
  readonly links: ReadonlyArray<LinkRow>
  readonly queued: ReadonlyArray<QueuedRow>
  readonly fetch: FetchRow | null
  readonly done: (error: StoreError | null) => void
}

export class CrawlStore {
  private readonly mutex = new Mutex()
  private pending: PendingCommit[] = []
  private flushing = false

  constructor(
    readonly conn: DuckDBConnection,
    readonly runId: string
  ) {}

  private q<T>(what: string, f: () => Promise<T>): Effect.Effect<T, StoreError> {
    return Effect.tryPromise({
      try: () => this.mutex.run(f),
      catch: (e) => new StoreError({ message: `${what}: ${e instanceof Error ? e.message : String(e)}` }),
    })
  }

  private transaction(what: string, body: (conn: DuckDBConnection) => Promise<void>) {
    return this.q(what, () => this.inTransaction(body))
  }

  private async inTransaction(body: (conn: DuckDBConnection) => Promise<void>): Promise<void> {
    await this.conn.run('BEGIN TRANSACTION')
    try {
      await body(this.conn)
      await this.conn.run('COMMIT')
    } catch (e) {
      await this.conn.run('ROLLBACK').catch(() => undefined)
      throw e
    }
  }

  /**
   * Group commit: page outcomes that arrive while a transaction runs are written together in the next
   * one, as a handful of multi-row statements (DuckDB's cost is per statement, not per row). A caller
   * resumes only after its own rows are committed, so "committed" still means durable for its page.
   */
  private grouped(item: Omit<PendingCommit, 'done'>): Effect.Effect<void, StoreError> {
    return Effect.async<void, StoreError>((resume) => {
      this.pending.push({ ...item, done: (e) => resume(e ? Effect.fail(e) : Effect.void) })
      this.kick()
    })
  }

  private kick(): void {
    if (this.flushing) return
    this.flushing = true
    void this.flushLoop()
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, 500)
      try {
        await this.mutex.run(() => this.inTransaction((c) => this.writeBatch(c, batch)))
        for (const item of batch) item.done(null)
      } catch (e) {
        const err = new StoreError({
          message: `commit of ${batch.length} page outcome(s) failed: ${e instanceof Error ? e.message : String(e)}`,
        })
        for (const item of batch) item.done(err)
      }
    }
    this.flushing = false
  }

  private async writeBatch(c: DuckDBConnection, batch: ReadonlyArray<PendingCommit>): Promise<void> {
    await this.insertQueued(
      c,
      batch.flatMap((b) => b.queued)
    )
    const pages = batch.flatMap((b) => (b.page ? [b.page] : []))
    await this.insertRows(c, 'crawl_page_log', PAGE_COLUMNS, pages, 200, (p) =>
      PAGE_COLUMNS.map((k) => p[k] as DuckDBValue)
    )
    const links = batch.flatMap((b) => b.links)
    await this.insertRows(c, 'crawl_link_log', LINK_COLUMNS, links, 500, (l) => [l.from_url, l.to_url, l.rel])
    const fetches = batch.flatMap((b) => (b.fetch ? [b.fetch] : []))
    await this.insertRows(c, 'crawl_fetches', FETCH_COLUMNS, fetches, 300, (f) =>
      FETCH_COLUMNS.map((k) => f[k] as DuckDBValue)
    )
  }

  /**
   * Rows into `table` in chunks of `size` (one statement each): `columns` from `values`, then the run id
   * (and a fixed `state` where given).
   */
  private async insertRows<T>(
    c: DuckDBConnection,
    table: string,
    columns: ReadonlyArray<string>,
    rows: ReadonlyArray<T>,
    size: number,
    values: (row: T) => ReadonlyArray<DuckDBValue>,
    state?: 'queued'
  ): Promise<void> {
    const [stateColumn, stateValue] = state ? [', state', `, '${state}'`] : ['', '']
    for (const part of chunked(rows, size))
      await c.run(
        `INSERT INTO ${table} (${columns.join(', ')}${stateColumn}, run_id)
         VALUES ${placeholders(part.length, columns.length, `${stateValue}, '${this.runId}'`)}`,
        part.flatMap(values)
      )
  }

  /** Pages of these sources known from earlier runs. */
  loadKnown(sourceIds: ReadonlyArray<string>) {
    return this.q('load crawl state', async () => {
      const reader = await this.conn.runAndReadAll(
        `SELECT url, source_id, role, state, is_article, etag, last_modified, content_hash, record_id, discovered_from,
           http_status, last_error, epoch_ms(fetched_at)::DOUBLE AS fetched_ms
         FROM crawl_page_state WHERE list_contains($1::VARCHAR[], source_id)`,
        [arrayValue(sourceIds)]
      )
      return reader.getRowObjectsJS() as unknown as KnownPage[]
    })
  }

  /** Sources whose last crawl ran to completion (incremental paging is safe for them). */
  loadCompleteSources() {
    return this.q('load source state', async () => {
      const reader = await this.conn.runAndReadAll(
        'SELECT source_id FROM crawl_source_state WHERE last_complete_run IS NOT NULL'
      )
      return new Set(reader.getRowObjectsJS().map((r) => String(r.source_id)))
    })
  }

  /** Links recorded from the pages of these sources that are not articles (replayed on 304). */
  loadListingLinks(sourceIds: ReadonlyArray<string>) {
    return this.q('load links', async () => {
      const reader = await this.conn.runAndReadAll(
        `SELECT DISTINCT l.from_url, l.to_url, l.rel
         FROM crawl_link_log l JOIN crawl_page_state p ON p.url = l.from_url
         WHERE list_contains($1::VARCHAR[], p.source_id) AND p.is_article IS NOT TRUE`,
        [arrayValue(sourceIds)]
      )
      const out = new Map<string, LinkRow[]>()
      for (const r of reader.getRowObjectsJS() as unknown as LinkRow[]) {
        const list = out.get(r.from_url)
        if (list) list.push(r)
        else out.set(r.from_url, [r])
      }
      return out
    })
  }

  /** Links recorded from one page. */
  linksFrom(url: string) {
    return this.q('load links', async () => {
      const reader = await this.conn.runAndReadAll(
        'SELECT DISTINCT from_url, to_url, rel FROM crawl_link_log WHERE from_url = $1',
        [url]
      )
      return reader.getRowObjectsJS() as unknown as LinkRow[]
    })
  }

  startRun(live: boolean) {
    return this.transaction('start crawl run', async (c) => {
      await c.run(
        `INSERT INTO crawl_runs (run_id, started_at, status, live) VALUES ($1, now(), 'running', $2)
         ON CONFLICT (run_id) DO UPDATE SET status = 'running', started_at = now(), finished_at = NULL`,
        [this.runId, live]
      )
    })
  }

  endRun(status: 'complete' | 'failed', summary: unknown, completeSources: ReadonlyArray<string>) {
    return this.transaction('end crawl run', async (c) => {
      await c.run(
        `UPDATE crawl_runs SET status = $2, finished_at = now(), summary = $3::JSON WHERE run_id = $1`,
        [this.runId, status, JSON.stringify(summary)]
      )
      for (const id of completeSources) {
        await c.run(
          `INSERT INTO crawl_source_state VALUES ($1, $2, now())
           ON CONFLICT (source_id) DO UPDATE SET last_complete_run = excluded.last_complete_run,
             last_complete_at = excluded.last_complete_at`,
          [id, this.runId]
        )
      }
    })
  }

  /** Persist frontier entries (entry points, robots sitemaps) before they are fetched. */
  enqueue(rows: ReadonlyArray<QueuedRow>) {
    if (rows.length === 0) return Effect.void
    return this.transaction('queue pages', (c) => this.insertQueued(c, rows))
  }

  /** Queued rows; the caller only queues URLs it has not seen before (the log is append-only). */
  private insertQueued(c: DuckDBConnection, rows: ReadonlyArray<QueuedRow>) {
    return this.insertRows(
      c,
      'crawl_page_log',
      QUEUED_COLUMNS,
      rows,
      300,
      (r) => [r.url, r.source_id, r.role, r.discovered_from],
      'queued'
    )
  }

  /**
   * One page outcome, atomically: the page row, the links it yielded, newly discovered pages queued,
   * and the fetch log row (absent when nothing was fetched, e.g. robots refusals).
   */
  commitPage(
    page: PageRow,
    links: ReadonlyArray<LinkRow>,
    queued: ReadonlyArray<QueuedRow>,
    fetch: FetchRow | null
  ) {
    return this.grouped({ page, links, queued, fetch })
  }

  /** A fetch that belongs to no page row (robots.txt, 304 revisits). */
  logFetch(fetch: FetchRow) {
    return this.grouped({ page: null, links: [], queued: [], fetch })
  }
}

const arrayValue = (items: ReadonlyArray<string>) => listValue([...items])

/** Open (or create) a database file for crawling and apply the crawl schema. */
export const openCrawlDb = (dbFile: string) =>
  Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        const instance = await createWritableInstance(dbFile)
        const conn = await instance.connect()
        await applyCrawlSchema(conn)
        await checkpointSchema(conn, dbFile)
        return { instance, conn }
      },
      catch: (e) =>
        new StoreError({ message: `cannot open ${dbFile}: ${e instanceof Error ? e.message : String(e)}` }),
    }),
    ({ instance, conn }) =>
      Effect.sync(() => {
        conn.closeSync()
        instance.closeSync()
      })
  )
