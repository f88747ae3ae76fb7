/**
 * Documents (central and provincial) and which provinces cite each. `display_symbol` is the number as
 * written in Vietnamese (138/KH-UBND, 41-CT/TW) and `label` adds the type (Kế hoạch 138/KH-UBND).
 */
const DOCUMENT_COLUMNS = `d.document_id, d.type, d.number, d.symbol, d.display_symbol, d.label,
  CAST(d.issued_on AS VARCHAR) AS issued_on, d.issuer, d.is_central, d.province_code_2008, d.province_code_2025,
  d.mention_count, d.article_count, CAST(d.first_cited AS VARCHAR) AS first_cited, CAST(d.last_cited AS VARCHAR) AS last_cited,
  (SELECT name_vi FROM provinces pp WHERE pp.code = d.province_code_2025 AND pp.system = '2025') AS province_name`

const DOCUMENT_CITES = `
  SELECT document_id, count(DISTINCT province_code) AS citing_provinces
  FROM v_document_citations WHERE system = $system GROUP BY document_id`

/** The direct documents list (queries/document-list.ts reads the precomputed one). */
export const DOCUMENTS_SQL = (extraWhere: string) => `
WITH cites AS (${DOCUMENT_CITES}),
d AS (
  SELECT ${DOCUMENT_COLUMNS}, coalesce(c.citing_provinces, 0) AS citing_provinces
  FROM documents d LEFT JOIN cites c USING (document_id)
  WHERE (CAST($type AS VARCHAR) IS NULL OR d.type = $type)
    AND (CAST($level AS VARCHAR) IS NULL OR ($level = 'central') = coalesce(d.is_central, false))
    AND ($year IS NULL OR year(d.issued_on) = $year)
    AND (CAST($q AS VARCHAR) IS NULL
      OR thidua_fold(concat_ws(' ', d.label, d.display_symbol, d.number || '/' || d.symbol, d.issuer)) LIKE '%' || thidua_fold($q) || '%')
    ${extraWhere}
)
SELECT *, count(*) OVER () AS total FROM d
ORDER BY article_count DESC NULLS LAST, mention_count DESC NULLS LAST, issued_on DESC NULLS LAST, document_id
LIMIT $limit OFFSET $offset`

export const DOCUMENT_SQL = `SELECT ${DOCUMENT_COLUMNS} FROM documents d WHERE d.document_id = $id`

/** `citations`: v_document_citations or a relation with its columns (the aggregate's sums). */
export const DOCUMENT_CITATIONS_SQL = (citations = 'v_document_citations') => `
SELECT v.province_code, p.name_vi AS province_name, v.citing_articles,
  CAST(v.first_cited AS VARCHAR) AS first_cited, CAST(v.last_cited AS VARCHAR) AS last_cited
FROM ${citations} v LEFT JOIN provinces p ON p.code = v.province_code AND p.system = v.system
WHERE v.document_id = $id AND v.system = $system ORDER BY v.citing_articles DESC, v.province_code`

/** Citations of every central document per province (the documents view's matrix). */
export const CENTRAL_CITATIONS_SQL = (citations = 'v_document_citations') => `
SELECT v.document_id, coalesce(d.display_symbol, d.label) AS label, v.province_code, p.name_vi AS province_name,
  v.citing_articles
FROM ${citations} v JOIN documents d USING (document_id)
LEFT JOIN provinces p ON p.code = v.province_code AND p.system = v.system
WHERE v.system = $system AND d.is_central
ORDER BY v.document_id, v.province_code`
