-- Analyst views. All counts use one article per near-duplicate cluster (its representative) and give
-- every article one row per unit system, so the same query compares provinces in 63 or 34 units.

CREATE OR REPLACE VIEW v_article_units AS
SELECT article_id, source_id, published_date, cluster_id, is_thidua, '2008' AS system, province_code_2008 AS province_code
FROM articles
WHERE (cluster_id IS NULL OR cluster_id = article_id) AND province_code_2008 IS NOT NULL
UNION ALL
SELECT article_id, source_id, published_date, cluster_id, is_thidua, '2025' AS system, province_code_2025 AS province_code
FROM articles
WHERE (cluster_id IS NULL OR cluster_id = article_id) AND province_code_2025 IS NOT NULL;

CREATE OR REPLACE VIEW v_campaign_coverage AS
WITH output AS (
  SELECT system, province_code, count(*) AS province_articles FROM v_article_units GROUP BY system, province_code
),
cm AS (SELECT DISTINCT article_id, campaign_id FROM campaign_mentions WHERE NOT is_candidate)
SELECT u.system, u.province_code, cm.campaign_id,
  count(*) AS articles,
  min(u.published_date) AS first_mention,
  max(u.published_date) AS last_mention,
  count(*) / any_value(o.province_articles) AS share_of_output,
  any_value(o.province_articles) AS province_articles
FROM v_article_units u
JOIN cm USING (article_id)
JOIN output o USING (system, province_code)
GROUP BY u.system, u.province_code, cm.campaign_id;

CREATE OR REPLACE VIEW v_campaign_adoption AS
SELECT c.system, c.province_code, c.campaign_id, k.launched_on, c.first_mention,
  date_diff('day', k.launched_on, c.first_mention) AS lag_days,
  k.launched_on_precision, c.articles
FROM v_campaign_coverage c
JOIN campaigns k USING (campaign_id);

-- v_province_timeline (documents and events of each province) is defined once, in 0461.

CREATE OR REPLACE VIEW v_monthly_trends AS
WITH m AS (
  SELECT system, province_code, date_trunc('month', published_date)::DATE AS month,
    count(*) AS all_articles, count(*) FILTER (WHERE is_thidua) AS articles
  FROM v_article_units WHERE published_date IS NOT NULL
  GROUP BY ALL
)
SELECT system, province_code, month, articles,
  articles / nullif(all_articles, 0) AS share_of_output,
  all_articles,
  articles / nullif(sum(articles) OVER (PARTITION BY system, month), 0) AS share_of_month
FROM m;

CREATE OR REPLACE VIEW v_document_citations AS
SELECT m.document_id, u.system, u.province_code,
  count(DISTINCT m.article_id) AS citing_articles,
  min(u.published_date) AS first_cited,
  max(u.published_date) AS last_cited,
  any_value(d.label) AS label,
  any_value(d.is_central) AS is_central,
  any_value(d.issued_on) AS issued_on
FROM document_mentions m
JOIN v_article_units u USING (article_id)
JOIN documents d USING (document_id)
GROUP BY m.document_id, u.system, u.province_code;

-- Expected = the source's own median monthly output over its active span (months with nothing count
-- as 0), extended to the newest month in the corpus so a source that went silent shows its gap.
CREATE OR REPLACE VIEW v_coverage_ledger AS
WITH per AS (
  SELECT source_id, date_trunc('month', published_date)::DATE AS month, count(*) AS found
  FROM articles WHERE published_date IS NOT NULL AND source_id IS NOT NULL
  GROUP BY ALL
),
span AS (
  SELECT source_id, min(month) AS m0, greatest(max(month), (SELECT max(month) FROM per)) AS m1
  FROM per GROUP BY source_id
),
grid AS (
  SELECT source_id, unnest(generate_series(m0, m1, INTERVAL 1 MONTH))::DATE AS month FROM span
),
filled AS (
  SELECT g.source_id, g.month, coalesce(p.found, 0) AS found
  FROM grid g LEFT JOIN per p USING (source_id, month)
),
base AS (SELECT source_id, median(found) AS baseline FROM filled GROUP BY source_id)
SELECT f.source_id, f.month, b.baseline AS expected, f.found,
  ((b.baseline >= 1 AND f.found = 0) OR (b.baseline >= 4 AND f.found < 0.25 * b.baseline)) AS gap_flag
FROM filled f JOIN base b USING (source_id);
