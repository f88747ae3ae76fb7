import { UNITS } from './coverage.ts'
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

/** Lags past this many days are flagged as implausible for a "first mention" (a decade). */
export const IMPLAUSIBLE_LAG_DAYS = 3650

/**
 * Adoption lag per province: days from a campaign's launch to its first mention among the articles
 * the filters keep (system, years, source kind), so the chart obeys the same filters as the heatmap.
 * A first mention before the launch or more than a decade after it is flagged, not hidden.
 */
const ADOPTION_FIRST = `
  SELECT a.province_code, cm.campaign_id, min(a.published_date) AS first_mention, count(DISTINCT a.article_id) AS articles
  FROM (${UNITS}) a JOIN (SELECT DISTINCT article_id, campaign_id FROM campaign_mentions WHERE NOT is_candidate) cm USING (article_id)
  WHERE (CAST($campaign AS VARCHAR) IS NULL OR cm.campaign_id = $campaign)
  GROUP BY ALL`

/** `first`: first mention and articles per province × campaign (ADOPTION_FIRST or its aggregate twin). */
export const ADOPTION_SQL = (provinceFilter: string, first: string = ADOPTION_FIRST) => `
WITH first AS (${first}),
v AS (
  SELECT f.*, c.name_vi AS campaign_name, c.launched_on, c.launched_on_precision,
    date_diff('day', c.launched_on, f.first_mention) AS lag_days
  FROM first f JOIN campaigns c USING (campaign_id)
)
SELECT v.province_code, p.name_vi AS province_name, v.campaign_id, v.campaign_name,
  CAST(v.launched_on AS VARCHAR) AS launched_on, v.launched_on_precision,
  CAST(v.first_mention AS VARCHAR) AS first_mention, v.lag_days, v.articles,
  CASE WHEN v.lag_days < 0 THEN 'before_launch' WHEN v.lag_days > ${IMPLAUSIBLE_LAG_DAYS} THEN 'implausible_lag' END AS lag_flag
FROM v LEFT JOIN provinces p ON p.code = v.province_code AND p.system = $system
WHERE ${provinceFilter}
ORDER BY v.campaign_id, v.lag_days NULLS LAST, v.province_code`
