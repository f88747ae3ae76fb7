-- Published aggregates (issue #17): the dashboard's counts precomputed at finalize
-- (pipeline/src/warehouse/aggregates.ts), so a request sums a few hundred rows instead of scanning
-- articles and mentions. One article per near-duplicate cluster (as v_article_units), one row set per
-- unit system; rows whose article has no province in that system keep province_code NULL (the
-- campaign list counts them), the routes that follow v_article_units leave them out.

CREATE TABLE IF NOT EXISTS agg_units_month (
  system VARCHAR NOT NULL,
  province_code VARCHAR,
  month DATE,
  source_id VARCHAR,
  origin VARCHAR,
  articles BIGINT NOT NULL,
  thidua_articles BIGINT NOT NULL,
  campaign_articles BIGINT NOT NULL,
  attachments BIGINT NOT NULL,
  first_date DATE,
  last_date DATE
);

CREATE TABLE IF NOT EXISTS agg_campaign_month (
  system VARCHAR NOT NULL,
  province_code VARCHAR,
  campaign_id VARCHAR NOT NULL,
  month DATE,
  source_id VARCHAR,
  origin VARCHAR,
  articles BIGINT NOT NULL,
  thidua_articles BIGINT NOT NULL,
  attachments BIGINT NOT NULL,
  first_date DATE,
  last_date DATE
);

CREATE TABLE IF NOT EXISTS agg_document_citations (
  document_id VARCHAR NOT NULL,
  system VARCHAR NOT NULL,
  province_code VARCHAR NOT NULL,
  year INTEGER,
  source_id VARCHAR,
  is_central BOOLEAN,
  citing_articles BIGINT NOT NULL,
  first_cited DATE,
  last_cited DATE
);

CREATE TABLE IF NOT EXISTS agg_documents (
  document_id VARCHAR NOT NULL,
  citing_provinces_2008 BIGINT NOT NULL,
  citing_provinces_2025 BIGINT NOT NULL
);
