-- Sources, runs and the article model with its mentions. No primary-key indexes on the big tables:
-- loadBatch replaces an article's rows by article_id (delete + bulk insert in one transaction).
CREATE TABLE IF NOT EXISTS sources (
  source_id VARCHAR PRIMARY KEY,
  name VARCHAR,
  kind VARCHAR,
  platform VARCHAR,
  base_url VARCHAR,
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR
);

CREATE TABLE IF NOT EXISTS pipeline_runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  status VARCHAR NOT NULL,          -- running | ok | failed
  mode VARCHAR,                     -- offline | live | reparse | test ...
  extractor_version VARCHAR,
  articles_loaded BIGINT DEFAULT 0,
  error VARCHAR
);

CREATE TABLE IF NOT EXISTS stage_stats (
  run_id VARCHAR NOT NULL,
  stage VARCHAR NOT NULL,           -- crawl | parse | extract | load | finalize | publish ...
  started_at TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,
  items_in BIGINT,
  items_out BIGINT,
  failures BIGINT,
  elapsed_ms DOUBLE,
  details JSON,
  PRIMARY KEY (run_id, stage)
);

CREATE TABLE IF NOT EXISTS parse_failures (
  url VARCHAR PRIMARY KEY,
  source_id VARCHAR,
  reason VARCHAR NOT NULL,
  run_id VARCHAR,
  failed_at TIMESTAMPTZ,
  attempts INTEGER DEFAULT 1
);

CREATE TABLE IF NOT EXISTS articles (
  article_id VARCHAR NOT NULL,      -- 'a_' + first 16 hex of sha256(canonical url)
  source_id VARCHAR,
  url VARCHAR NOT NULL,
  title VARCHAR NOT NULL,
  published_at TIMESTAMPTZ,
  published_date DATE,              -- local (Asia/Ho_Chi_Minh) date of published_at
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR,
  province_basis VARCHAR,           -- source | text | source+text | none
  body_text VARCHAR NOT NULL,
  origin VARCHAR,
  platform VARCHAR,
  lead VARCHAR,
  dateline VARCHAR,
  authors VARCHAR[],
  updated_at TIMESTAMPTZ,
  category VARCHAR,
  tags VARCHAR[],
  language VARCHAR,
  content_hash VARCHAR,
  body_chars INTEGER,
  archive_record_id VARCHAR,
  extractor_version VARCHAR,
  is_thidua BOOLEAN,                -- about emulation work: 'thi đua'/'khen thưởng' in the text or an event/campaign found
  cluster_id VARCHAR                -- near-duplicate cluster = article_id of its representative (finalizeRun)
);

CREATE TABLE IF NOT EXISTS document_mentions (
  article_id VARCHAR NOT NULL,
  mention_index INTEGER NOT NULL,
  type VARCHAR NOT NULL,
  number VARCHAR,
  symbol VARCHAR,
  year_in_symbol INTEGER,
  issued_on DATE,
  issuer VARCHAR,
  issuer_level VARCHAR,
  issuer_scope VARCHAR NOT NULL,    -- 'central', 'p2008:NN' / 'p2025:NN' for local issuers, or 'unknown'
  issuer_province_2008 VARCHAR,
  issuer_province_2025 VARCHAR,
  key_year INTEGER,
  key_year_basis VARCHAR,           -- issued_on | symbol | article | none
  key_document_id VARCHAR NOT NULL, -- id from this mention's own key
  document_id VARCHAR NOT NULL,     -- resolved id (an undated or symbol-less mention may join a dated document)
  surface VARCHAR NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  archive_record_id VARCHAR,
  extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS event_mentions (
  article_id VARCHAR NOT NULL,
  mention_index INTEGER NOT NULL,
  kind VARCHAR NOT NULL,
  scope VARCHAR,
  place VARCHAR,
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR,
  ordinal INTEGER,
  year INTEGER,
  period VARCHAR,
  status VARCHAR,
  time_start DATE,
  time_end DATE,
  event_id VARCHAR,                 -- NULL when the event has no province (national/unknown scope)
  surface VARCHAR NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  archive_record_id VARCHAR,
  extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS campaign_mentions (
  article_id VARCHAR NOT NULL,
  mention_index INTEGER NOT NULL,
  campaign_id VARCHAR NOT NULL,     -- id from campaigns, or 'candidate:<name>'
  is_candidate BOOLEAN NOT NULL,
  surface VARCHAR NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  archive_record_id VARCHAR,
  extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS time_mentions (
  article_id VARCHAR NOT NULL,
  mention_index INTEGER NOT NULL,
  surface VARCHAR NOT NULL,
  start_date DATE,
  end_date DATE,
  granularity VARCHAR,
  span_start INTEGER,
  span_end INTEGER,
  archive_record_id VARCHAR,
  extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS place_mentions (
  article_id VARCHAR NOT NULL,
  mention_index INTEGER NOT NULL,
  surface VARCHAR NOT NULL,
  code_2008 VARCHAR,
  code_2025 VARCHAR,
  span_start INTEGER,
  span_end INTEGER,
  detected_by VARCHAR,              -- extractor | warehouse (alias scan)
  extractor_version VARCHAR
);

-- MinHash signature and LSH band buckets per article, for near-duplicate clustering.
CREATE TABLE IF NOT EXISTS article_signatures (
  article_id VARCHAR NOT NULL,
  minhash UINTEGER[] NOT NULL
);
CREATE TABLE IF NOT EXISTS article_bands (
  article_id VARCHAR NOT NULL,
  band SMALLINT NOT NULL,
  bucket UBIGINT NOT NULL
);

-- Resolved entities, rebuilt by finalizeRun from the mentions.
CREATE TABLE IF NOT EXISTS article_clusters (
  article_id VARCHAR NOT NULL,
  cluster_id VARCHAR NOT NULL,
  is_representative BOOLEAN NOT NULL,
  cluster_size INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
  document_id VARCHAR PRIMARY KEY,
  type VARCHAR NOT NULL,
  number VARCHAR,
  symbol VARCHAR,
  year INTEGER,
  issued_on DATE,
  issuer VARCHAR,
  issuer_scope VARCHAR,
  is_central BOOLEAN,
  year_in_symbol INTEGER,
  display_symbol VARCHAR,           -- as written in Vietnamese documents: 138/KH-UBND, 41-CT/TW, 91/2017/NĐ-CP
  label VARCHAR,                    -- e.g. 'Kế hoạch 138/KH-UBND'
  first_article_id VARCHAR,
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR,
  mention_count INTEGER,
  article_count INTEGER,
  issued_on_conflict BOOLEAN,       -- citing articles disagree on the date of issue
  first_cited DATE,
  last_cited DATE
);

CREATE TABLE IF NOT EXISTS events (
  event_id VARCHAR PRIMARY KEY,
  kind VARCHAR NOT NULL,
  scope VARCHAR,
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR,
  ordinal INTEGER,
  period VARCHAR,
  year INTEGER,
  planned_start DATE,
  planned_end DATE,
  held_on DATE,
  held_on_basis VARCHAR,
  label VARCHAR,                    -- e.g. 'Đại hội thi đua yêu nước lần thứ VI'
  first_article_id VARCHAR,            -- text (a date in the report) | published (report's publication date)
  mention_count INTEGER,
  has_conflict BOOLEAN
);

CREATE TABLE IF NOT EXISTS event_conflicts (
  event_id VARCHAR NOT NULL,
  field VARCHAR NOT NULL,           -- planned | held
  value_start DATE,
  value_end DATE,
  article_ids VARCHAR[],
  mention_count INTEGER
);
