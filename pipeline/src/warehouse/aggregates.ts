/**
 * Published aggregates (issue #17, migration 0500): the dashboard's counts, built once at finalize and
 * published with the warehouse, so the server's routes sum small tables instead of scanning articles
 * and mentions on every request. Grains: unit system × province × month × source × origin (articles,
 * and per campaign), document × system × province × year × source (citations), and per document the
 * number of citing provinces. Rebuilt in full from the finalized rows (a few seconds at 100k articles).
 */
import type { DuckDBConnection } from '@duckdb/node-api'

const AGGREGATE_TABLES = [
  'agg_units_month',
  'agg_campaign_month',
  'agg_document_citations',
  'agg_documents',
] as const

/** Cluster representatives, one row per unit system (province NULL kept; see the migration). */
const UNITS = `
  SELECT article_id, source_id, published_date, is_thidua, origin, '2008' AS system, province_code_2008 AS province_code
  FROM articles WHERE cluster_id IS NULL OR cluster_id = article_id
  UNION ALL
  SELECT article_id, source_id, published_date, is_thidua, origin, '2025' AS system, province_code_2025 AS province_code
  FROM articles WHERE cluster_id IS NULL OR cluster_id = article_id`

const ATTACHED =
  'SELECT article_id, count(*) AS n FROM attachments WHERE article_id IS NOT NULL GROUP BY article_id'
const CAMPAIGNS = 'SELECT DISTINCT article_id, campaign_id FROM campaign_mentions WHERE NOT is_candidate'

export const buildPublishedAggregates = async (conn: DuckDBConnection): Promise<void> => {
  for (const t of AGGREGATE_TABLES) await conn.run(`DELETE FROM ${t}`)
  await conn.run(`CREATE OR REPLACE TEMP TABLE stage_units AS
    WITH u AS (${UNITS}), att AS (${ATTACHED}),
    withc AS (SELECT DISTINCT article_id FROM campaign_mentions WHERE NOT is_candidate)
    SELECT u.*, date_trunc('month', u.published_date)::DATE AS month, coalesce(att.n, 0) AS attachments,
      withc.article_id IS NOT NULL AS has_campaign
    FROM u LEFT JOIN att USING (article_id) LEFT JOIN withc USING (article_id)`)
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
  // As v_document_citations: units with a province only.
  await conn.run(`INSERT INTO agg_document_citations
    SELECT m.document_id, u.system, u.province_code, year(u.published_date), u.source_id, any_value(d.is_central),
      count(DISTINCT m.article_id), min(u.published_date), max(u.published_date)
    FROM document_mentions m JOIN temp.stage_units u USING (article_id) JOIN documents d USING (document_id)
    WHERE u.province_code IS NOT NULL
    GROUP BY m.document_id, u.system, u.province_code, year(u.published_date), u.source_id
    ORDER BY m.document_id, u.system, u.province_code`)
  await conn.run(`INSERT INTO agg_documents
    SELECT d.document_id,
      count(DISTINCT c.province_code) FILTER (WHERE c.system = '2008'),
      count(DISTINCT c.province_code) FILTER (WHERE c.system = '2025')
    FROM documents d LEFT JOIN agg_document_citations c USING (document_id)
    GROUP BY d.document_id ORDER BY d.document_id`)
  await conn.run('DROP TABLE temp.stage_units')
}
