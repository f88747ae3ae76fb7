-- Timeline layers (issues #11, #13): congresses of the Party and mass organisations (events of kind
-- 'other') are their own item kind 'org_congress' with their organisation, instead of passing for
-- model-example conferences; every item keeps the 2008 province it came from, so the 34-unit view can
-- label the history of a merged province ("Yên Bái (nay thuộc Lào Cai)") instead of crediting it silently.
-- The one definition of v_province_timeline (0004 once had an older one); comments: 0461_timeline_layers.tsv.
CREATE OR REPLACE VIEW v_province_timeline AS
WITH doc_units AS (
  SELECT '2008' AS system, province_code_2008 AS province_code, * FROM documents
  WHERE NOT is_central AND province_code_2008 IS NOT NULL
  UNION ALL
  SELECT '2025' AS system, province_code_2025 AS province_code, * FROM documents
  WHERE NOT is_central AND province_code_2025 IS NOT NULL
),
event_units AS (
  SELECT '2008' AS system, province_code_2008 AS province_code, * FROM events WHERE province_code_2008 IS NOT NULL
  UNION ALL
  SELECT '2025' AS system, province_code_2025 AS province_code, * FROM events WHERE province_code_2025 IS NOT NULL
)
SELECT system, province_code, issued_on AS item_date, 'document' AS item_kind, label, 'issued' AS status,
  NULL::DATE AS planned_start, NULL::DATE AS planned_end, NULL::DATE AS held_on, NULL::INTEGER AS delay_days,
  first_article_id AS article_id, NULL::VARCHAR AS event_id, document_id,
  NULL::VARCHAR AS organization, province_code_2008 AS origin_code_2008
FROM doc_units
UNION ALL
SELECT system, province_code, coalesce(held_on, planned_start) AS item_date,
  CASE kind WHEN 'dai_hoi_thi_dua' THEN 'congress' WHEN 'hoi_nghi_dien_hinh' THEN 'conference' ELSE 'org_congress' END AS item_kind,
  label,
  CASE WHEN held_on IS NOT NULL THEN 'held' WHEN planned_start IS NOT NULL THEN 'planned' ELSE 'unknown' END AS status,
  planned_start, planned_end, held_on,
  -- days late (positive) or early (negative) against the planned window; 0 when held inside it
  CASE
    WHEN held_on IS NULL OR planned_start IS NULL THEN NULL
    WHEN held_on > coalesce(planned_end, planned_start) THEN date_diff('day', coalesce(planned_end, planned_start), held_on)
    WHEN held_on < planned_start THEN date_diff('day', planned_start, held_on)
    ELSE 0
  END::INTEGER AS delay_days,
  first_article_id AS article_id, event_id, NULL::VARCHAR AS document_id,
  o.organization, province_code_2008 AS origin_code_2008
FROM event_units LEFT JOIN event_organizations o USING (event_id);

CREATE OR REPLACE VIEW v_province_timeline_labelled AS
SELECT t.*, o.name_vi AS origin_name,
  (t.system = '2025' AND t.origin_code_2008 IS NOT NULL AND o.name_vi IS DISTINCT FROM n.name_vi) AS from_merged_province
FROM v_province_timeline t
LEFT JOIN provinces o ON o.system = '2008' AND o.code = t.origin_code_2008
LEFT JOIN provinces n ON n.system = t.system AND n.code = t.province_code;
