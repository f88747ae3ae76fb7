/**
 * The public warehouse schema (issue #7 names) as the API expects it, for the fixture database.
 * The real tables and views are engineer E's; these stand-ins follow the same names and columns so
 * the API's queries run unchanged against either.
 */
export const FIXTURE_DDL = `
CREATE TABLE sources(source_id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, platform VARCHAR, base_url VARCHAR,
  province_code_2008 VARCHAR, province_code_2025 VARCHAR);
CREATE TABLE articles(article_id VARCHAR PRIMARY KEY, source_id VARCHAR, url VARCHAR, title VARCHAR,
  published_at TIMESTAMP, province_code_2008 VARCHAR, province_code_2025 VARCHAR, body_text VARCHAR, origin VARCHAR);
CREATE TABLE document_mentions(article_id VARCHAR, type VARCHAR, number VARCHAR, symbol VARCHAR, year_in_symbol INTEGER,
  issued_on DATE, issuer VARCHAR, document_id VARCHAR, surface VARCHAR, span_start INTEGER, span_end INTEGER);
CREATE TABLE documents(document_id VARCHAR PRIMARY KEY, type VARCHAR, number VARCHAR, symbol VARCHAR, issued_on DATE,
  issuer VARCHAR, province_code_2025 VARCHAR, mention_count INTEGER);
CREATE TABLE event_mentions(article_id VARCHAR, kind VARCHAR, scope VARCHAR, place VARCHAR, province_code_2025 VARCHAR,
  ordinal INTEGER, status VARCHAR, surface VARCHAR, event_id VARCHAR);
CREATE TABLE events(event_id VARCHAR PRIMARY KEY, kind VARCHAR, scope VARCHAR, province_code_2008 VARCHAR,
  province_code_2025 VARCHAR, ordinal INTEGER, planned_start DATE, planned_end DATE, held_on DATE);
CREATE TABLE campaign_mentions(article_id VARCHAR, campaign_id VARCHAR, surface VARCHAR);
CREATE TABLE campaigns(campaign_id VARCHAR PRIMARY KEY, name_vi VARCHAR, launched_on DATE);
CREATE TABLE provinces(code VARCHAR, name_vi VARCHAR, system VARCHAR);
CREATE TABLE province_lineage(old_code VARCHAR, new_code VARCHAR, effective_on DATE);
CREATE TABLE time_mentions(article_id VARCHAR, surface VARCHAR, start_date DATE, end_date DATE, granularity VARCHAR,
  span_start INTEGER, span_end INTEGER);
CREATE TABLE fetches(source_id VARCHAR, url VARCHAR, status INTEGER, fetched_at TIMESTAMP, error VARCHAR);
CREATE TABLE pipeline_runs(run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR,
  articles_loaded INTEGER, extractor_version VARCHAR);
CREATE TABLE stage_stats(run_id VARCHAR, stage VARCHAR, items_in INTEGER, items_out INTEGER, failures INTEGER,
  duration_ms INTEGER);
CREATE TABLE parse_failures(url VARCHAR, reason VARCHAR, run_id VARCHAR, source_id VARCHAR);
CREATE TABLE milestones(id VARCHAR, date DATE, event_vi VARCHAR, document VARCHAR);
`

/** Both unit systems as rows: one article counts once in each system. */
const ARTICLE_SYSTEMS = `
  SELECT '2008' AS system, province_code_2008 AS province_code, * EXCLUDE (province_code_2008, province_code_2025) FROM articles
  UNION ALL
  SELECT '2025' AS system, province_code_2025 AS province_code, * EXCLUDE (province_code_2008, province_code_2025) FROM articles`

export const FIXTURE_VIEWS = `
CREATE VIEW v_campaign_coverage AS
WITH a AS (${ARTICLE_SYSTEMS}),
tot AS (SELECT system, province_code, count(*) AS n FROM a GROUP BY ALL)
SELECT a.system, a.province_code, cm.campaign_id, count(DISTINCT a.article_id) AS articles,
  min(a.published_at)::DATE AS first_mention, max(a.published_at)::DATE AS last_mention,
  count(DISTINCT a.article_id) / any_value(tot.n) AS share_of_output
FROM a JOIN campaign_mentions cm USING (article_id) JOIN tot USING (system, province_code)
WHERE a.province_code IS NOT NULL GROUP BY ALL;

CREATE VIEW v_campaign_adoption AS
SELECT cov.system, cov.province_code, cov.campaign_id, c.launched_on, cov.first_mention,
  CASE WHEN c.launched_on IS NULL THEN NULL ELSE date_diff('day', c.launched_on, cov.first_mention) END AS lag_days
FROM v_campaign_coverage cov JOIN campaigns c USING (campaign_id);

CREATE VIEW v_province_timeline AS
WITH doc_prov AS (
  SELECT d.document_id, any_value(d.province_code_2025) AS p2025, min(a.province_code_2008) AS p2008,
    min(dm.article_id) AS article_id
  FROM documents d JOIN document_mentions dm USING (document_id) JOIN articles a USING (article_id)
  WHERE d.province_code_2025 IS NOT NULL GROUP BY d.document_id
),
docs AS (
  SELECT d.issued_on AS item_date, 'document' AS item_kind, d.number || '/' || d.symbol AS label, 'issued' AS status,
    NULL::DATE AS planned_start, NULL::DATE AS planned_end, NULL::DATE AS held_on, NULL::INTEGER AS delay_days,
    dp.article_id, NULL AS event_id, d.document_id, dp.p2008, dp.p2025
  FROM documents d JOIN doc_prov dp USING (document_id)
),
evs AS (
  SELECT coalesce(e.held_on, e.planned_start) AS item_date,
    CASE e.kind WHEN 'dai_hoi_thi_dua' THEN 'congress' ELSE 'conference' END AS item_kind,
    CASE e.kind WHEN 'dai_hoi_thi_dua' THEN 'Đại hội Thi đua yêu nước' ELSE 'Hội nghị điển hình tiên tiến' END
      || coalesce(' lần thứ ' || e.ordinal, '') AS label,
    CASE WHEN e.held_on IS NOT NULL THEN 'held' ELSE 'planned' END AS status,
    e.planned_start, e.planned_end, e.held_on,
    CASE WHEN e.held_on IS NOT NULL AND e.planned_start IS NOT NULL
      THEN greatest(0, date_diff('day', coalesce(e.planned_end, e.planned_start), e.held_on)) END AS delay_days,
    (SELECT min(em.article_id) FROM event_mentions em WHERE em.event_id = e.event_id) AS article_id,
    e.event_id, NULL AS document_id, e.province_code_2008 AS p2008, e.province_code_2025 AS p2025
  FROM events e
),
items AS (SELECT * FROM docs UNION ALL SELECT * FROM evs)
SELECT '2008' AS system, p2008 AS province_code, * EXCLUDE (p2008, p2025) FROM items WHERE p2008 IS NOT NULL
UNION ALL
SELECT '2025' AS system, p2025 AS province_code, * EXCLUDE (p2008, p2025) FROM items WHERE p2025 IS NOT NULL;

CREATE VIEW v_monthly_trends AS
WITH a AS (${ARTICLE_SYSTEMS}),
m AS (SELECT system, province_code, date_trunc('month', published_at)::DATE AS month, count(*) AS articles FROM a
      WHERE province_code IS NOT NULL AND published_at IS NOT NULL GROUP BY ALL)
SELECT system, province_code, month, articles, articles / sum(articles) OVER (PARTITION BY system, province_code) AS share_of_output
FROM m;

CREATE VIEW v_document_citations AS
WITH a AS (${ARTICLE_SYSTEMS})
SELECT dm.document_id, a.system, a.province_code, count(DISTINCT a.article_id) AS citing_articles,
  min(a.published_at)::DATE AS first_cited, max(a.published_at)::DATE AS last_cited
FROM document_mentions dm JOIN a USING (article_id)
WHERE dm.document_id IS NOT NULL AND a.province_code IS NOT NULL GROUP BY ALL;

CREATE VIEW v_coverage_ledger AS
WITH bounds AS (SELECT source_id, date_trunc('month', min(published_at))::DATE AS first_m FROM articles GROUP BY ALL),
months AS (SELECT b.source_id, m::DATE AS month FROM bounds b,
  LATERAL (SELECT unnest(generate_series(b.first_m, DATE '2026-03-01', INTERVAL 1 MONTH)) AS m)),
found AS (SELECT source_id, date_trunc('month', published_at)::DATE AS month, count(*) AS found FROM articles GROUP BY ALL),
filled AS (SELECT months.source_id, months.month, coalesce(found.found, 0) AS found FROM months LEFT JOIN found USING (source_id, month)),
base AS (SELECT source_id, greatest(1, median(found)) AS expected FROM filled GROUP BY ALL)
SELECT f.source_id, f.month, b.expected, f.found,
  -- a month is a gap only if the trailing quarter is also far below the source's own baseline
  (avg(f.found) OVER (PARTITION BY f.source_id ORDER BY f.month ROWS 2 PRECEDING) < 0.25 * b.expected) AS gap_flag
FROM filled f JOIN base b USING (source_id);

CREATE VIEW v_source_health AS
SELECT s.source_id, max(f.fetched_at) FILTER (WHERE f.status BETWEEN 200 AND 399) AS last_success,
  count(f.url) AS fetched, count(f.url) FILTER (WHERE f.status >= 400 OR f.error IS NOT NULL) AS failed,
  arg_max(f.error, f.fetched_at) FILTER (WHERE f.error IS NOT NULL) AS last_error
FROM sources s LEFT JOIN fetches f USING (source_id) GROUP BY s.source_id;

CREATE MACRO search_articles(q) AS TABLE
WITH terms AS (
  SELECT DISTINCT t AS term FROM (
    SELECT unnest(string_split(trim(regexp_replace(replace(lower(strip_accents(q)), 'đ', 'd'), '[^a-z0-9]+', ' ', 'g')), ' ')) AS t
  ) WHERE t <> ''
),
docs AS (
  SELECT article_id, body_text,
    replace(lower(strip_accents(title || ' ' || body_text)), 'đ', 'd') AS norm,
    replace(lower(strip_accents(body_text)), 'đ', 'd') AS norm_body
  FROM articles
),
stats AS (SELECT count(*) AS n, avg(length(norm)) AS avglen FROM docs),
tf AS (
  SELECT d.article_id, t.term, length(d.norm) AS dl,
    len(regexp_extract_all(d.norm, '\\b' || t.term || '\\b')) AS f
  FROM docs d, terms t
),
df AS (SELECT term, count(*) FILTER (WHERE f > 0) AS df FROM tf GROUP BY term),
scored AS (
  SELECT tf.article_id,
    sum(ln(1 + (s.n - df.df + 0.5) / (df.df + 0.5)) * tf.f * 2.2 / (tf.f + 1.2 * (0.25 + 0.75 * tf.dl / s.avglen))) AS score,
    arg_max(tf.term, tf.f) AS best_term
  FROM tf JOIN df USING (term), stats s WHERE tf.f > 0 GROUP BY tf.article_id
),
located AS (
  SELECT sc.article_id, sc.score, sc.best_term, d.body_text,
    coalesce(nullif(strpos(' ' || d.norm_body, ' ' || sc.best_term), 0), strpos(d.norm_body, sc.best_term)) AS pos
  FROM scored sc JOIN docs d USING (article_id)
)
SELECT article_id, score,
  CASE WHEN pos = 0 THEN left(body_text, 160)
  ELSE (CASE WHEN pos > 70 THEN '…' ELSE '' END) || substr(body_text, greatest(1, pos - 70), pos - greatest(1, pos - 70))
    || '<mark>' || substr(body_text, pos, length(best_term)) || '</mark>'
    || substr(body_text, pos + length(best_term), 90) || '…'
  END AS snippet
FROM located ORDER BY score DESC;
`
