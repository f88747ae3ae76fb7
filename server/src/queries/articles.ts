/**
 * Article search and detail. Search parses the query language of server/src/search/query.ts and ranks
 * with the warehouse's BM25F (`search_article_scores`, migration 0003); the route builds snippets for the page's rows
 * from their title and body. Without `q` articles come newest first. Dates filter on `published_date`, the local
 * Việt Nam date the analyst views use.
 */
import { RERANK_DEPTH, type SearchSql } from '../search/sql.ts'

export const ARTICLE_FILTERS = (provinceFilter: string) => `
  ${provinceFilter}
  AND ($from IS NULL OR a.published_date >= CAST($from AS DATE))
  AND ($to IS NULL OR a.published_date <= CAST($to AS DATE))
  AND (CAST($source AS VARCHAR) IS NULL OR a.source_id = $source)
  AND (CAST($origin AS VARCHAR) IS NULL OR a.origin = $origin)
  AND (NOT $unique OR a.cluster_id IS NULL OR a.cluster_id = a.article_id)
  AND (CAST($campaign AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM campaign_mentions cm WHERE cm.article_id = a.article_id AND cm.campaign_id = $campaign))
  AND (CAST($document AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM document_mentions dm WHERE dm.article_id = a.article_id AND dm.document_id = $document))
  AND (CAST($event AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM event_mentions em WHERE em.article_id = a.article_id AND em.kind = $event))
  AND (CAST($event_id AS VARCHAR) IS NULL OR EXISTS (SELECT 1 FROM event_mentions ev WHERE ev.article_id = a.article_id AND ev.event_id = $event_id))`

const ARTICLE_COLUMNS = `a.article_id, a.title, CAST(a.published_at AS VARCHAR) AS published_at, a.source_id, a.url,
  a.province_code_2008, a.province_code_2025, a.origin, coalesce(a.cluster_id <> a.article_id, false) AS is_copy`

/**
 * `search.ctes` ends in `hits(article_id, score)` (server/src/search/sql.ts). With pair boosts, the
 * best RERANK_DEPTH rows under the filters are re-scored from their folded texts (a second stage).
 */
export const ARTICLES_SEARCH_SQL = (filters: string, search: SearchSql) => `
WITH ${search.ctes},
filtered AS (
  SELECT hits.article_id, hits.score FROM hits JOIN articles a USING (article_id) WHERE ${filters}
),
${
  search.pairBoost
    ? `top AS (
  SELECT f.article_id FROM filtered f JOIN articles a USING (article_id)
  ORDER BY f.score DESC, a.published_at DESC NULLS LAST, f.article_id LIMIT ${RERANK_DEPTH}
),
ft AS (SELECT top.article_id,
  ' ' || array_to_string(thidua_tokens(a.title), ' ') || ' ' AS tt,
  ' ' || array_to_string(thidua_tokens(coalesce(a.body_text, '')), ' ') || ' ' AS bt
  FROM top JOIN articles a USING (article_id)),
scored AS (SELECT f.article_id, f.score + coalesce(${search.pairBoost}, 0) AS score FROM filtered f LEFT JOIN ft USING (article_id)),`
    : 'scored AS (SELECT * FROM filtered),'
}
page AS (
  SELECT ${ARTICLE_COLUMNS}, scored.score, count(*) OVER () AS total
  FROM scored JOIN articles a USING (article_id)
  ORDER BY scored.score DESC, a.published_at DESC NULLS LAST, a.article_id
  LIMIT $limit OFFSET $offset
)
SELECT page.* EXCLUDE (total), a.body_text, page.total
FROM page JOIN articles a USING (article_id)
ORDER BY page.score DESC, page.published_at DESC NULLS LAST, page.article_id`

/**
 * The mention a drill-down list is about (a campaign, a document or an event), so each row can show the
 * sentence that holds it: the article's first such mention by position.
 */
export const FOCUS_SQL = {
  document: `SELECT article_id, min(span_start) AS s, arg_min(span_end, span_start) AS e
    FROM document_mentions WHERE document_id = $document GROUP BY article_id`,
  campaign: `SELECT article_id, min(span_start) AS s, arg_min(span_end, span_start) AS e
    FROM campaign_mentions WHERE campaign_id = $campaign GROUP BY article_id`,
  event_id: `SELECT article_id, min(span_start) AS s, arg_min(span_end, span_start) AS e
    FROM event_mentions WHERE event_id = $event_id GROUP BY article_id`,
  event: `SELECT article_id, min(span_start) AS s, arg_min(span_end, span_start) AS e
    FROM event_mentions WHERE kind = $event GROUP BY article_id`,
} as const

/**
 * A list snippet: the text itself when short, else its first 240 characters cut back to the last whole
 * word. `String.raw` keeps the backslashes: in a plain template string `\s` is just `s`.
 */
export const LEAD_SNIPPET_SQL = (text: string) =>
  String.raw`CASE WHEN length(${text}) <= 240 THEN ${text}
    ELSE regexp_replace(left(${text}, 240), '\s+\S*$', '') || ' …' END`

/** Newest first. With a focus, rows carry the mention's span and the body to cut its sentence from. */
export const ARTICLES_LIST_SQL = (filters: string, focus: string | null) =>
  focus
    ? `
WITH f AS (${focus}),
page AS (
  SELECT ${ARTICLE_COLUMNS}, NULL::DOUBLE AS score, f.s AS mention_start, f.e AS mention_end, count(*) OVER () AS total
  FROM articles a JOIN f USING (article_id)
  WHERE ${filters}
  ORDER BY a.published_at DESC NULLS LAST, a.article_id
  LIMIT $limit OFFSET $offset
)
SELECT page.* EXCLUDE (total), a.body_text, page.total
FROM page JOIN articles a USING (article_id)
ORDER BY page.published_at DESC NULLS LAST, page.article_id`
    : `
WITH page AS (
  SELECT ${ARTICLE_COLUMNS}, NULL::DOUBLE AS score, count(*) OVER () AS total
  FROM articles a
  WHERE ${filters}
  ORDER BY a.published_at DESC NULLS LAST, a.article_id
  LIMIT $limit OFFSET $offset
)
-- the snippet is cut for the page's rows only, not for every row the filters keep
SELECT page.* EXCLUDE (total), ${LEAD_SNIPPET_SQL('coalesce(a.lead, a.body_text)')} AS snippet, page.total
FROM page JOIN articles a USING (article_id)
ORDER BY a.published_at DESC NULLS LAST, page.article_id`

export const ARTICLE_SQL = `
SELECT a.article_id, a.source_id, s.name AS source_name, a.url, a.title, CAST(a.published_at AS VARCHAR) AS published_at,
  CAST(a.published_date AS VARCHAR) AS published_date,
  a.province_code_2008, p8.name_vi AS province_name_2008, a.province_code_2025, p25.name_vi AS province_name_2025,
  a.body_text, a.origin, a.cluster_id, c.cluster_size
FROM articles a LEFT JOIN sources s USING (source_id)
LEFT JOIN provinces p8 ON p8.code = a.province_code_2008 AND p8.system = '2008'
LEFT JOIN provinces p25 ON p25.code = a.province_code_2025 AND p25.system = '2025'
LEFT JOIN article_clusters c USING (article_id)
WHERE a.article_id = $id`

/**
 * Every mention of one article with its span in body_text (0-based, end-exclusive UTF-16 offsets), all
 * kinds in one round trip: `mention_kind` says which, the other columns are NULL where they do not apply.
 */
export const ARTICLE_MENTIONS_SQL = `
SELECT 'document' AS mention_kind, m.mention_index, m.surface, m.span_start, m.span_end,
  m.document_id, d.label, d.display_symbol, d.is_central, m.type, m.number, m.symbol,
  CAST(m.issued_on AS VARCHAR) AS issued_on, m.issuer
FROM document_mentions m LEFT JOIN documents d USING (document_id) WHERE m.article_id = $id
UNION ALL BY NAME
SELECT 'event' AS mention_kind, m.mention_index, m.surface, m.span_start, m.span_end,
  m.event_id, e.label, m.kind, m.scope, m.place, m.province_code_2025, m.ordinal, m.status,
  CAST(m.time_start AS VARCHAR) AS time_start, CAST(m.time_end AS VARCHAR) AS time_end
FROM event_mentions m LEFT JOIN events e USING (event_id) WHERE m.article_id = $id
UNION ALL BY NAME
SELECT 'campaign' AS mention_kind, m.mention_index, m.surface, m.span_start, m.span_end,
  m.campaign_id, m.is_candidate, c.name_vi
FROM campaign_mentions m LEFT JOIN campaigns c USING (campaign_id) WHERE m.article_id = $id
UNION ALL BY NAME
SELECT 'time' AS mention_kind, mention_index, surface, span_start, span_end,
  CAST(start_date AS VARCHAR) AS start_date, CAST(end_date AS VARCHAR) AS end_date, granularity
FROM time_mentions WHERE article_id = $id
ORDER BY span_start, mention_kind`
