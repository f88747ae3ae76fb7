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

COMMENT ON VIEW v_check_cited_before_issue IS 'Kiểm tra: bài viết trích dẫn văn bản trước ngày ban hành của văn bản | Check: an article cites a document before its issue date';
COMMENT ON COLUMN v_check_cited_before_issue.document_id IS 'mã văn bản | document id';
COMMENT ON COLUMN v_check_cited_before_issue.label IS 'tên văn bản | document label';
COMMENT ON COLUMN v_check_cited_before_issue.issued_on IS 'ngày ban hành đã ghi nhận | recorded issue date';
COMMENT ON COLUMN v_check_cited_before_issue.article_id IS 'bài viết trích dẫn | citing article';
COMMENT ON COLUMN v_check_cited_before_issue.published_date IS 'ngày đăng bài | article publication date';
COMMENT ON COLUMN v_check_cited_before_issue.days_before IS 'số ngày bài đăng trước ngày ban hành | days the article precedes the issue date';

COMMENT ON VIEW v_check_implausible_lags IS 'Kiểm tra: độ trễ hưởng ứng phong trào âm hoặc trên 10 năm | Check: negative or over-ten-year campaign adoption lags';
COMMENT ON COLUMN v_check_implausible_lags.system IS 'hệ đơn vị | unit system';
COMMENT ON COLUMN v_check_implausible_lags.province_code IS 'mã tỉnh | province code';
COMMENT ON COLUMN v_check_implausible_lags.campaign_id IS 'mã phong trào | campaign id';
COMMENT ON COLUMN v_check_implausible_lags.launched_on IS 'ngày phát động | launch date';
COMMENT ON COLUMN v_check_implausible_lags.first_mention IS 'lần đầu được nhắc đến | first mention';
COMMENT ON COLUMN v_check_implausible_lags.lag_days IS 'độ trễ (ngày) | lag in days';
COMMENT ON COLUMN v_check_implausible_lags.reason IS 'lý do: before_launch hoặc over_10_years | reason: before_launch or over_10_years';

COMMENT ON VIEW v_check_held_before_planned IS 'Kiểm tra: sự kiện tổ chức trước thời gian dự kiến | Check: events held before their planned window';
COMMENT ON COLUMN v_check_held_before_planned.event_id IS 'mã sự kiện | event id';
COMMENT ON COLUMN v_check_held_before_planned.label IS 'tên sự kiện | event label';
COMMENT ON COLUMN v_check_held_before_planned.province_code_2025 IS 'mã tỉnh (hệ 2025) | province code (2025 system)';
COMMENT ON COLUMN v_check_held_before_planned.planned_start IS 'đầu khoảng dự kiến | planned window start';
COMMENT ON COLUMN v_check_held_before_planned.planned_end IS 'cuối khoảng dự kiến | planned window end';
COMMENT ON COLUMN v_check_held_before_planned.held_on IS 'ngày tổ chức | day held';
COMMENT ON COLUMN v_check_held_before_planned.days_early IS 'số ngày sớm hơn dự kiến | days before the planned window';

COMMENT ON VIEW v_check_silent_provinces IS 'Kiểm tra: tỉnh không có bài thi đua mới trên 12 tháng | Check: provinces without a new emulation article for over 12 months';
COMMENT ON COLUMN v_check_silent_provinces.system IS 'hệ đơn vị | unit system';
COMMENT ON COLUMN v_check_silent_provinces.province_code IS 'mã tỉnh | province code';
COMMENT ON COLUMN v_check_silent_provinces.last_article IS 'ngày bài thi đua gần nhất | date of the latest emulation article';
COMMENT ON COLUMN v_check_silent_provinces.months_silent IS 'số tháng không có bài (so với bài mới nhất của kho) | months without an article (against the newest in the warehouse)';

COMMENT ON VIEW v_check_duplicate_documents IS 'Kiểm tra: cùng một văn bản cấp tỉnh gắn với nhiều tỉnh | Check: the same provincial document attributed to several provinces';
COMMENT ON COLUMN v_check_duplicate_documents.type IS 'loại văn bản | document type';
COMMENT ON COLUMN v_check_duplicate_documents.number IS 'số | number';
COMMENT ON COLUMN v_check_duplicate_documents.symbol IS 'ký hiệu | symbol';
COMMENT ON COLUMN v_check_duplicate_documents.issued_on IS 'ngày ban hành | issue date';
COMMENT ON COLUMN v_check_duplicate_documents.provinces IS 'các tỉnh (hệ 2008) | provinces (2008 system)';
COMMENT ON COLUMN v_check_duplicate_documents.document_ids IS 'các mã văn bản | document ids';

COMMENT ON VIEW v_data_checks IS 'Tóm tắt các kiểm tra dữ liệu và số dòng vi phạm | Summary of the data checks and their row counts';
COMMENT ON COLUMN v_data_checks.check_id IS 'mã kiểm tra | check id';
COMMENT ON COLUMN v_data_checks.name_vi IS 'tên kiểm tra (tiếng Việt) | check name (Vietnamese)';
COMMENT ON COLUMN v_data_checks.name_en IS 'tên kiểm tra (tiếng Anh) | check name (English)';
COMMENT ON COLUMN v_data_checks.view_name IS 'view chứa các dòng vi phạm | view holding the offending rows';
COMMENT ON COLUMN v_data_checks.row_count IS 'số dòng vi phạm | number of offending rows';
