-- The documents list precomputed (issue #17): every document with the columns /api/documents shows,
-- its citing provinces per unit system, the folded text its search matches, and its position in the
-- list's default order, written in that order. A page of the unfiltered list reads one range of
-- `rank` (zone maps skip the other row groups); a filtered page scans this one narrow table instead
-- of joining documents with their citations; `agg_document_list_provinces` gives the positions cited in
-- a province, sorted so a province's rows are one range. Rebuilt at finalize
-- (pipeline/src/warehouse/document-list.ts).

CREATE TABLE IF NOT EXISTS agg_document_list (
  rank BIGINT NOT NULL,
  document_id VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  number VARCHAR,
  symbol VARCHAR,
  display_symbol VARCHAR,
  label VARCHAR,
  issued_on DATE,
  issuer VARCHAR,
  is_central BOOLEAN,
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR,
  mention_count INTEGER,
  article_count INTEGER,
  first_cited DATE,
  last_cited DATE,
  province_name VARCHAR,
  citing_provinces_2008 BIGINT NOT NULL,
  citing_provinces_2025 BIGINT NOT NULL,
  search_text VARCHAR
);

CREATE TABLE IF NOT EXISTS agg_document_list_provinces (
  system VARCHAR NOT NULL,
  province_code VARCHAR NOT NULL,
  rank BIGINT NOT NULL
);
