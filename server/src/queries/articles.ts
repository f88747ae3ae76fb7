/**
 * Article search and detail. Search goes through the warehouse's `search_articles(q)` table macro
 * (BM25, diacritics-insensitive); without `q` articles come newest first.
 */
export const ARTICLE_FILTERS = (provinceFilter: string) => `
  ${provinceFilter}
  AND ($from IS NULL OR a.published_at >= CAST($from AS DATE))
  AND ($to IS NULL OR a.published_at < CAST($to AS DATE) + INTERVAL 1 DAY)
  AND (CAST($source AS VARCHAR) IS NULL OR a.source_id = $source)
  AND (CAST($campaign AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM campaign_mentions cm WHERE cm.article_id = a.article_id AND cm.campaign_id = $campaign))
  AND (CAST($document AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM document_mentions dm WHERE dm.article_id = a.article_id AND dm.document_id = $document))
  AND (CAST($event AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM event_mentions em WHERE em.article_id = a.article_id AND em.kind = $event))`

const ARTICLE_COLUMNS = `a.article_id, a.title, CAST(a.published_at AS VARCHAR) AS published_at, a.source_id, a.url,
  a.province_code_2008, a.province_code_2025, a.origin`

export const ARTICLES_SEARCH_SQL = (filters: string) => `
WITH hits AS (SELECT * FROM search_articles($q))
SELECT ${ARTICLE_COLUMNS}, hits.score, hits.snippet, count(*) OVER () AS total
FROM hits JOIN articles a ON CAST(a.article_id AS VARCHAR) = CAST(hits.article_id AS VARCHAR)
WHERE ${filters}
ORDER BY hits.score DESC, a.published_at DESC
LIMIT $limit OFFSET $offset`

export const ARTICLES_LIST_SQL = (filters: string) => `
SELECT ${ARTICLE_COLUMNS}, NULL::DOUBLE AS score, left(a.body_text, 200) AS snippet, count(*) OVER () AS total
FROM articles a
WHERE ${filters}
ORDER BY a.published_at DESC NULLS LAST, a.article_id
LIMIT $limit OFFSET $offset`

export const ARTICLE_SQL = `
SELECT a.article_id, a.source_id, s.name AS source_name, a.url, a.title, CAST(a.published_at AS VARCHAR) AS published_at,
  a.province_code_2008, p8.name_vi AS province_name_2008, a.province_code_2025, p25.name_vi AS province_name_2025,
  a.body_text, a.origin
FROM articles a LEFT JOIN sources s USING (source_id)
LEFT JOIN provinces p8 ON p8.code = a.province_code_2008 AND p8.system = '2008'
LEFT JOIN provinces p25 ON p25.code = a.province_code_2025 AND p25.system = '2025'
WHERE CAST(a.article_id AS VARCHAR) = $id`

/** `SELECT *` so spans are picked up when the warehouse provides them for events and campaigns too. */
export const ARTICLE_MENTIONS_SQL = {
  documents: `SELECT * REPLACE (CAST(issued_on AS VARCHAR) AS issued_on) FROM document_mentions WHERE CAST(article_id AS VARCHAR) = $id`,
  events: `SELECT * FROM event_mentions WHERE CAST(article_id AS VARCHAR) = $id`,
  campaigns: `SELECT cm.*, c.name_vi FROM campaign_mentions cm LEFT JOIN campaigns c USING (campaign_id) WHERE CAST(cm.article_id AS VARCHAR) = $id`,
  times: `SELECT * FROM time_mentions WHERE CAST(article_id AS VARCHAR) = $id`,
} as const
