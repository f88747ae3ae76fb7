-- Issue #16: relations between documents (extracted per article, resolved to documents after each run),
-- who has answered which central document (implementation views, both unit systems) and the alerts
-- the watch rules fire. relation_mentions is loaded with the article's other mentions (loadBatch);
-- document_relations is rebuilt from it by finalizeRun.
CREATE TABLE IF NOT EXISTS relation_mentions (
  article_id VARCHAR NOT NULL,
  mention_index INTEGER NOT NULL,
  relation VARCHAR NOT NULL,
  from_mention INTEGER NOT NULL,
  to_mention INTEGER,
  campaign_id VARCHAR,
  event_mention INTEGER,
  span_start INTEGER,
  span_end INTEGER,
  extractor_version VARCHAR
);

CREATE TABLE IF NOT EXISTS document_relations (
  from_document_id VARCHAR NOT NULL,
  relation VARCHAR NOT NULL,
  to_document_id VARCHAR,
  to_campaign_id VARCHAR,
  to_event_id VARCHAR,
  article_id VARCHAR NOT NULL,
  span_start INTEGER,
  span_end INTEGER
);

CREATE TABLE IF NOT EXISTS alerts (
  alert_id VARCHAR PRIMARY KEY,
  rule_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  fired_at TIMESTAMPTZ NOT NULL,
  run_id VARCHAR,
  subject VARCHAR NOT NULL,
  evidence JSON
);

-- One row per central document × province that has answered it: its FIRST implementing document, in
-- both unit systems. A 2025 unit formed by a merger has answered when any of its predecessors had
-- (via_predecessor). The date is the implementing document's own, else the first article citing it.
CREATE OR REPLACE VIEW v_implementation AS
WITH impl AS (
  SELECT DISTINCT r.to_document_id AS central_document_id, f.document_id AS implementing_document_id,
    f.province_code_2008 AS p8, f.province_code_2025 AS p25,
    coalesce(f.issued_on, f.first_cited) AS issued_on,
    CASE WHEN f.issued_on IS NOT NULL THEN 'issued' ELSE 'first_cited' END AS date_basis
  FROM document_relations r
  JOIN documents c ON c.document_id = r.to_document_id AND c.is_central
  JOIN documents f ON f.document_id = r.from_document_id AND NOT f.is_central
  WHERE r.relation = 'implements' AND f.province_code_2025 IS NOT NULL
),
merged AS (SELECT new_code FROM province_lineage GROUP BY new_code HAVING count(*) > 1),
units AS (
  SELECT '2008' AS system, central_document_id, p8 AS province_code_2008, p25 AS province_code_2025,
    implementing_document_id, issued_on, date_basis, false AS via_predecessor
  FROM impl WHERE p8 IS NOT NULL AND (issued_on IS NULL OR issued_on < DATE '2025-07-01')
  UNION ALL
  SELECT '2025', central_document_id, p8, p25, implementing_document_id, issued_on, date_basis,
    p25 IN (SELECT new_code FROM merged) AND p8 IS NOT NULL AND issued_on < DATE '2025-07-01'
  FROM impl
),
firsts AS (
  SELECT *, row_number() OVER (
    PARTITION BY system, central_document_id, CASE system WHEN '2008' THEN province_code_2008 ELSE province_code_2025 END
    ORDER BY issued_on NULLS LAST, implementing_document_id) AS k
  FROM units
)
SELECT f.central_document_id, f.system, f.province_code_2008, f.province_code_2025,
  f.implementing_document_id, f.issued_on, date_diff('day', c.issued_on, f.issued_on) AS lag_days,
  f.date_basis, f.via_predecessor
FROM firsts f JOIN documents c ON c.document_id = f.central_document_id
WHERE f.k = 1;

-- Per central document and unit system: how many provinces answered, and the national median lag.
CREATE OR REPLACE VIEW v_implementation_summary AS
SELECT c.document_id AS central_document_id, s.system,
  (SELECT count(*) FROM provinces p WHERE p.system = s.system) AS provinces_total,
  count(i.implementing_document_id) AS provinces_answered,
  median(i.lag_days) AS median_lag_days,
  min(i.lag_days) AS min_lag_days,
  max(i.lag_days) AS max_lag_days
FROM documents c
CROSS JOIN (VALUES ('2008'), ('2025')) s(system)
LEFT JOIN v_implementation i ON i.central_document_id = c.document_id AND i.system = s.system
WHERE c.is_central
GROUP BY c.document_id, s.system;

-- Provinces with no implementing document yet, and for how long (as of today; filter days_waiting > N).
-- 2008 units are listed only for documents issued before they ceased (2025-07-01).
CREATE OR REPLACE VIEW v_implementation_pending AS
SELECT c.document_id AS central_document_id, p.system, p.code AS province_code, p.name_vi AS province_name,
  c.issued_on, date_diff('day', c.issued_on, current_date) AS days_waiting
FROM documents c
JOIN provinces p ON p.system = '2025' OR c.issued_on IS NULL OR c.issued_on < coalesce(p.valid_to, DATE '9999-12-31')
WHERE c.is_central AND NOT EXISTS (
  SELECT 1 FROM v_implementation i
  WHERE i.central_document_id = c.document_id AND i.system = p.system
    AND (CASE p.system WHEN '2008' THEN i.province_code_2008 ELSE i.province_code_2025 END) = p.code);
