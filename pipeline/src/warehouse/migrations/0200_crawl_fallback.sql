-- The crawler (migrations 0100–0199) owns `fetches`. When a database is built without the crawler
-- (tests, fixtures, loads from files), this empty table keeps v_source_health and exports working.
CREATE TABLE IF NOT EXISTS fetches (
  run_id VARCHAR,
  source_id VARCHAR,
  url VARCHAR,
  status INTEGER,
  bytes BIGINT,
  attempts INTEGER,
  error VARCHAR,
  elapsed_ms DOUBLE,
  fetched_at TIMESTAMPTZ
);
