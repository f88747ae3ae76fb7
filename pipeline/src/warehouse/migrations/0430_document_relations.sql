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

COMMENT ON TABLE relation_mentions IS 'Quan hệ giữa các văn bản mà một bài viết nêu (thực hiện, sửa đổi, thay thế, căn cứ, phát động, tổ chức), theo chỉ số đề cập | Relations between documents as one article states them (implements, amends, replaces, cites, launches, organizes), by mention index';
COMMENT ON COLUMN relation_mentions.article_id IS 'Bài viết nêu quan hệ | Article that states the relation';
COMMENT ON COLUMN relation_mentions.mention_index IS 'Thứ tự quan hệ trong bài | Order of the relation in the article';
COMMENT ON COLUMN relation_mentions.relation IS 'Loại quan hệ: implements, amends, replaces, cites, launches, organizes | Relation kind: implements, amends, replaces, cites, launches, organizes';
COMMENT ON COLUMN relation_mentions.from_mention IS 'Chỉ số đề cập văn bản nguồn trong document_mentions của bài | mention_index of the acting document in the article''s document_mentions';
COMMENT ON COLUMN relation_mentions.to_mention IS 'Chỉ số đề cập văn bản đích (NULL với phát động, tổ chức) | mention_index of the target document (NULL for launches, organizes)';
COMMENT ON COLUMN relation_mentions.campaign_id IS 'Phong trào thi đua mà kế hoạch phát động (launches) | Campaign the plan launches (launches)';
COMMENT ON COLUMN relation_mentions.event_mention IS 'Chỉ số đề cập sự kiện (đại hội) mà kế hoạch tổ chức (organizes) | mention_index in event_mentions of the congress the plan organizes (organizes)';
COMMENT ON COLUMN relation_mentions.span_start IS 'Vị trí bắt đầu câu chữ nêu quan hệ (UTF-16, trong văn bản NFC) | Start of the text stating the relation (UTF-16 offset into the NFC body)';
COMMENT ON COLUMN relation_mentions.span_end IS 'Vị trí kết thúc câu chữ nêu quan hệ | End of the text stating the relation';
COMMENT ON COLUMN relation_mentions.extractor_version IS 'Phiên bản bộ trích xuất | Extractor version';

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

COMMENT ON TABLE document_relations IS 'Quan hệ giữa các văn bản đã hợp nhất, mỗi dòng một bài viết nêu quan hệ | Relations between resolved documents, one row per article stating the relation';
COMMENT ON COLUMN document_relations.from_document_id IS 'Văn bản thực hiện/sửa đổi/thay thế/căn cứ | Document that implements, amends, replaces or cites';
COMMENT ON COLUMN document_relations.relation IS 'Loại quan hệ: implements, amends, replaces, cites, launches, organizes | Relation kind: implements, amends, replaces, cites, launches, organizes';
COMMENT ON COLUMN document_relations.to_document_id IS 'Văn bản đích (NULL với phát động, tổ chức) | Target document (NULL for launches, organizes)';
COMMENT ON COLUMN document_relations.to_campaign_id IS 'Phong trào được phát động | Campaign launched';
COMMENT ON COLUMN document_relations.to_event_id IS 'Đại hội/hội nghị được tổ chức (events.event_id) | Congress or conference organized (events.event_id)';
COMMENT ON COLUMN document_relations.article_id IS 'Bài viết nêu quan hệ | Article stating the relation';
COMMENT ON COLUMN document_relations.span_start IS 'Vị trí bắt đầu câu chữ nêu quan hệ trong bài | Start of the stating text in the article body';
COMMENT ON COLUMN document_relations.span_end IS 'Vị trí kết thúc câu chữ nêu quan hệ trong bài | End of the stating text in the article body';

CREATE TABLE IF NOT EXISTS alerts (
  alert_id VARCHAR PRIMARY KEY,
  rule_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  fired_at TIMESTAMPTZ NOT NULL,
  run_id VARCHAR,
  subject VARCHAR NOT NULL,
  evidence JSON
);

COMMENT ON TABLE alerts IS 'Cảnh báo do các quy tắc theo dõi sinh ra, mỗi sự việc một lần | Alerts fired by the watch rules, once per event';
COMMENT ON COLUMN alerts.alert_id IS 'Mã cảnh báo, băm từ quy tắc và sự việc (không lặp lại giữa các lần chạy) | Alert id, a hash of the rule and the event (never repeated across runs)';
COMMENT ON COLUMN alerts.rule_id IS 'Quy tắc trong data/alerts.json | Rule id in data/alerts.json';
COMMENT ON COLUMN alerts.kind IS 'Loại quy tắc: new_central_document, not_answered, congress_overdue, source_silent, source_failing | Rule kind';
COMMENT ON COLUMN alerts.fired_at IS 'Thời điểm cảnh báo được ghi | When the alert fired';
COMMENT ON COLUMN alerts.run_id IS 'Lần chạy pipeline sinh cảnh báo | Pipeline run that fired it';
COMMENT ON COLUMN alerts.subject IS 'Tóm tắt cảnh báo (tiếng Việt) | One-line summary (Vietnamese)';
COMMENT ON COLUMN alerts.evidence IS 'Bằng chứng (JSON): văn bản, tỉnh, bài viết, số ngày | Evidence (JSON): documents, provinces, articles, days';

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

COMMENT ON VIEW v_implementation IS 'Văn bản đầu tiên của mỗi tỉnh thực hiện mỗi văn bản trung ương, ngày và độ trễ, theo hai hệ đơn vị | Each province''s first document implementing each central document, its date and lag, in both unit systems';
COMMENT ON COLUMN v_implementation.central_document_id IS 'Văn bản trung ương (Đảng, Quốc hội, Chính phủ, Thủ tướng, bộ, Hội đồng TĐKT Trung ương) | Central document (Party, National Assembly, Government, Prime Minister, ministry, Central Emulation-Commendation Council)';
COMMENT ON COLUMN v_implementation.system IS 'Hệ đơn vị: 2008 (63 tỉnh) hoặc 2025 (34 tỉnh) | Unit system: 2008 (63 provinces) or 2025 (34)';
COMMENT ON COLUMN v_implementation.province_code_2008 IS 'Tỉnh (hệ 2008) ban hành văn bản thực hiện | Province (2008 system) that issued the implementing document';
COMMENT ON COLUMN v_implementation.province_code_2025 IS 'Tỉnh (hệ 2025) ban hành hoặc kế thừa văn bản thực hiện | Province (2025 system) that issued or inherited the implementing document';
COMMENT ON COLUMN v_implementation.implementing_document_id IS 'Văn bản thực hiện đầu tiên của tỉnh | The province''s first implementing document';
COMMENT ON COLUMN v_implementation.issued_on IS 'Ngày ban hành văn bản thực hiện (hoặc ngày bài viết đầu tiên nêu nó) | Date of the implementing document (or of the first article citing it)';
COMMENT ON COLUMN v_implementation.lag_days IS 'Số ngày từ văn bản trung ương đến văn bản thực hiện | Days from the central document to the implementing one';
COMMENT ON COLUMN v_implementation.date_basis IS 'Nguồn của ngày: issued (ngày ban hành) hoặc first_cited (ngày bài viết đầu tiên) | Where the date comes from: issued or first_cited';
COMMENT ON COLUMN v_implementation.via_predecessor IS 'Tỉnh hệ 2025 được tính là đã thực hiện nhờ một tỉnh cũ trước sáp nhập | A 2025 unit counted as answered through a pre-merger predecessor';

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

COMMENT ON VIEW v_implementation_summary IS 'Tổng hợp thực hiện mỗi văn bản trung ương: số tỉnh đã thực hiện, trung vị độ trễ toàn quốc | Per central document: provinces that answered and the national median lag';
COMMENT ON COLUMN v_implementation_summary.central_document_id IS 'Văn bản trung ương | Central document';
COMMENT ON COLUMN v_implementation_summary.system IS 'Hệ đơn vị 2008 hoặc 2025 | Unit system 2008 or 2025';
COMMENT ON COLUMN v_implementation_summary.provinces_total IS 'Số tỉnh của hệ đơn vị | Number of provinces in the system';
COMMENT ON COLUMN v_implementation_summary.provinces_answered IS 'Số tỉnh đã có văn bản thực hiện | Provinces with an implementing document';
COMMENT ON COLUMN v_implementation_summary.median_lag_days IS 'Trung vị độ trễ (ngày) toàn quốc | National median lag in days';
COMMENT ON COLUMN v_implementation_summary.min_lag_days IS 'Độ trễ nhỏ nhất (ngày) | Shortest lag in days';
COMMENT ON COLUMN v_implementation_summary.max_lag_days IS 'Độ trễ lớn nhất (ngày) | Longest lag in days';

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

COMMENT ON VIEW v_implementation_pending IS 'Các tỉnh chưa có văn bản thực hiện một văn bản trung ương, và đã chờ bao lâu | Provinces without an implementing document for a central document, and how long since it was issued';
COMMENT ON COLUMN v_implementation_pending.central_document_id IS 'Văn bản trung ương | Central document';
COMMENT ON COLUMN v_implementation_pending.system IS 'Hệ đơn vị 2008 hoặc 2025 | Unit system 2008 or 2025';
COMMENT ON COLUMN v_implementation_pending.province_code IS 'Mã tỉnh chưa thực hiện | Code of the province that has not answered';
COMMENT ON COLUMN v_implementation_pending.province_name IS 'Tên tỉnh | Province name';
COMMENT ON COLUMN v_implementation_pending.issued_on IS 'Ngày ban hành văn bản trung ương | Date the central document was issued';
COMMENT ON COLUMN v_implementation_pending.days_waiting IS 'Số ngày từ khi ban hành đến hôm nay | Days from issue to today';
