/**
 * Published aggregates (issue #17, migration 0500): the dashboard's counts, built once at finalize and
 * published with the warehouse, so the server's routes sum small tables instead of scanning articles
 * and mentions on every request. Grains: unit system × province × month × source × origin (articles,
 * and per campaign), document × system × province × year × source (citations), and per document the
 * number of citing provinces. Rebuilt in full from the finalized rows (a few seconds at 100k articles),
 * or incrementally: the cells (system × province × month × source × origin) of the articles finalize
 * recomputed, before and after, and the documents it rebuilt or whose citing articles changed.
 */
import type { DuckDBConnection } from '@duckdb/node-api'

const AGGREGATE_TABLES = [
  'agg_units_month',
  'agg_campaign_month',
  'agg_document_citations',
  'agg_documents',
] as const

/**
 * Cluster representatives, one row per unit system (province NULL kept; see the migration); `where`
 * filters each system's rows, given that system and its province column.
 */
const UNITS = (where: (system: string, province: string) => string) => `
  SELECT article_id, source_id, published_date, is_thidua, origin, '2008' AS system, province_code_2008 AS province_code
  FROM articles WHERE (cluster_id IS NULL OR cluster_id = article_id) AND ${where("'2008'", 'province_code_2008')}
  UNION ALL
  SELECT article_id, source_id, published_date, is_thidua, origin, '2025' AS system, province_code_2025 AS province_code
  FROM articles WHERE (cluster_id IS NULL OR cluster_id = article_id) AND ${where("'2025'", 'province_code_2025')}`

/** A cell's key; a collision only recomputes one more cell. NULLs hash alike, so NULL cells match. */
const CELL = (system = 'system', province = 'province_code') =>
  `hash(${system}, ${province}, date_trunc('month', published_date)::DATE, source_id, origin)`
const AGG_CELL = 'hash(system, province_code, month, source_id, origin)'

const ATTACHED =
  'SELECT article_id, count(*) AS n FROM attachments WHERE article_id IS NOT NULL GROUP BY article_id'
const CAMPAIGNS = 'SELECT DISTINCT article_id, campaign_id FROM campaign_mentions WHERE NOT is_candidate'

/** The cells and documents an incremental finalize must redo (see the module comment). */
const seedScope = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_agg_cells AS
    WITH a AS (
      SELECT province_code_2008, province_code_2025, published_date, source_id, origin FROM articles
      WHERE article_id IN (SELECT article_id FROM temp.fin_cluster_scope)
      UNION ALL SELECT province_code_2008, province_code_2025, month, source_id, origin FROM finalize_stale_cells
    ),
    u AS (
      SELECT '2008' AS system, province_code_2008 AS province_code, published_date, source_id, origin FROM a
      UNION ALL SELECT '2025', province_code_2025, published_date, source_id, origin FROM a
    )
    SELECT DISTINCT ${CELL()} AS cell FROM u`)
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_agg_docs AS
    SELECT document_id FROM temp.fin_docs
    UNION SELECT document_id FROM document_mentions WHERE article_id IN (SELECT article_id FROM temp.fin_cluster_scope)`)
}

const unitsTable = async (conn: DuckDBConnection, where: (system: string, province: string) => string) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_units AS
    WITH u AS (${UNITS(where)}), att AS (${ATTACHED}),
    withc AS (SELECT DISTINCT article_id FROM campaign_mentions WHERE NOT is_candidate)
    SELECT u.*, date_trunc('month', u.published_date)::DATE AS month, coalesce(att.n, 0) AS attachments,
      withc.article_id IS NOT NULL AS has_campaign
    FROM u LEFT JOIN att USING (article_id) LEFT JOIN withc USING (article_id)`)
}

/** Rebuilds the aggregates in full, or (incremental) around temp.fin_cluster_scope and temp.fin_docs. */
export const buildPublishedAggregates = async (conn: DuckDBConnection, full = true): Promise<void> => {
  if (full) for (const t of AGGREGATE_TABLES) await conn.run(`DELETE FROM ${t}`)
  else await seedScope(conn)
  const inCells = `${AGG_CELL} IN (SELECT cell FROM temp.fin_agg_cells)`
  if (!full) for (const t of AGGREGATE_TABLES.slice(0, 2)) await conn.run(`DELETE FROM ${t} WHERE ${inCells}`)
  await unitsTable(conn, (system, province) =>
    full ? 'true' : `${CELL(system, province)} IN (SELECT cell FROM temp.fin_agg_cells)`
  )
  // Sorted by the filter columns so zone maps skip row groups of other systems and provinces.
  await conn.run(`INSERT INTO agg_units_month
    SELECT system, province_code, month, source_id, origin, count(*), count(*) FILTER (WHERE is_thidua),
      count(*) FILTER (WHERE has_campaign), sum(attachments), min(published_date), max(published_date)
    FROM temp.stage_units GROUP BY ALL ORDER BY system, province_code, month`)
  await conn.run(`INSERT INTO agg_campaign_month
    SELECT u.system, u.province_code, c.campaign_id, u.month, u.source_id, u.origin, count(*),
      count(*) FILTER (WHERE u.is_thidua), sum(u.attachments), min(u.published_date), max(u.published_date)
    FROM temp.stage_units u JOIN (${CAMPAIGNS}) c USING (article_id)
    GROUP BY ALL ORDER BY u.system, c.campaign_id, u.province_code, u.month`)
  const docScope = (p: string) =>
    full ? 'true' : `${p}document_id IN (SELECT document_id FROM temp.fin_agg_docs)`
  if (!full) {
    for (const t of AGGREGATE_TABLES.slice(2)) await conn.run(`DELETE FROM ${t} WHERE ${docScope('')}`)
    await unitsTable(
      conn,
      () => `article_id IN (SELECT article_id FROM document_mentions WHERE ${docScope('')})`
    )
  }
  await buildDocumentAggregates(conn, docScope)
  await conn.run('DROP TABLE temp.stage_units')
}

const buildDocumentAggregates = async (conn: DuckDBConnection, docScope: (alias: string) => string) => {
  // As v_document_citations: units with a province only.
  await conn.run(`INSERT INTO agg_document_citations
    SELECT m.document_id, u.system, u.province_code, year(u.published_date), u.source_id, any_value(d.is_central),
      count(DISTINCT m.article_id), min(u.published_date), max(u.published_date)
    FROM document_mentions m JOIN temp.stage_units u USING (article_id) JOIN documents d USING (document_id)
    WHERE u.province_code IS NOT NULL AND ${docScope('m.')}
    GROUP BY m.document_id, u.system, u.province_code, year(u.published_date), u.source_id
    ORDER BY m.document_id, u.system, u.province_code`)
  await conn.run(`INSERT INTO agg_documents
    SELECT d.document_id,
      count(DISTINCT c.province_code) FILTER (WHERE c.system = '2008'),
      count(DISTINCT c.province_code) FILTER (WHERE c.system = '2025')
    FROM documents d LEFT JOIN agg_document_citations c USING (document_id)
    WHERE ${docScope('d.')}
    GROUP BY d.document_id ORDER BY d.document_id`)
}
