-- Crawl state (area B). Idempotent: applied on every crawler open and by the warehouse runner.
--
-- crawl_page_log is the durable frontier and page ledger, append-only: every state a URL passes
-- through (queued, stored, failed, ...) is one row, written in the same transaction as the fetch that
-- produced it. Appending keeps commits cheap (DuckDB upserts cost milliseconds per row) and a crawl
-- killed at any point resumes from the latest row of each URL. crawl_page_state is that latest row.
CREATE SEQUENCE IF NOT EXISTS crawl_page_log_seq;

CREATE TABLE IF NOT EXISTS crawl_page_log (
  seq BIGINT NOT NULL DEFAULT nextval('crawl_page_log_seq'),
  run_id VARCHAR NOT NULL,
  url VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  -- how the crawler meant to use it: entry | home | listing | feed | sitemap | article
  role VARCHAR NOT NULL,
  -- queued | stored | failed | skipped_robots | duplicate | redirected
  state VARCHAR NOT NULL,
  is_article BOOLEAN,
  -- what the body was: html | rss | atom | sitemapindex | urlset | other
  content_kind VARCHAR,
  discovered_from VARCHAR,
  http_status INTEGER,
  content_type VARCHAR,
  etag VARCHAR,
  last_modified VARCHAR,
  content_hash VARCHAR,
  bytes BIGINT,
  encoding VARCHAR,
  -- WARC-Record-ID of the archived response (see crawl/archive.ts)
  record_id VARCHAR,
  duplicate_of VARCHAR,
  redirect_to VARCHAR,
  attempts INTEGER,
  last_error VARCHAR,
  fetched_at TIMESTAMPTZ,
  logged_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE OR REPLACE VIEW crawl_page_state AS
WITH ranked AS (
  SELECT
    *,
    row_number() OVER (PARTITION BY url ORDER BY seq DESC) AS rn,
    first_value(run_id) OVER (PARTITION BY url ORDER BY seq) AS first_seen_run,
    first_value(discovered_from IGNORE NULLS) OVER (
      PARTITION BY url ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS first_discovered_from,
    count(*) FILTER (WHERE state = 'failed') OVER (PARTITION BY url) AS fail_count
  FROM crawl_page_log
)
SELECT
  url, source_id, role, state, is_article, content_kind,
  first_discovered_from AS discovered_from,
  first_seen_run, run_id AS last_run,
  http_status, content_type, etag, last_modified, content_hash, bytes, encoding, record_id,
  duplicate_of, redirect_to, attempts, fail_count, last_error, fetched_at, logged_at AS updated_at
FROM ranked
WHERE rn = 1;

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

-- Edges the crawler followed or refused (offsite); replayed when a revisited page answers 304.
-- Written when a page's content is new, so a pair may repeat across changed versions: read DISTINCT.
CREATE TABLE IF NOT EXISTS crawl_link_log (
  from_url VARCHAR NOT NULL,
  to_url VARCHAR NOT NULL,
  -- article | listing | next | feed | sitemap | offsite | redirect
  rel VARCHAR NOT NULL,
  run_id VARCHAR NOT NULL
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
FROM crawl_page_state
WHERE state = 'failed';

-- The public name of the fetch log (contract #7). A no-op when the warehouse already defines `fetches`.
CREATE VIEW IF NOT EXISTS fetches AS
SELECT run_id, source_id, url, final_url, status, bytes, attempts, error, not_modified, elapsed_ms, fetched_at
FROM crawl_fetches;
