/**
 * The province page: one province in one unit system, with what a leader asks of it. In the 34-unit
 * system a merged province carries the history of the provinces it absorbed, each item naming the old
 * province it came from; in the 63-unit system the page names the unit the province went into.
 */

/** The province itself, its predecessors (2025) or successor (2008), and its article span. */
const PROVINCE_ARTICLES = `(SELECT count(*) FROM v_article_units u WHERE u.system = $system AND u.province_code = p.code AND u.is_thidua
     AND ($from_year IS NULL OR year(u.published_date) >= $from_year)
     AND ($to_year IS NULL OR year(u.published_date) <= $to_year))`

/** `articles`: the province's emulation articles (PROVINCE_ARTICLES or its aggregate twin). */
export const PROVINCE_SQL = (articles: string = PROVINCE_ARTICLES) => `
SELECT p.code, p.name_vi, p.system,
  (SELECT list({'code': l.old_code, 'name': o.name_vi} ORDER BY l.old_code) FROM province_lineage l
     JOIN provinces o ON o.code = l.old_code AND o.system = '2008'
   WHERE $system = '2025' AND l.new_code = p.code AND l.old_code <> p.code) AS merged_from,
  (SELECT any_value({'code': l.new_code, 'name': n.name_vi}) FROM province_lineage l
     JOIN provinces n ON n.code = l.new_code AND n.system = '2025'
   WHERE $system = '2008' AND l.old_code = p.code) AS merged_into,
  ${articles} AS articles
FROM provinces p WHERE p.system = $system AND p.code = $code`

/** Documents issued in the province (not central ones), newest first, with the old province they came from. */
export const PROVINCE_DOCUMENTS_SQL = `
SELECT d.document_id, d.label, d.display_symbol, d.type, CAST(d.issued_on AS VARCHAR) AS issued_on, d.issuer,
  d.article_count, d.province_code_2008 AS old_code, o.name_vi AS old_name
FROM documents d LEFT JOIN provinces o ON o.code = d.province_code_2008 AND o.system = '2008'
WHERE NOT coalesce(d.is_central, false)
  AND (CASE WHEN $system = '2025' THEN d.province_code_2025 ELSE d.province_code_2008 END) = $code
  AND ($from_year IS NULL OR year(d.issued_on) >= $from_year)
  AND ($to_year IS NULL OR year(d.issued_on) <= $to_year)
ORDER BY d.issued_on DESC NULLS LAST, d.label
LIMIT 200`

/** Congresses and commendation conferences: planned window against the day held. */
export const PROVINCE_EVENTS_SQL = `
SELECT t.label, t.item_kind, t.organization, t.status, CAST(t.item_date AS VARCHAR) AS item_date,
  CAST(t.planned_start AS VARCHAR) AS planned_start, CAST(t.planned_end AS VARCHAR) AS planned_end,
  CAST(t.held_on AS VARCHAR) AS held_on, t.delay_days, t.event_id, t.article_id,
  t.origin_code_2008 AS old_code, t.origin_name AS old_name
FROM v_province_timeline_labelled t
WHERE t.system = $system AND t.province_code = $code AND t.item_kind IN ('congress', 'conference', 'org_congress')
  AND ($from_year IS NULL OR year(t.item_date) >= $from_year)
  AND ($to_year IS NULL OR year(t.item_date) <= $to_year)
ORDER BY t.item_date NULLS LAST, t.label`

/** Each campaign the province carries: its first mention, lag and the national median lag. */
const ADOPTION_LAGS = `
  SELECT province_code, campaign_id, lag_days, first_mention, articles FROM v_campaign_adoption WHERE system = $system`

/** `lags`: v_campaign_adoption rows of the system (ADOPTION_LAGS or its aggregate twin). */
export const PROVINCE_CAMPAIGNS_SQL = (lags: string = ADOPTION_LAGS) => `
WITH all_lags AS (${lags}),
national AS (
  SELECT campaign_id, median(lag_days) AS median_lag_days, count(*) AS provinces FROM all_lags GROUP BY ALL
)
SELECT a.campaign_id, c.name_vi AS campaign_name, CAST(a.first_mention AS VARCHAR) AS first_mention, a.articles,
  a.lag_days, CAST(round(n.median_lag_days) AS INTEGER) AS national_median_lag_days, n.provinces AS provinces_reached
FROM all_lags a JOIN national n USING (campaign_id) JOIN campaigns c USING (campaign_id)
WHERE a.province_code = $code
ORDER BY a.lag_days NULLS LAST, a.campaign_id`

/** The health of the sources that cover the province. */
export const PROVINCE_SOURCES_SQL = `
SELECT s.source_id, s.name, s.kind, s.base_url, CAST(h.last_success AS VARCHAR) AS last_success,
  coalesce(h.articles, 0) AS articles, coalesce(h.failed, 0) AS failed, h.last_error,
  CAST(h.last_published AS VARCHAR) AS last_published
FROM sources s LEFT JOIN v_source_health h USING (source_id)
WHERE (CASE WHEN $system = '2025' THEN s.province_code_2025 ELSE s.province_code_2008 END) = $code
ORDER BY s.source_id`
