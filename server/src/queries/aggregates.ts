/**
 * The dashboard's counts read from the published aggregates (migration 0500, built at finalize by
 * pipeline/src/warehouse/aggregates.ts) instead of scanning articles and mentions per request. Each
 * query answers exactly what its direct twin in this folder answers (same columns, types, order and
 * figures; `aggregates.test.ts` compares them); routes fall back to the direct twin on a published
 * version that predates the aggregates. Sums are cast back to BIGINT, the type of the direct counts.
 */
export const AGGREGATES = ['agg_units_month', 'agg_campaign_month', 'agg_document_citations', 'agg_documents']

/** The unit filters of coverage and overview (system, years, source kind) on an aggregate's rows. */
const UNIT_FILTERS = (alias: string) => `${alias}.system = $system AND ${alias}.province_code IS NOT NULL
    AND ($from_year IS NULL OR year(${alias}.month) >= $from_year)
    AND ($to_year IS NULL OR year(${alias}.month) <= $to_year)
    AND (CAST($source_kind AS VARCHAR) IS NULL OR ${alias}.source_id IN (SELECT source_id FROM sources WHERE kind = $source_kind))`

const big = (x: string) => `CAST(coalesce(sum(${x}), 0) AS BIGINT)`

/** COVERAGE_SQL: `where` filters `a.province_code` and `a.campaign_id`. */
export const COVERAGE_AGG_SQL = (where: string) => `
WITH tot AS (
  SELECT u.province_code, ${big('u.articles')} AS n FROM agg_units_month u WHERE ${UNIT_FILTERS('u')} GROUP BY ALL
),
a AS (SELECT g.* FROM agg_campaign_month g WHERE ${UNIT_FILTERS('g')})
SELECT a.province_code, p.name_vi AS province_name, a.campaign_id, c.name_vi AS campaign_name,
  ${big('a.articles')} AS articles,
  CAST(min(a.first_date) AS VARCHAR) AS first_mention,
  CAST(max(a.last_date) AS VARCHAR) AS last_mention,
  round(sum(a.articles) / any_value(tot.n), 4) AS share_of_output,
  any_value(tot.n) AS province_articles
FROM a JOIN tot USING (province_code)
JOIN campaigns c ON c.campaign_id = a.campaign_id
LEFT JOIN provinces p ON p.code = a.province_code AND p.system = $system
${where}
GROUP BY a.province_code, p.name_vi, a.campaign_id, c.name_vi
ORDER BY a.province_code, articles DESC, a.campaign_id`

/** COVERAGE_BY_PROVINCE_SQL. */
export const COVERAGE_BY_PROVINCE_AGG_SQL = `
WITH a AS (
  SELECT u.province_code, ${big('u.articles')} AS n, ${big('u.campaign_articles')} AS with_campaign
  FROM agg_units_month u WHERE ${UNIT_FILTERS('u')} GROUP BY ALL
),
cm AS (
  SELECT g.province_code, ${big('g.articles')} AS n, count(DISTINCT g.campaign_id) AS k
  FROM agg_campaign_month g WHERE ${UNIT_FILTERS('g')} AND (CAST($campaign AS VARCHAR) IS NULL OR g.campaign_id = $campaign)
  GROUP BY ALL
)
SELECT p.code AS province_code, p.name_vi AS province_name, coalesce(a.n, 0) AS articles,
  CASE WHEN CAST($campaign AS VARCHAR) IS NULL THEN coalesce(a.with_campaign, 0) ELSE coalesce(cm.n, 0) END AS campaign_articles,
  coalesce(cm.k, 0) AS campaigns
FROM provinces p LEFT JOIN a ON a.province_code = p.code LEFT JOIN cm ON cm.province_code = p.code
WHERE p.system = $system
ORDER BY p.code`

/** CAMPAIGNS_SQL: article units in the 2025 system include those without a province. */
export const CAMPAIGNS_AGG_SQL = `
WITH g AS (
  SELECT campaign_id, ${big('articles')} AS articles, count(DISTINCT province_code) AS provinces_2025
  FROM agg_campaign_month WHERE system = '2025' GROUP BY campaign_id
)
SELECT c.campaign_id, c.name_vi, CAST(c.launched_on AS VARCHAR) AS launched_on,
  coalesce(g.articles, 0) AS articles, coalesce(g.provinces_2025, 0) AS provinces_2025
FROM campaigns c LEFT JOIN g USING (campaign_id)
ORDER BY articles DESC, c.campaign_id`

/** ADOPTION_SQL's first mentions, for `ADOPTION_SQL(filter, ADOPTION_FIRST_AGG)`. */
export const ADOPTION_FIRST_AGG = `
  SELECT g.province_code, g.campaign_id, min(g.first_date) AS first_mention, ${big('g.articles')} AS articles
  FROM agg_campaign_month g
  WHERE ${UNIT_FILTERS('g')} AND (CAST($campaign AS VARCHAR) IS NULL OR g.campaign_id = $campaign)
  GROUP BY ALL`

/** TRENDS_SQL (v_monthly_trends): `provinceFilter` is on `t.province_code`. */
export const TRENDS_AGG_SQL = (provinceFilter: string) => `
WITH t AS (
  SELECT province_code, month, ${big('thidua_articles')} AS articles, ${big('articles')} AS all_articles
  FROM agg_units_month WHERE system = $system AND province_code IS NOT NULL AND month IS NOT NULL
  GROUP BY ALL
)
SELECT t.province_code, p.name_vi AS province_name, strftime(t.month, '%Y-%m') AS month, t.articles,
  round(t.articles / nullif(t.all_articles, 0), 6) AS share_of_output, t.all_articles
FROM t LEFT JOIN provinces p ON p.code = t.province_code AND p.system = $system
WHERE ${provinceFilter}
  AND ($from IS NULL OR t.month >= CAST($from AS DATE)) AND ($to IS NULL OR t.month <= CAST($to AS DATE))
ORDER BY t.month, t.province_code`

/** The overview's units: every article unit, or (with a campaign) those mentioning it. */
const OVERVIEW_UNITS_AGG = (provinceFilter: string, campaign: boolean) => `
  SELECT u.* FROM ${campaign ? 'agg_campaign_month' : 'agg_units_month'} u
  WHERE ${UNIT_FILTERS('u')} AND ${provinceFilter}${campaign ? ' AND u.campaign_id = $campaign' : ''}`

/**
 * OVERVIEW_FIGURES_SQL. With a campaign, the campaigns met beside it and the central documents its
 * articles cite need the articles themselves: `articleUnits` (the direct units) answers those two.
 */
export const OVERVIEW_FIGURES_AGG_SQL = (provinceFilter: string, campaign: boolean, articleUnits: string) => `
WITH u AS (${OVERVIEW_UNITS_AGG(provinceFilter, campaign)})
SELECT
  (SELECT ${big('thidua_articles')} FROM u) AS articles,
  (SELECT ${big('articles')} FROM u) AS all_articles,
  (SELECT count(DISTINCT province_code) FROM u WHERE thidua_articles > 0) AS provinces_with_data,
  (SELECT count(*) FROM provinces WHERE system = $system) AS provinces_total,
  ${
    campaign
      ? `(SELECT count(DISTINCT cm.campaign_id) FROM campaign_mentions cm JOIN (${articleUnits}) au USING (article_id)
     WHERE NOT cm.is_candidate) AS campaigns,
  (SELECT count(DISTINCT dm.document_id) FROM document_mentions dm JOIN (${articleUnits}) au USING (article_id)
     JOIN documents d USING (document_id) WHERE d.is_central) AS central_documents,`
      : `(SELECT count(DISTINCT g.campaign_id) FROM agg_campaign_month g
     WHERE ${UNIT_FILTERS('g')} AND ${provinceFilter.replaceAll('u.province_code', 'g.province_code')}) AS campaigns,
  (SELECT count(DISTINCT c.document_id) FROM agg_document_citations c
     WHERE c.is_central AND c.system = $system AND ${provinceFilter.replaceAll('u.province_code', 'c.province_code')}
       AND ($from_year IS NULL OR c.year >= $from_year) AND ($to_year IS NULL OR c.year <= $to_year)
       AND (CAST($source_kind AS VARCHAR) IS NULL OR c.source_id IN (SELECT source_id FROM sources WHERE kind = $source_kind))) AS central_documents,`
  }
  (SELECT CAST(min(first_date) AS VARCHAR) FROM u) AS first_article,
  (SELECT CAST(max(last_date) AS VARCHAR) FROM u) AS latest_article,
  (SELECT ${big('thidua_articles')} FROM u WHERE origin = 'captured') AS captured,
  (SELECT ${big('thidua_articles')} FROM u WHERE origin = 'rebuilt') AS rebuilt,
  (SELECT ${big('attachments')} FROM u) AS attachments,
  (SELECT extractor_version FROM pipeline_runs WHERE status = 'ok' ORDER BY started_at DESC LIMIT 1) AS extractor_version`

/** OVERVIEW_TREND_SQL. */
export const OVERVIEW_TREND_AGG_SQL = (provinceFilter: string, campaign: boolean) => `
WITH u AS (${OVERVIEW_UNITS_AGG(provinceFilter, campaign)})
SELECT u.province_code, p.name_vi AS province_name, CAST(year(u.month) AS INTEGER) AS year,
  ${big('u.thidua_articles')} AS articles, ${big('u.articles')} AS all_articles
FROM u LEFT JOIN provinces p ON p.code = u.province_code AND p.system = $system
WHERE u.month IS NOT NULL
GROUP BY u.province_code, p.name_vi, year(u.month) ORDER BY year, u.province_code`

/** PROVINCES_SQL. */
export const PROVINCES_AGG_SQL = `
WITH g AS (
  SELECT province_code, ${big('articles')} AS articles, count(DISTINCT source_id) AS sources
  FROM agg_units_month WHERE system = $system AND province_code IS NOT NULL GROUP BY province_code
)
SELECT p.code, p.name_vi, p.system, coalesce(g.articles, 0) AS articles, coalesce(g.sources, 0) AS sources
FROM provinces p LEFT JOIN g ON g.province_code = p.code
WHERE p.system = $system
ORDER BY p.code`

/** The emulation articles of PROVINCE_SQL, for its `articles` column. */
export const PROVINCE_ARTICLES_AGG = `(SELECT ${big('g.thidua_articles')} FROM agg_units_month g
     WHERE g.system = $system AND g.province_code = p.code
     AND ($from_year IS NULL OR year(g.month) >= $from_year)
     AND ($to_year IS NULL OR year(g.month) <= $to_year))`

/** v_campaign_adoption rows of one system, for PROVINCE_CAMPAIGNS_SQL. */
export const ADOPTION_LAGS_AGG = `
  SELECT g.province_code, g.campaign_id, date_diff('day', k.launched_on, min(g.first_date)) AS lag_days,
    min(g.first_date) AS first_mention, ${big('g.articles')} AS articles
  FROM agg_campaign_month g JOIN campaigns k USING (campaign_id)
  WHERE g.system = $system AND g.province_code IS NOT NULL
  GROUP BY g.province_code, g.campaign_id, k.launched_on`

/** v_document_citations rows (document × system × province) summed from the aggregate. */
export const CITATIONS_AGG = `
  SELECT document_id, system, province_code, ${big('citing_articles')} AS citing_articles,
    min(first_cited) AS first_cited, max(last_cited) AS last_cited, bool_or(is_central) AS is_central
  FROM agg_document_citations GROUP BY document_id, system, province_code`
