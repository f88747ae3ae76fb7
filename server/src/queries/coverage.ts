/**
 * Province × campaign coverage with the definition of the warehouse's `v_campaign_coverage` (one article
 * per near-duplicate cluster, candidate campaigns left out, the province's whole output as denominator),
 * recomputed from `v_article_units` because the filters (years, source kind) need article-level rows.
 */
/** Article units (one per near-duplicate cluster) under the system, years and source-kind filters. */
export const UNITS = `
  SELECT u.article_id, u.province_code, u.published_date
  FROM v_article_units u LEFT JOIN sources s USING (source_id)
  WHERE u.system = $system
    AND ($from_year IS NULL OR year(u.published_date) >= $from_year)
    AND ($to_year IS NULL OR year(u.published_date) <= $to_year)
    AND (CAST($source_kind AS VARCHAR) IS NULL OR s.kind = $source_kind)`

const CAMPAIGN_MENTIONS =
  'SELECT DISTINCT article_id, campaign_id FROM campaign_mentions WHERE NOT is_candidate'

export const COVERAGE_SQL = (extraWhere: string) => `
WITH a AS (${UNITS}),
tot AS (SELECT province_code, count(*) AS n FROM a GROUP BY ALL),
cm AS (${CAMPAIGN_MENTIONS})
SELECT a.province_code, p.name_vi AS province_name, cm.campaign_id, c.name_vi AS campaign_name,
  count(*) AS articles,
  CAST(min(a.published_date) AS VARCHAR) AS first_mention,
  CAST(max(a.published_date) AS VARCHAR) AS last_mention,
  round(count(*) / any_value(tot.n), 4) AS share_of_output,
  any_value(tot.n) AS province_articles
FROM a JOIN cm USING (article_id) JOIN tot USING (province_code)
JOIN campaigns c ON c.campaign_id = cm.campaign_id
LEFT JOIN provinces p ON p.code = a.province_code AND p.system = $system
${extraWhere}
GROUP BY ALL ORDER BY a.province_code, articles DESC, cm.campaign_id`

/**
 * Per-province totals for the choropleth: articles in the filter window, how many of them mention a
 * campaign (or the chosen campaign) and how many distinct campaigns.
 */
export const COVERAGE_BY_PROVINCE_SQL = `
WITH a AS (${UNITS}),
cm AS (${CAMPAIGN_MENTIONS} AND (CAST($campaign AS VARCHAR) IS NULL OR campaign_id = $campaign))
SELECT p.code AS province_code, p.name_vi AS province_name, count(DISTINCT a.article_id) AS articles,
  count(DISTINCT cm.article_id) AS campaign_articles,
  count(DISTINCT cm.campaign_id) AS campaigns
FROM provinces p
LEFT JOIN a ON a.province_code = p.code
LEFT JOIN cm ON cm.article_id = a.article_id
WHERE p.system = $system
GROUP BY ALL ORDER BY p.code`
