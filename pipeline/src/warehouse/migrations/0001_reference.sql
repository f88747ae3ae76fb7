-- Reference tables, refreshed from data/reference/ by the loader (reference.ts) when the files change.
CREATE TABLE IF NOT EXISTS provinces (
  code VARCHAR NOT NULL,            -- GSO code, 2 digits
  system VARCHAR NOT NULL,          -- '2008' (63 units, until 2025-06-30) or '2025' (34 units, since 2025-07-01)
  name_vi VARCHAR NOT NULL,
  full_name_vi VARCHAR,
  name_ascii VARCHAR,
  slug VARCHAR,
  unit_type VARCHAR,                -- tinh | thanh_pho_truc_thuoc_trung_uong
  region VARCHAR,
  valid_from DATE,
  valid_to DATE,                    -- NULL: still valid
  PRIMARY KEY (system, code)
);

CREATE TABLE IF NOT EXISTS province_lineage (
  old_code VARCHAR PRIMARY KEY,     -- 2008-system code
  new_code VARCHAR NOT NULL,        -- 2025-system code it belongs to from effective_on
  effective_on DATE NOT NULL,
  old_name_vi VARCHAR,
  new_name_vi VARCHAR,
  change VARCHAR,                   -- unchanged | merged_into | absorbed ...
  is_centre BOOLEAN
);

CREATE TABLE IF NOT EXISTS province_aliases (
  alias VARCHAR NOT NULL,
  canonical_name_vi VARCHAR,
  code_2008 VARCHAR,
  code_2025 VARCHAR,
  alias_kind VARCHAR
);

CREATE TABLE IF NOT EXISTS campaigns (
  campaign_id VARCHAR PRIMARY KEY,
  name_vi VARCHAR NOT NULL,
  launched_on DATE,
  launched_on_precision VARCHAR,
  launched_by VARCHAR,
  launching_document VARCHAR,
  scope VARCHAR
);

CREATE TABLE IF NOT EXISTS milestones (
  id VARCHAR PRIMARY KEY,
  date DATE,
  event_vi VARCHAR,
  document VARCHAR,
  issuer VARCHAR
);

CREATE TABLE IF NOT EXISTS national_congresses (
  number INTEGER PRIMARY KEY,
  ordinal VARCHAR,
  name_vi VARCHAR,
  start_date DATE,
  end_date DATE,
  location VARCHAR
);

-- Content hash of each reference file last loaded, so reloading happens only when a file changed.
CREATE TABLE IF NOT EXISTS reference_state (
  name VARCHAR PRIMARY KEY,
  content_hash VARCHAR NOT NULL
);
