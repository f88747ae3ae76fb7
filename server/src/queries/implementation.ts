/**
 * Implementation tracking for one document (issue #16): each province's first implementing document and
 * its lag, the national median, the provinces still waiting, the chain of relations above and below,
 * and the document's own text when an attachment carries it. Views come from migration 0430.
 */

/** Every province of the unit system, answered (with its first implementing document) or not. */
export const IMPLEMENTATION_SQL = `
SELECT p.code AS province_code, p.name_vi AS province_name,
  i.implementing_document_id, d.label AS implementing_label,
  CAST(i.issued_on AS VARCHAR) AS issued_on, i.lag_days, i.date_basis, coalesce(i.via_predecessor, false) AS via_predecessor,
  CASE WHEN $system = '2025' THEN i.province_code_2008 END AS predecessor_code,
  (SELECT name_vi FROM provinces pp WHERE pp.system = '2008' AND pp.code = i.province_code_2008) AS predecessor_name,
  d.first_article_id AS article_id, a.url AS article_url, a.title AS article_title,
  w.days_waiting
FROM provinces p
LEFT JOIN v_implementation i ON i.central_document_id = $id AND i.system = p.system
  AND (CASE p.system WHEN '2008' THEN i.province_code_2008 ELSE i.province_code_2025 END) = p.code
LEFT JOIN documents d ON d.document_id = i.implementing_document_id
LEFT JOIN articles a ON a.article_id = d.first_article_id
LEFT JOIN v_implementation_pending w ON w.central_document_id = $id AND w.system = p.system AND w.province_code = p.code
WHERE p.system = $system
ORDER BY i.lag_days NULLS LAST, p.code`

export const SUMMARY_SQL = `
SELECT provinces_total, provinces_answered, median_lag_days, min_lag_days, max_lag_days
FROM v_implementation_summary WHERE central_document_id = $id AND system = $system`

/**
 * The chain: what this document carries out, amends, replaces or cites (above) and what carries it
 * out, amends, replaces or cites it (below), with the article that says so.
 */
export const CHAIN_SQL = `
WITH r AS (
  SELECT 'above' AS direction, relation, to_document_id AS other_id, to_campaign_id, to_event_id, article_id, span_start, span_end
  FROM document_relations WHERE from_document_id = $id
  UNION ALL
  SELECT 'below', relation, from_document_id, NULL, NULL, article_id, span_start, span_end
  FROM document_relations WHERE to_document_id = $id
)
SELECT r.direction, r.relation, r.other_id AS document_id, d.label, CAST(d.issued_on AS VARCHAR) AS issued_on,
  d.is_central, d.province_code_2025, r.to_campaign_id AS campaign_id, k.name_vi AS campaign_name,
  r.to_event_id AS event_id, e.label AS event_label,
  min(r.article_id) AS article_id, count(DISTINCT r.article_id) AS articles,
  min(substring(a.body_text, r.span_start + 1, least(r.span_end - r.span_start, 400))) AS evidence
FROM r LEFT JOIN documents d ON d.document_id = r.other_id
LEFT JOIN campaigns k ON k.campaign_id = r.to_campaign_id
LEFT JOIN events e ON e.event_id = r.to_event_id
LEFT JOIN articles a ON a.article_id = r.article_id
GROUP BY ALL
ORDER BY 1, 5 NULLS LAST, 4, 2`

/** Whether the published version has the tables this module reads (older versions may lack them). */
export const TABLES_PRESENT_SQL = `
SELECT table_name FROM information_schema.tables
WHERE table_schema = 'main' AND table_name IN ('v_implementation', 'document_relations', 'attachments')`

/** The document's own text, from an attachment that is this document (migration 0420). */
export const ATTACHMENT_SQL = `
SELECT attachment_id, url, media_type, article_id, left(extracted_text, 20000) AS text, text_chars
FROM attachments WHERE document_id = $id AND extracted_text IS NOT NULL
ORDER BY text_chars DESC, attachment_id LIMIT 1`

/** The attachment of each province's implementing document (one per document), when it has one. */
export const IMPLEMENTING_ATTACHMENTS_SQL = `
SELECT t.document_id, min(t.url) AS url FROM attachments t
WHERE t.document_id IN (SELECT implementing_document_id FROM v_implementation WHERE central_document_id = $id AND system = $system)
GROUP BY t.document_id`
