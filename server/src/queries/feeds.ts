/**
 * Entries of the Atom feeds: (key, title, path, updated, summary), newest first. An article's time is
 * its publication (else the day it was loaded is unknown: its published date at noon in Việt Nam).
 */
const ARTICLE_TIME = `coalesce(a.published_at AT TIME ZONE 'UTC', CAST(a.published_date AS TIMESTAMP) + INTERVAL 5 HOUR)`

export const PROVINCE_ENTRIES_SQL = `
SELECT 'article/' || a.article_id AS key, a.title, '/articles/' || a.article_id AS path,
  strftime(${ARTICLE_TIME}, '%Y-%m-%dT%H:%M:%SZ') AS updated, a.lead AS summary
FROM articles a
WHERE a.is_thidua AND (CASE $system WHEN '2008' THEN a.province_code_2008 ELSE a.province_code_2025 END) = $code
  AND (a.cluster_id IS NULL OR a.cluster_id = a.article_id) AND ${ARTICLE_TIME} IS NOT NULL
ORDER BY ${ARTICLE_TIME} DESC, a.article_id LIMIT 50`

export const CAMPAIGN_ENTRIES_SQL = `
SELECT 'article/' || a.article_id AS key, a.title, '/articles/' || a.article_id AS path,
  strftime(${ARTICLE_TIME}, '%Y-%m-%dT%H:%M:%SZ') AS updated, a.lead AS summary
FROM articles a
WHERE a.article_id IN (SELECT article_id FROM campaign_mentions WHERE campaign_id = $id)
  AND (a.cluster_id IS NULL OR a.cluster_id = a.article_id) AND ${ARTICLE_TIME} IS NOT NULL
ORDER BY ${ARTICLE_TIME} DESC, a.article_id LIMIT 50`

export const DOCUMENT_ENTRIES_SQL = `
WITH items AS (
  SELECT 'article/' || a.article_id AS key, a.title, '/articles/' || a.article_id AS path, ${ARTICLE_TIME} AS t, a.lead AS summary
  FROM articles a WHERE a.article_id IN (SELECT article_id FROM document_mentions WHERE document_id = $id)
  UNION ALL
  SELECT 'relation/' || r.from_document_id || '/' || r.relation || '/' || $id, f.label || ' (' || r.relation || ')',
    '/documents/' || r.from_document_id, CAST(coalesce(f.issued_on, f.first_cited) AS TIMESTAMP) + INTERVAL 5 HOUR, NULL
  FROM (SELECT DISTINCT from_document_id, relation FROM document_relations WHERE to_document_id = $id) r
  JOIN documents f ON f.document_id = r.from_document_id
)
SELECT key, title, path, strftime(t, '%Y-%m-%dT%H:%M:%SZ') AS updated, summary FROM items
WHERE t IS NOT NULL ORDER BY t DESC, key LIMIT 50`

export const ALERTS_PRESENT_SQL = `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'alerts'`

export const ALERT_ENTRIES_SQL = `
SELECT 'alert/' || alert_id AS key, subject AS title,
  CASE WHEN json_extract_string(evidence, '$.document_id') IS NOT NULL THEN '/documents/' || json_extract_string(evidence, '$.document_id')
       WHEN json_extract_string(evidence, '$.article_id') IS NOT NULL THEN '/articles/' || json_extract_string(evidence, '$.article_id')
       ELSE '/pipeline' END AS path,
  strftime(fired_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS updated, CAST(evidence AS VARCHAR) AS summary
FROM alerts WHERE (CAST($rule AS VARCHAR) IS NULL OR rule_id = $rule)
ORDER BY fired_at DESC, alert_id LIMIT 50`
