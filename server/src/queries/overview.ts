/**
 * The overview's figures and yearly trend under ONE filter model (unit system, provinces, years,
 * source kind, campaign), so the key figures, the trend chart and the map always describe the same
 * articles. Units are `v_article_units` rows: one article per near-duplicate cluster.
 */
export const OVERVIEW_UNITS = (provinceFilter: string) => `
  SELECT u.article_id, u.province_code, u.published_date, u.is_thidua
  FROM v_article_units u LEFT JOIN sources s USING (source_id)
  WHERE u.system = $system AND ${provinceFilter}
    AND ($from_year IS NULL OR year(u.published_date) >= $from_year)
    AND ($to_year IS NULL OR year(u.published_date) <= $to_year)
    AND (CAST($source_kind AS VARCHAR) IS NULL OR s.kind = $source_kind)
    AND (CAST($campaign AS VARCHAR) IS NULL OR u.article_id IN (
      SELECT article_id FROM campaign_mentions WHERE campaign_id = $campaign AND NOT is_candidate))`

/** One row: the key figures. `articles` counts emulation articles; `all_articles` the whole output. */
export const OVERVIEW_FIGURES_SQL = (provinceFilter: string) => `
WITH u AS (${OVERVIEW_UNITS(provinceFilter)})
SELECT
  (SELECT count(*) FILTER (WHERE is_thidua) FROM u) AS articles,
  (SELECT count(*) FROM u) AS all_articles,
  (SELECT count(DISTINCT province_code) FROM u WHERE is_thidua) AS provinces_with_data,
  (SELECT count(*) FROM provinces WHERE system = $system) AS provinces_total,
  (SELECT count(DISTINCT cm.campaign_id) FROM campaign_mentions cm JOIN u USING (article_id)
     WHERE NOT cm.is_candidate) AS campaigns,
  (SELECT count(DISTINCT dm.document_id) FROM document_mentions dm JOIN u USING (article_id)
     JOIN documents d USING (document_id) WHERE d.is_central) AS central_documents,
  (SELECT CAST(min(published_date) AS VARCHAR) FROM u) AS first_article,
  (SELECT CAST(max(published_date) AS VARCHAR) FROM u) AS latest_article,
  -- provenance: pages captured from the web, articles rebuilt from facts (offline snapshot), attachments
  (SELECT count(*) FROM u JOIN articles a USING (article_id) WHERE u.is_thidua AND a.origin = 'captured') AS captured,
  (SELECT count(*) FROM u JOIN articles a USING (article_id) WHERE u.is_thidua AND a.origin = 'rebuilt') AS rebuilt,
  (SELECT count(*) FROM attachments t JOIN u USING (article_id)) AS attachments,
  (SELECT extractor_version FROM pipeline_runs WHERE status = 'ok' ORDER BY started_at DESC LIMIT 1) AS extractor_version`

/** Emulation articles per province and year, with the province's whole output for shares. */
export const OVERVIEW_TREND_SQL = (provinceFilter: string) => `
WITH u AS (${OVERVIEW_UNITS(provinceFilter)})
SELECT u.province_code, p.name_vi AS province_name, CAST(year(u.published_date) AS INTEGER) AS year,
  count(*) FILTER (WHERE u.is_thidua) AS articles, count(*) AS all_articles
FROM u LEFT JOIN provinces p ON p.code = u.province_code AND p.system = $system
WHERE u.published_date IS NOT NULL
GROUP BY ALL ORDER BY year, u.province_code`
