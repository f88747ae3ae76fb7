-- Data checks (issue #13): contradictions the dashboard must flag instead of showing as facts. Each
-- check is a view of the offending rows; v_data_checks counts them for the Pipeline page.

-- A document cited by an article published before the document's own issue date.
CREATE OR REPLACE VIEW v_check_cited_before_issue AS
SELECT DISTINCT d.document_id, d.label, d.issued_on, m.article_id, a.published_date,
  date_diff('day', a.published_date, d.issued_on) AS days_before
FROM document_mentions m
JOIN documents d USING (document_id)
JOIN articles a USING (article_id)
WHERE d.issued_on IS NOT NULL AND a.published_date IS NOT NULL AND a.published_date < d.issued_on;

-- Campaign adoption lags that cannot be right: a first mention before the launch, or over ten years after.
CREATE OR REPLACE VIEW v_check_implausible_lags AS
SELECT system, province_code, campaign_id, launched_on, first_mention, lag_days,
  CASE WHEN lag_days < 0 THEN 'before_launch' ELSE 'over_10_years' END AS reason
FROM v_campaign_adoption
WHERE lag_days < 0 OR lag_days > 3650;

-- Events reported held before the start of the window they were planned for.
CREATE OR REPLACE VIEW v_check_held_before_planned AS
SELECT event_id, label, province_code_2025, planned_start, planned_end, held_on,
  date_diff('day', held_on, planned_start) AS days_early
FROM events
WHERE held_on IS NOT NULL AND planned_start IS NOT NULL AND held_on < planned_start;

-- Provinces with articles whose newest emulation article is over 12 months older than the newest in
-- the whole warehouse (silent, or their sources stopped being crawled).
CREATE OR REPLACE VIEW v_check_silent_provinces AS
WITH last AS (
  SELECT system, province_code, max(published_date) AS last_article
  FROM v_article_units WHERE is_thidua AND published_date IS NOT NULL GROUP BY ALL
),
newest AS (SELECT max(published_date) AS d FROM v_article_units WHERE published_date IS NOT NULL)
SELECT l.system, l.province_code, l.last_article,
  CAST(date_diff('month', l.last_article, newest.d) AS INTEGER) AS months_silent
FROM last l, newest
WHERE date_diff('month', l.last_article, newest.d) > 12;

-- The same provincial document (type, number, symbol, issue date) attributed to more than one province.
CREATE OR REPLACE VIEW v_check_duplicate_documents AS
SELECT type, number, symbol, issued_on, list(DISTINCT province_code_2008 ORDER BY province_code_2008) AS provinces,
  list(document_id ORDER BY document_id) AS document_ids
FROM documents
WHERE NOT coalesce(is_central, false) AND issued_on IS NOT NULL AND number IS NOT NULL AND province_code_2008 IS NOT NULL
GROUP BY type, number, symbol, issued_on
HAVING count(DISTINCT province_code_2008) > 1;

CREATE OR REPLACE VIEW v_data_checks AS
SELECT 'cited_before_issue' AS check_id, 'Văn bản được trích dẫn trước ngày ban hành' AS name_vi,
  'Document cited before its issue date' AS name_en, 'v_check_cited_before_issue' AS view_name,
  (SELECT count(*) FROM v_check_cited_before_issue) AS row_count
UNION ALL SELECT 'implausible_lags', 'Độ trễ hưởng ứng âm hoặc trên 10 năm', 'Negative or over-ten-year adoption lag',
  'v_check_implausible_lags', (SELECT count(*) FROM v_check_implausible_lags)
UNION ALL SELECT 'held_before_planned', 'Sự kiện tổ chức trước thời gian dự kiến', 'Event held before its planned window',
  'v_check_held_before_planned', (SELECT count(*) FROM v_check_held_before_planned)
UNION ALL SELECT 'silent_provinces', 'Tỉnh không có bài mới trên 12 tháng', 'Province silent for over 12 months',
  'v_check_silent_provinces', (SELECT count(*) FROM v_check_silent_provinces)
UNION ALL SELECT 'duplicate_documents', 'Cùng một văn bản gắn với nhiều tỉnh', 'Same document attributed to several provinces',
  'v_check_duplicate_documents', (SELECT count(*) FROM v_check_duplicate_documents);
