-- Incremental finalize (issue #17): loadBatch records which articles it wrote since the last finalize and,
-- for an article it replaces, the keys its old rows touched (they are gone by finalize time); finalize
-- rebuilds only the clusters, documents, events, relations, search postings and aggregate cells those
-- touch, then empties the queues. finalize_state says when a full rebuild is due instead.

CREATE TABLE IF NOT EXISTS finalize_pending (
  article_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS finalize_stale_ids (
  kind VARCHAR NOT NULL,
  id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS finalize_stale_bands (
  band INTEGER NOT NULL,
  bucket UBIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS finalize_stale_cells (
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR,
  month DATE,
  source_id VARCHAR,
  origin VARCHAR
);

CREATE TABLE IF NOT EXISTS finalize_attachments_seen (
  article_id VARCHAR NOT NULL,
  row_hash UBIGINT NOT NULL,
  document_id VARCHAR
);

CREATE TABLE IF NOT EXISTS finalize_state (
  finalize_version INTEGER NOT NULL,
  extractor_version VARCHAR,
  mode VARCHAR NOT NULL,
  articles_changed BIGINT NOT NULL,
  finalized_at TIMESTAMPTZ NOT NULL
);
