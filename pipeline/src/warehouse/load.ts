/**
 * Bulk loading. One transaction per batch deletes the batch's articles' old rows everywhere and appends
 * the new ones straight into the tables (DuckDB appender, a data chunk at a time: the appender writes in
 * the connection's open transaction), so a reparsed article replaces its rows and a crash mid-batch
 * leaves the previous state intact. Only the batch's article ids and URLs are staged (TEMP table).
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { EXTRACTOR_VERSION_ENV } from '../domain/extraction.ts'
import type { SourceConfig } from '../domain/source.ts'
import { buildProvinceIndex, type ProvinceCodes, type ProvinceIndex } from './attribution.ts'
import { inTransaction, queryRows, type Warehouse } from './db.ts'
import {
  buildRows,
  emptyRows,
  InvalidItemError,
  type LoadItem,
  type AttributionContext,
  type RowContext,
  type TableRows,
} from './rows.ts'
import { EVENT_PART } from './resolve-events.ts'
import { appendRows } from './append.ts'
import { type CellValue, LOADED_TABLES, type LoadedTable } from './tables.ts'

export interface LoadOptions {
  /** Recorded on every extracted fact; default: $THIDUA_EXTRACTOR_VERSION or "unknown". */
  readonly extractorVersion?: string
}

export interface LoadResult {
  readonly loaded: number
  readonly rows: Record<LoadedTable, number>
  /** Items that could not be loaded, with the reason; they are also written to parse_failures. */
  readonly rejected: ReadonlyArray<{ url: string | null; reason: string }>
}

const TABLES = Object.keys(LOADED_TABLES) as LoadedTable[]
const URL_COLUMN = LOADED_TABLES.articles.findIndex(([name]) => name === 'url')
const stagingReady = new WeakSet<DuckDBConnection>()
const provinceCache = new WeakMap<DuckDBConnection, ProvinceIndex>()

const ensureStaging = async (conn: DuckDBConnection) => {
  if (stagingReady.has(conn)) return
  await conn.run('CREATE OR REPLACE TEMP TABLE stage_ids (article_id VARCHAR, url VARCHAR)')
  stagingReady.add(conn)
}

/** The batch's article ids and URLs, for the set-based statements around the appends. */
const stageIds = async (conn: DuckDBConnection, byId: ReadonlyMap<string, TableRows>) => {
  await conn.run('DELETE FROM temp.stage_ids')
  const app = await conn.createAppender('stage_ids', null, 'temp')
  try {
    appendRows(
      app,
      [
        ['article_id', 'text'],
        ['url', 'text'],
      ],
      [...byId].map(([id, rows]) => [id, rows.articles[0]?.[URL_COLUMN] ?? null])
    )
    app.flushSync()
  } finally {
    app.closeSync()
  }
}

export const provinceIndexFor = async (conn: DuckDBConnection): Promise<ProvinceIndex> => {
  const cached = provinceCache.get(conn)
  if (cached) return cached
  const lineage = (await queryRows(
    conn,
    'SELECT old_code, new_code FROM province_lineage'
  )) as unknown as Array<{
    old_code: string
    new_code: string
  }>
  const idx = buildProvinceIndex(lineage)
  provinceCache.set(conn, idx)
  return idx
}

const sourceCodes = async (conn: DuckDBConnection): Promise<Map<string, ProvinceCodes>> => {
  const rows = await queryRows(conn, 'SELECT source_id, province_code_2008, province_code_2025 FROM sources')
  return new Map(
    rows.map((r) => [
      String(r.source_id),
      {
        code_2008: (r.province_code_2008 as string | null) ?? null,
        code_2025: (r.province_code_2025 as string | null) ?? null,
      },
    ])
  )
}

/** What the Attributor stage and the load read to decide an article's province. */
export const attributionContext = async (conn: DuckDBConnection): Promise<AttributionContext> => ({
  provinces: await provinceIndexFor(conn),
  sources: await sourceCodes(conn),
})

/** Replaces the configured sources (by id); attribution of later loads uses their provinces. */
export const upsertSources = async (wh: Warehouse, sources: ReadonlyArray<SourceConfig>): Promise<void> => {
  await inTransaction(wh.conn, async () => {
    await wh.conn.run('CREATE OR REPLACE TEMP TABLE stage_sources AS SELECT * FROM main.sources LIMIT 0')
    const app = await wh.conn.createAppender('stage_sources', null, 'temp')
    for (const s of sources) {
      for (const v of [
        s.id,
        s.name,
        s.kind ?? null,
        s.platform,
        s.base_url,
        s.province_code_2008,
        s.province_code_2025,
      ]) {
        if (v === null || v === undefined) app.appendNull()
        else app.appendVarchar(v)
      }
      app.endRow()
    }
    app.flushSync()
    app.closeSync()
    await wh.conn.run('DELETE FROM main.sources WHERE source_id IN (SELECT source_id FROM stage_sources)')
    await wh.conn.run('INSERT INTO main.sources SELECT * FROM stage_sources')
  })
}

export const loadBatch = async (
  wh: Warehouse,
  runId: string,
  items: ReadonlyArray<LoadItem>,
  opts: LoadOptions = {}
): Promise<LoadResult> => {
  const conn = wh.conn
  await ensureStaging(conn)
  const ctx: RowContext = {
    ...(await attributionContext(conn)),
    extractorVersion: opts.extractorVersion ?? process.env[EXTRACTOR_VERSION_ENV] ?? 'unknown',
  }
  // Last occurrence of a URL in the batch wins, as it would across batches.
  const byId = new Map<string, TableRows>()
  const rejected: Array<{ url: string | null; reason: string }> = []
  for (const item of items) {
    const local = emptyRows()
    try {
      const id = buildRows(ctx, item, local)
      byId.delete(id)
      byId.set(id, local)
    } catch (e) {
      if (!(e instanceof InvalidItemError)) throw e
      const url = typeof item?.article?.url === 'string' && item.article.url !== '' ? item.article.url : null
      rejected.push({ url, reason: `load: ${e.message}` })
    }
  }
  const counts = await loggedOnly(conn, () =>
    inTransaction(conn, async () => {
      const written = await writeBatch(conn, byId)
      if (rejected.length) await recordFailures(conn, runId, rejected)
      await conn.run('UPDATE pipeline_runs SET articles_loaded = articles_loaded + $1 WHERE run_id = $2', [
        byId.size,
        runId,
      ])
      return written
    })
  )
  return { loaded: byId.size, rows: counts, rejected }
}

/**
 * WAL size up to which a batch's COMMIT only appends to the log (DuckDB's default checkpoints past
 * 16 MB, i.e. every fourth batch of 1,000 generated articles, ~3.8 MB of log each, and every
 * checkpoint rewrites the tables' last, partly filled row groups). 256 MB is ~65,000 articles between
 * checkpoints: a few filled row groups of the largest tables each time, a bounded replay after a
 * crash, bounded memory of logged rows.
 */
export const LOAD_CHECKPOINT_THRESHOLD = '256MB'

/**
 * Runs the batch's transaction with LOAD_CHECKPOINT_THRESHOLD, then restores DuckDB's default, so
 * finalize's commit still checkpoints what the loads logged (its schema changes must not stay in the
 * log, see duck-file.ts).
 */
const loggedOnly = async <A>(conn: DuckDBConnection, body: () => Promise<A>): Promise<A> => {
  await conn.run(`SET checkpoint_threshold = '${LOAD_CHECKPOINT_THRESHOLD}'`)
  try {
    return await body()
  } finally {
    await conn.run('RESET checkpoint_threshold')
  }
}

/** Inside the batch's transaction: old rows of its articles out, its rows appended, the queue filled. */
const writeBatch = async (
  conn: DuckDBConnection,
  byId: ReadonlyMap<string, TableRows>
): Promise<Record<LoadedTable, number>> => {
  await stageIds(conn, byId)
  const mine = 'article_id IN (SELECT article_id FROM temp.stage_ids)'
  // Most batches are new pages: only scan the mention tables for old rows when some article exists.
  const existing = Number(
    (await queryRows(conn, `SELECT count(*) AS n FROM main.articles WHERE ${mine}`))[0]?.n ?? 0
  )
  if (existing > 0) {
    await recordStaleKeys(conn)
    for (const t of TABLES) await conn.run(`DELETE FROM main.${t} WHERE ${mine}`)
  }
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<LoadedTable, number>
  for (const t of TABLES) {
    const rows: CellValue[][] = []
    for (const local of byId.values()) for (const row of local[t]) rows.push(row)
    const app = await conn.createAppender(t, 'main')
    try {
      counts[t] = appendRows(app, LOADED_TABLES[t], rows)
      app.flushSync()
    } finally {
      app.closeSync()
    }
  }
  await conn.run('INSERT INTO finalize_pending SELECT article_id FROM temp.stage_ids')
  await conn.run('DELETE FROM parse_failures WHERE url IN (SELECT url FROM temp.stage_ids)')
  return counts
}

/**
 * What a replaced article's old rows touched, kept for the incremental finalize (migration 0620): its
 * documents and events, its LSH buckets and its aggregate cell. The rows themselves are deleted next.
 */
const recordStaleKeys = async (conn: DuckDBConnection) => {
  const mine = 'article_id IN (SELECT article_id FROM temp.stage_ids)'
  await conn.run(`INSERT INTO finalize_stale_ids
    SELECT DISTINCT 'document', document_id FROM main.document_mentions WHERE ${mine}
    UNION SELECT DISTINCT 'event', event_id FROM main.event_mentions WHERE event_id IS NOT NULL AND ${mine}
    UNION SELECT DISTINCT 'event_part', ${EVENT_PART} FROM main.event_mentions em
      WHERE event_id IS NOT NULL AND ${mine}`)
  await conn.run(`INSERT INTO finalize_stale_bands SELECT band, bucket FROM main.article_bands WHERE ${mine}`)
  await conn.run(`INSERT INTO finalize_stale_cells
    SELECT province_code_2008, province_code_2025, date_trunc('month', published_date)::DATE, source_id, origin
    FROM main.articles WHERE ${mine}`)
}

const recordFailures = async (
  conn: DuckDBConnection,
  runId: string,
  failures: ReadonlyArray<{ url: string | null; reason: string; source_id?: string | null }>
) => {
  for (const f of failures) {
    if (f.url === null) continue
    // Few rows (failures only), so a keyed upsert per row is fine here.
    await conn.run(
      `INSERT INTO parse_failures (url, source_id, reason, run_id, failed_at, attempts)
       VALUES ($1, $2, $3, $4, now(), 1)
       ON CONFLICT (url) DO UPDATE SET reason = excluded.reason, run_id = excluded.run_id,
         failed_at = excluded.failed_at, attempts = parse_failures.attempts + 1`,
      [f.url, f.source_id ?? null, f.reason, runId]
    )
  }
}

/** Records pages that did not parse (retried on the next run; cleared when the page loads). */
export const recordParseFailures = async (
  wh: Warehouse,
  runId: string,
  failures: ReadonlyArray<{ url: string; reason: string; source_id?: string | null }>
): Promise<void> => {
  await inTransaction(wh.conn, () => recordFailures(wh.conn, runId, failures))
}
