/**
 * Province × campaign coverage. Computed from the base tables (same definition as v_campaign_coverage)
 * because the filters (years, source kind) need article-level rows the view has already aggregated.
 */
export const COVERAGE_SQL = (system: '2008' | '2025', extraWhere: string) => `
WITH a AS (
  SELECT a.article_id, a.province_code_${system} AS province_code, a.published_at
  FROM articles a LEFT JOIN sources s USING (source_id)
  WHERE a.province_code_${system} IS NOT NULL
    AND ($from_year IS NULL OR year(a.published_at) >= $from_year)
    AND ($to_year IS NULL OR year(a.published_at) <= $to_year)
    AND (CAST($source_kind AS VARCHAR) IS NULL OR s.kind = $source_kind)
),
tot AS (SELECT province_code, count(*) AS n FROM a GROUP BY ALL)
SELECT a.province_code, p.name_vi AS province_name, cm.campaign_id, c.name_vi AS campaign_name,
  count(DISTINCT a.article_id) AS articles,
  CAST(min(a.published_at)::DATE AS VARCHAR) AS first_mention,
  CAST(max(a.published_at)::DATE AS VARCHAR) AS last_mention,
  round(count(DISTINCT a.article_id) / any_value(tot.n), 4) AS share_of_output
FROM a JOIN campaign_mentions cm USING (article_id) JOIN tot USING (province_code)
JOIN campaigns c ON c.campaign_id = cm.campaign_id
LEFT JOIN provinces p ON p.code = a.province_code AND p.system = '${system}'
${extraWhere}
GROUP BY ALL ORDER BY a.province_code, articles DESC, cm.campaign_id`

/** Per-province totals for the choropleth: articles in the filter window, share mentioning any campaign. */
export const COVERAGE_BY_PROVINCE_SQL = (system: '2008' | '2025') => `
WITH a AS (
  SELECT a.article_id, a.province_code_${system} AS province_code
  FROM articles a LEFT JOIN sources s USING (source_id)
  WHERE a.province_code_${system} IS NOT NULL
    AND ($from_year IS NULL OR year(a.published_at) >= $from_year)
    AND ($to_year IS NULL OR year(a.published_at) <= $to_year)
    AND (CAST($source_kind AS VARCHAR) IS NULL OR s.kind = $source_kind)
)
SELECT p.code AS province_code, p.name_vi AS province_name, count(DISTINCT a.article_id) AS articles,
  count(DISTINCT cm.campaign_id) AS campaigns
FROM provinces p
LEFT JOIN a ON a.province_code = p.code
LEFT JOIN campaign_mentions cm ON cm.article_id = a.article_id AND (CAST($campaign AS VARCHAR) IS NULL OR cm.campaign_id = $campaign)
WHERE p.system = '${system}'
GROUP BY ALL ORDER BY p.code`
