/** National campaigns (phong trào) with how often and where they are mentioned (one article per cluster). */
export const CAMPAIGNS_SQL = `
WITH cm AS (SELECT DISTINCT article_id, campaign_id FROM campaign_mentions WHERE NOT is_candidate),
a AS (SELECT article_id, province_code_2025 FROM articles WHERE cluster_id IS NULL OR cluster_id = article_id)
SELECT c.campaign_id, c.name_vi, CAST(c.launched_on AS VARCHAR) AS launched_on,
  count(a.article_id) AS articles,
  count(DISTINCT a.province_code_2025) AS provinces_2025
FROM campaigns c
LEFT JOIN cm USING (campaign_id)
LEFT JOIN a ON a.article_id = cm.article_id
GROUP BY ALL ORDER BY articles DESC, c.campaign_id`

export const ADOPTION_SQL = (provinceFilter: string) => `
SELECT v.province_code, p.name_vi AS province_name, v.campaign_id, c.name_vi AS campaign_name,
  CAST(v.launched_on AS VARCHAR) AS launched_on, CAST(v.first_mention AS VARCHAR) AS first_mention, v.lag_days,
  v.articles
FROM v_campaign_adoption v
JOIN campaigns c USING (campaign_id)
LEFT JOIN provinces p ON p.code = v.province_code AND p.system = v.system
WHERE v.system = $system AND (CAST($campaign AS VARCHAR) IS NULL OR v.campaign_id = $campaign) AND ${provinceFilter}
ORDER BY v.campaign_id, v.lag_days NULLS LAST, v.province_code`
