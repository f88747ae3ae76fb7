-- Timeline layers (issues #11, #13): congresses of the Party and mass organisations (events of kind
-- 'other') are their own item kind 'org_congress' with their organisation, instead of passing for
-- model-example conferences; every item keeps the 2008 province it came from, so the 34-unit view can
-- label the history of a merged province ("Yên Bái (nay thuộc Lào Cai)") instead of crediting it silently.
-- A re-created view loses its comments in DuckDB: all of them are written again below.
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

COMMENT ON VIEW v_province_timeline IS 'Dòng thời gian văn bản và sự kiện của từng tỉnh | Timeline of each province''s documents and events';
COMMENT ON COLUMN v_province_timeline.system IS 'hệ đơn vị hành chính: ''2008'' (63 tỉnh) hoặc ''2025'' (34 tỉnh) | unit system: ''2008'' (63 units) or ''2025'' (34 units)';
COMMENT ON COLUMN v_province_timeline.province_code IS 'mã tỉnh GSO trong hệ của cột system | GSO province code in the system named by the system column';
COMMENT ON COLUMN v_province_timeline.item_date IS 'ngày của mục | date of the item';
COMMENT ON COLUMN v_province_timeline.item_kind IS 'loại mục: document, congress (đại hội thi đua), conference (hội nghị điển hình), org_congress (đại hội của Đảng, đoàn thể) | item kind: document, congress (emulation congress), conference (model-example conference), org_congress (Party or mass-organisation congress)';
COMMENT ON COLUMN v_province_timeline.label IS 'nhãn | label';
COMMENT ON COLUMN v_province_timeline.status IS 'trạng thái: issued, planned, held, unknown | status: issued, planned, held, unknown';
COMMENT ON COLUMN v_province_timeline.planned_start IS 'đầu khoảng dự kiến | start of the planned window';
COMMENT ON COLUMN v_province_timeline.planned_end IS 'cuối khoảng dự kiến | end of the planned window';
COMMENT ON COLUMN v_province_timeline.held_on IS 'ngày tổ chức | date held';
COMMENT ON COLUMN v_province_timeline.delay_days IS 'số ngày chậm so với cuối khoảng dự kiến (âm: sớm; 0: đúng hạn) | days after the planned window''s end (negative: before its start; 0: inside)';
COMMENT ON COLUMN v_province_timeline.article_id IS 'bài viết nguồn | source article';
COMMENT ON COLUMN v_province_timeline.event_id IS 'mã sự kiện (nếu là sự kiện) | event id (for an event)';
COMMENT ON COLUMN v_province_timeline.document_id IS 'mã văn bản (nếu là văn bản) | document id (for a document)';
COMMENT ON COLUMN v_province_timeline.organization IS 'tổ chức của đại hội org_congress (party, trade_union, …); NULL với mục khác | holder of an org_congress (party, trade_union, …); NULL for other items';
COMMENT ON COLUMN v_province_timeline.origin_code_2008 IS 'mã tỉnh cũ (hệ 2008) nơi mục này phát sinh | 2008-system province the item comes from';

COMMENT ON VIEW v_province_timeline_labelled IS 'Dòng thời gian kèm tên tỉnh cũ cho lịch sử của tỉnh đã hợp nhất | Timeline with the former province named for a merged province''s history';
COMMENT ON COLUMN v_province_timeline_labelled.system IS 'hệ đơn vị hành chính: ''2008'' (63 tỉnh) hoặc ''2025'' (34 tỉnh) | unit system: ''2008'' (63 units) or ''2025'' (34 units)';
COMMENT ON COLUMN v_province_timeline_labelled.province_code IS 'mã tỉnh GSO trong hệ của cột system | GSO province code in the system named by the system column';
COMMENT ON COLUMN v_province_timeline_labelled.item_date IS 'ngày của mục | date of the item';
COMMENT ON COLUMN v_province_timeline_labelled.item_kind IS 'loại mục: document, congress (đại hội thi đua), conference (hội nghị điển hình), org_congress (đại hội của Đảng, đoàn thể) | item kind: document, congress (emulation congress), conference (model-example conference), org_congress (Party or mass-organisation congress)';
COMMENT ON COLUMN v_province_timeline_labelled.label IS 'nhãn | label';
COMMENT ON COLUMN v_province_timeline_labelled.status IS 'trạng thái: issued, planned, held, unknown | status: issued, planned, held, unknown';
COMMENT ON COLUMN v_province_timeline_labelled.planned_start IS 'đầu khoảng dự kiến | start of the planned window';
COMMENT ON COLUMN v_province_timeline_labelled.planned_end IS 'cuối khoảng dự kiến | end of the planned window';
COMMENT ON COLUMN v_province_timeline_labelled.held_on IS 'ngày tổ chức | date held';
COMMENT ON COLUMN v_province_timeline_labelled.delay_days IS 'số ngày chậm so với cuối khoảng dự kiến (âm: sớm; 0: đúng hạn) | days after the planned window''s end (negative: before its start; 0: inside)';
COMMENT ON COLUMN v_province_timeline_labelled.article_id IS 'bài viết nguồn | source article';
COMMENT ON COLUMN v_province_timeline_labelled.event_id IS 'mã sự kiện (nếu là sự kiện) | event id (for an event)';
COMMENT ON COLUMN v_province_timeline_labelled.document_id IS 'mã văn bản (nếu là văn bản) | document id (for a document)';
COMMENT ON COLUMN v_province_timeline_labelled.organization IS 'tổ chức của đại hội org_congress (party, trade_union, …); NULL với mục khác | holder of an org_congress (party, trade_union, …); NULL for other items';
COMMENT ON COLUMN v_province_timeline_labelled.origin_code_2008 IS 'mã tỉnh cũ (hệ 2008) nơi mục này phát sinh | 2008-system province the item comes from';
COMMENT ON COLUMN v_province_timeline_labelled.origin_name IS 'tên tỉnh cũ (hệ 2008) | name of the 2008-system province';
COMMENT ON COLUMN v_province_timeline_labelled.from_merged_province IS 'mục thuộc lịch sử của một tỉnh đã hợp nhất vào tỉnh này (hệ 2025) | the item belongs to the history of a province merged into this one (2025 system)';
