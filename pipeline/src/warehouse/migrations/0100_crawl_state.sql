-- Crawl state (area B). Idempotent: safe to run on every open.
-- crawl_pages is the durable frontier and page ledger: one row per canonical URL the crawler has
-- discovered. A row is written in the same transaction as the fetch that produced it, so a crawl killed
-- at any point resumes from here without refetching stored pages.
CREATE TABLE IF NOT EXISTS crawl_pages (
  url VARCHAR PRIMARY KEY,
  source_id VARCHAR NOT NULL,
  -- how the crawler meant to use it: entry | home | listing | feed | sitemap | article
  role VARCHAR NOT NULL,
  -- queued | stored | failed | skipped_robots | duplicate | redirected
  state VARCHAR NOT NULL,
  is_article BOOLEAN,
  -- what the body was: html | rss | atom | sitemapindex | urlset | other
  content_kind VARCHAR,
  discovered_from VARCHAR,
  first_seen_run VARCHAR NOT NULL,
  last_run VARCHAR NOT NULL,
  http_status INTEGER,
  content_type VARCHAR,
  etag VARCHAR,
  last_modified VARCHAR,
  content_hash VARCHAR,
  bytes BIGINT,
  encoding VARCHAR,
  record_id VARCHAR,
  duplicate_of VARCHAR,
  redirect_to VARCHAR,
  attempts INTEGER,
  fail_count INTEGER NOT NULL DEFAULT 0,
  last_error VARCHAR,
  fetched_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Every fetch the crawler made (one row per URL fetch; retries are counted in attempts).
CREATE TABLE IF NOT EXISTS crawl_fetches (
  run_id VARCHAR NOT NULL,
  source_id VARCHAR,
  url VARCHAR NOT NULL,
  final_url VARCHAR,
  status INTEGER,
  bytes BIGINT,
  attempts INTEGER NOT NULL,
  error VARCHAR,
  not_modified BOOLEAN NOT NULL DEFAULT false,
  elapsed_ms DOUBLE,
  fetched_at TIMESTAMPTZ NOT NULL
);

-- Edges the crawler followed or refused (offsite). Replayed when a revisited page answers 304.
CREATE TABLE IF NOT EXISTS crawl_links (
  from_url VARCHAR NOT NULL,
  to_url VARCHAR NOT NULL,
  -- article | listing | next | feed | sitemap | offsite
  rel VARCHAR NOT NULL,
  first_seen_run VARCHAR NOT NULL,
  PRIMARY KEY (from_url, to_url)
);

-- Per source: the last crawl that ran to completion. Incremental paging is only trusted after one.
CREATE TABLE IF NOT EXISTS crawl_source_state (
  source_id VARCHAR PRIMARY KEY,
  last_complete_run VARCHAR,
  last_complete_at TIMESTAMPTZ
);

CREATE TABLE IF NOT EXISTS crawl_runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  status VARCHAR NOT NULL,
  live BOOLEAN NOT NULL,
  summary JSON
);

CREATE OR REPLACE VIEW crawl_failures AS
SELECT url, source_id, role, last_error AS reason, attempts, fail_count, http_status, last_run
FROM crawl_pages
WHERE state = 'failed';

-- The public name of the fetch log (contract #7). A no-op when the warehouse already defines `fetches`.
CREATE VIEW IF NOT EXISTS fetches AS
SELECT run_id, source_id, url, final_url, status, bytes, attempts, error, not_modified, elapsed_ms, fetched_at
FROM crawl_fetches;
