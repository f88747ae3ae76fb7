/**
 * After a run's batches are loaded: near-duplicate clusters (clusters.ts), document and event resolution
 * (resolve-documents.ts, resolve-events.ts), relations, the search index, the source-health view and the
 * published aggregates. Incremental by default (issue #17): only what the articles loaded since the last
 * finalize touch is rebuilt (changes.ts says what, and when a full rebuild is due instead); `full`
 * rebuilds everything. Either way the tables equal a full rebuild over the same rows (tested).
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import { buildPublishedAggregates } from './aggregates.ts'
import { type ChangeSet, prepareChanges, recordFinalized } from './changes.ts'
import { buildClusters } from './clusters.ts'
import { buildDocumentList } from './document-list.ts'
import { reapplyComments } from './comments.ts'
import { inTransaction, queryRows, type Warehouse } from './db.ts'
import { resolveRelations } from './relations.ts'
import { resolveDocuments } from './resolve-documents.ts'
import { resolveEvents } from './resolve-events.ts'

export { DUPLICATE_THRESHOLD } from './clusters.ts'

export interface FinalizeSummary {
  readonly articles: number
  readonly clusters: number
  readonly duplicates: number
  readonly documents: number
  readonly events: number
  readonly event_conflicts: number
  readonly search_terms: number
  /** full or incremental, and why full. */
  readonly mode: string
  /** Articles finalize treated as new or changed (all of them when full). */
  readonly changed: number
}

export interface FinalizeOptions {
  /** Rebuild everything, not only what changed since the last finalize. */
  readonly full?: boolean
}

/**
 * Token postings per article. Incremental: the changed articles' postings are replaced, and the document
 * frequency of every token they had or have is recounted. Appended postings are not in token order (the
 * full build sorts them for zone maps), so a periodic full finalize keeps lookups fastest.
 */
const buildSearchIndex = async (conn: DuckDBConnection, full: boolean) => {
  const mine = full ? 'true' : 'article_id IN (SELECT article_id FROM temp.fin_changed)'
  if (!full)
    await conn.run(
      `CREATE OR REPLACE TEMP TABLE fin_tokens AS SELECT DISTINCT token FROM search_terms WHERE ${mine}`
    )
  for (const t of ['search_terms', 'search_docs']) await conn.run(`DELETE FROM ${t} WHERE ${mine}`)
  // Sorted by token so DuckDB's zone maps skip most row groups when a query looks tokens up.
  await conn.run(`INSERT INTO search_terms
    SELECT token, article_id, count(*) FILTER (WHERE f = 't')::INTEGER, count(*) FILTER (WHERE f = 'b')::INTEGER
    FROM (
      SELECT article_id, 't' AS f, unnest(thidua_tokens(title)) AS token FROM articles WHERE ${mine}
      UNION ALL
      SELECT article_id, 'b' AS f, unnest(thidua_tokens(body_text)) AS token FROM articles WHERE ${mine}
    )
    GROUP BY token, article_id ORDER BY token, article_id`)
  await conn.run(`INSERT INTO search_docs
    SELECT article_id, sum(tf_title)::INTEGER, sum(tf_body)::INTEGER FROM search_terms WHERE ${mine}
    GROUP BY article_id ORDER BY article_id`)
  if (!full)
    await conn.run(
      `INSERT INTO temp.fin_tokens SELECT DISTINCT token FROM search_terms WHERE ${mine} EXCEPT SELECT token FROM temp.fin_tokens`
    )
  const tokens = full ? 'true' : 'token IN (SELECT token FROM temp.fin_tokens)'
  await conn.run(`DELETE FROM search_df WHERE ${tokens}`)
  await conn.run(`INSERT INTO search_df SELECT token, count(*)::INTEGER FROM search_terms WHERE ${tokens}
    GROUP BY token ORDER BY token`)
  await conn.run('DELETE FROM search_stats')
  await conn.run(`INSERT INTO search_stats
    SELECT (SELECT count(*) FROM articles), coalesce(avg(title_len), 0), coalesce(avg(body_len), 0) FROM search_docs`)
}

const pickColumn = (have: ReadonlySet<string>, names: ReadonlyArray<string>): string | null =>
  names.find((n) => have.has(n)) ?? null

/**
 * v_source_health adapts to the crawler's `fetches` columns (owned by the crawl migrations), so the
 * view exists with or without a crawl.
 */
export const createSourceHealthView = async (conn: DuckDBConnection): Promise<void> => {
  const cols = new Set(
    (
      await queryRows(
        conn,
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'fetches'`
      )
    ).map((r) => String(r.column_name))
  )
  const src = pickColumn(cols, ['source_id', 'source'])
  const at = pickColumn(cols, ['fetched_at', 'finished_at', 'completed_at', 'started_at', 'at', 'ts'])
  const status = pickColumn(cols, ['status', 'http_status', 'status_code'])
  const err = pickColumn(cols, ['error', 'error_message', 'reason'])
  const ok = [status ? `f.${status} BETWEEN 200 AND 399` : 'true', err ? `f.${err} IS NULL` : 'true'].join(
    ' AND '
  )
  const fetchAgg = src
    ? `SELECT f.${src} AS source_id,
         max(${at ? `f.${at}` : 'NULL::TIMESTAMPTZ'}) FILTER (WHERE ${ok}) AS last_success,
         count(*) AS fetched,
         count(*) FILTER (WHERE NOT (${ok})) AS failed,
         ${err ? `last(f.${err} ORDER BY ${at ? `f.${at}` : `f.${err}`}) FILTER (WHERE f.${err} IS NOT NULL)` : 'NULL::VARCHAR'} AS last_error
       FROM fetches f GROUP BY f.${src}`
    : 'SELECT NULL::VARCHAR AS source_id, NULL::TIMESTAMPTZ AS last_success, 0 AS fetched, 0 AS failed, NULL::VARCHAR AS last_error WHERE false'
  await conn.run(`CREATE OR REPLACE VIEW v_source_health AS
    WITH fx AS (${fetchAgg}),
    ax AS (SELECT source_id, count(*) AS articles, max(published_date) AS last_published FROM articles GROUP BY source_id),
    px AS (SELECT source_id, count(*) AS parse_failures FROM parse_failures GROUP BY source_id),
    ids AS (SELECT source_id FROM sources UNION SELECT source_id FROM fx UNION SELECT source_id FROM ax WHERE source_id IS NOT NULL)
    SELECT ids.source_id, s.name, s.kind, fx.last_success, coalesce(fx.fetched, 0) AS fetched,
      coalesce(fx.failed, 0) AS failed, fx.last_error,
      coalesce(ax.articles, 0) AS articles, ax.last_published, coalesce(px.parse_failures, 0) AS parse_failures
    FROM ids LEFT JOIN sources s USING (source_id) LEFT JOIN fx USING (source_id)
      LEFT JOIN ax USING (source_id) LEFT JOIN px USING (source_id)`)
  // CREATE OR REPLACE VIEW drops the view's comments (view-comments.tsv).
  await reapplyComments(conn, ['v_source_health'])
}

const summarize = async (conn: DuckDBConnection, changes: ChangeSet): Promise<FinalizeSummary> => {
  const [r] = await queryRows(
    conn,
    `SELECT (SELECT count(*) FROM articles) AS articles,
      (SELECT count(DISTINCT cluster_id) FROM article_clusters) AS clusters,
      (SELECT count(*) FROM article_clusters WHERE NOT is_representative) AS duplicates,
      (SELECT count(*) FROM documents) AS documents,
      (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM event_conflicts) AS event_conflicts,
      (SELECT count(*) FROM search_terms) AS search_terms`
  )
  const n = (k: string) => Number(r?.[k] ?? 0)
  return {
    articles: n('articles'),
    clusters: n('clusters'),
    duplicates: n('duplicates'),
    documents: n('documents'),
    events: n('events'),
    event_conflicts: n('event_conflicts'),
    search_terms: n('search_terms'),
    mode: changes.full ? `full: ${changes.reason}` : 'incremental',
    changed: changes.changed,
  }
}

export const finalizeRun = async (
  wh: Warehouse,
  _runId: string,
  opts: FinalizeOptions = {}
): Promise<FinalizeSummary> => {
  const conn = wh.conn
  const changes = await inTransaction(conn, async () => {
    const changes = await prepareChanges(conn, opts.full === true)
    const full = changes.full
    if (full || changes.changed > 0) {
      await buildClusters(conn, full)
      await resolveDocuments(conn, full)
      await resolveEvents(conn, full)
      await resolveRelations(conn, full)
      await buildSearchIndex(conn, full)
      // after clusters and resolution: the dashboard's precomputed counts (issue #17)
      await buildPublishedAggregates(conn, full)
    }
    await buildDocumentList(conn, full ? 'full' : changes.changed > 0 ? 'incremental' : 'unchanged')
    await createSourceHealthView(conn)
    await recordFinalized(conn, changes)
    return changes
  })
  return summarize(conn, changes)
}
