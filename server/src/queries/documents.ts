/** Documents (central and provincial) and which provinces cite each. */
export const DOCUMENTS_SQL = (extraWhere: string) => `
WITH d AS (
  SELECT d.document_id, d.type, d.number, d.symbol, CAST(d.issued_on AS VARCHAR) AS issued_on, d.issuer,
    d.province_code_2025, d.mention_count,
    (SELECT count(DISTINCT v.province_code) FROM v_document_citations v WHERE v.document_id = d.document_id AND v.system = $system) AS citing_provinces
  FROM documents d
  WHERE (CAST($type AS VARCHAR) IS NULL OR d.type = $type)
    AND (CAST($level AS VARCHAR) IS NULL OR ($level = 'central') = (d.province_code_2025 IS NULL))
    AND ($year IS NULL OR year(d.issued_on) = $year)
    AND (CAST($q AS VARCHAR) IS NULL
      OR strip_accents(lower(coalesce(d.number, '') || '/' || coalesce(d.symbol, '') || ' ' || coalesce(d.issuer, '')))
        LIKE '%' || strip_accents(lower($q)) || '%')
    ${extraWhere}
)
SELECT *, count(*) OVER () AS total FROM d
ORDER BY mention_count DESC NULLS LAST, issued_on DESC NULLS LAST, document_id
LIMIT $limit OFFSET $offset`

export const DOCUMENT_SQL = `
SELECT document_id, type, number, symbol, CAST(issued_on AS VARCHAR) AS issued_on, issuer, province_code_2025, mention_count
FROM documents WHERE document_id = $id`

export const DOCUMENT_CITATIONS_SQL = `
SELECT v.province_code, p.name_vi AS province_name, v.citing_articles,
  CAST(v.first_cited AS VARCHAR) AS first_cited, CAST(v.last_cited AS VARCHAR) AS last_cited
FROM v_document_citations v LEFT JOIN provinces p ON p.code = v.province_code AND p.system = v.system
WHERE v.document_id = $id AND v.system = $system ORDER BY v.citing_articles DESC, v.province_code`

/** Citations of every central document per province (the documents view's matrix). */
export const CENTRAL_CITATIONS_SQL = `
SELECT v.document_id, d.number || '/' || d.symbol AS label, v.province_code, p.name_vi AS province_name, v.citing_articles
FROM v_document_citations v JOIN documents d USING (document_id)
LEFT JOIN provinces p ON p.code = v.province_code AND p.system = v.system
WHERE v.system = $system AND d.province_code_2025 IS NULL
ORDER BY v.document_id, v.province_code`
