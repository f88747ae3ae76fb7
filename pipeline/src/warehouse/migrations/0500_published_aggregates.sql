-- Published aggregates (issue #17): the dashboard's counts precomputed at finalize
-- (pipeline/src/warehouse/aggregates.ts), so a request sums a few hundred rows instead of scanning
-- articles and mentions. One article per near-duplicate cluster (as v_article_units), one row set per
-- unit system; rows whose article has no province in that system keep province_code NULL (the
-- campaign list counts them), the routes that follow v_article_units leave them out.

CREATE TABLE IF NOT EXISTS agg_units_month (
  system VARCHAR NOT NULL,
  province_code VARCHAR,
  month DATE,
  source_id VARCHAR,
  origin VARCHAR,
  articles BIGINT NOT NULL,
  thidua_articles BIGINT NOT NULL,
  campaign_articles BIGINT NOT NULL,
  attachments BIGINT NOT NULL,
  first_date DATE,
  last_date DATE
);

CREATE TABLE IF NOT EXISTS agg_campaign_month (
  system VARCHAR NOT NULL,
  province_code VARCHAR,
  campaign_id VARCHAR NOT NULL,
  month DATE,
  source_id VARCHAR,
  origin VARCHAR,
  articles BIGINT NOT NULL,
  thidua_articles BIGINT NOT NULL,
  attachments BIGINT NOT NULL,
  first_date DATE,
  last_date DATE
);

CREATE TABLE IF NOT EXISTS agg_document_citations (
  document_id VARCHAR NOT NULL,
  system VARCHAR NOT NULL,
  province_code VARCHAR NOT NULL,
  year INTEGER,
  source_id VARCHAR,
  is_central BOOLEAN,
  citing_articles BIGINT NOT NULL,
  first_cited DATE,
  last_cited DATE
);

CREATE TABLE IF NOT EXISTS agg_documents (
  document_id VARCHAR NOT NULL,
  citing_provinces_2008 BIGINT NOT NULL,
  citing_provinces_2025 BIGINT NOT NULL
);

COMMENT ON TABLE agg_units_month IS 'Tổng hợp công bố: số bài (mỗi cụm bài trùng một bài) theo hệ đơn vị × tỉnh × tháng × nguồn × xuất xứ, dựng lại khi hoàn tất lượt chạy | Published aggregate: articles (one per near-duplicate cluster) per unit system × province × month × source × origin, rebuilt at finalize';
COMMENT ON COLUMN agg_units_month.system IS 'Hệ đơn vị hành chính: 2008 (63 tỉnh) hoặc 2025 (34 tỉnh) | Unit system: 2008 (63 provinces) or 2025 (34 provinces)';
COMMENT ON COLUMN agg_units_month.province_code IS 'Mã tỉnh trong hệ đơn vị; NULL khi bài không gắn tỉnh | Province code in that system; NULL when the article has no province';
COMMENT ON COLUMN agg_units_month.month IS 'Tháng đăng (ngày đầu tháng, giờ Việt Nam); NULL khi không rõ ngày | Publication month (first day, Việt Nam time); NULL when the date is unknown';
COMMENT ON COLUMN agg_units_month.source_id IS 'Nguồn đăng bài | Source that published the articles';
COMMENT ON COLUMN agg_units_month.origin IS 'Cách trang vào kho: captured hoặc rebuilt | How the pages entered the archive: captured or rebuilt';
COMMENT ON COLUMN agg_units_month.articles IS 'Số bài (toàn bộ đầu ra) | Articles (the whole output)';
COMMENT ON COLUMN agg_units_month.thidua_articles IS 'Số bài về thi đua (is_thidua) | Emulation articles (is_thidua)';
COMMENT ON COLUMN agg_units_month.campaign_articles IS 'Số bài nhắc ít nhất một phong trào (không tính ứng viên) | Articles mentioning at least one campaign (candidates left out)';
COMMENT ON COLUMN agg_units_month.attachments IS 'Số tệp đính kèm của các bài này | Attachments of these articles';
COMMENT ON COLUMN agg_units_month.first_date IS 'Ngày đăng sớm nhất | Earliest publication date';
COMMENT ON COLUMN agg_units_month.last_date IS 'Ngày đăng muộn nhất | Latest publication date';

COMMENT ON TABLE agg_campaign_month IS 'Tổng hợp công bố: số bài nhắc từng phong trào theo hệ đơn vị × tỉnh × tháng × nguồn × xuất xứ | Published aggregate: articles mentioning each campaign per unit system × province × month × source × origin';
COMMENT ON COLUMN agg_campaign_month.system IS 'Hệ đơn vị hành chính: 2008 hoặc 2025 | Unit system: 2008 or 2025';
COMMENT ON COLUMN agg_campaign_month.province_code IS 'Mã tỉnh trong hệ đơn vị; NULL khi bài không gắn tỉnh | Province code in that system; NULL when the article has no province';
COMMENT ON COLUMN agg_campaign_month.campaign_id IS 'Phong trào được nhắc (không tính ứng viên) | Campaign mentioned (candidates left out)';
COMMENT ON COLUMN agg_campaign_month.month IS 'Tháng đăng; NULL khi không rõ ngày | Publication month; NULL when the date is unknown';
COMMENT ON COLUMN agg_campaign_month.source_id IS 'Nguồn đăng bài | Source that published the articles';
COMMENT ON COLUMN agg_campaign_month.origin IS 'Cách trang vào kho: captured hoặc rebuilt | How the pages entered the archive: captured or rebuilt';
COMMENT ON COLUMN agg_campaign_month.articles IS 'Số bài nhắc phong trào | Articles mentioning the campaign';
COMMENT ON COLUMN agg_campaign_month.thidua_articles IS 'Trong đó số bài về thi đua | Of which emulation articles';
COMMENT ON COLUMN agg_campaign_month.attachments IS 'Số tệp đính kèm của các bài này | Attachments of these articles';
COMMENT ON COLUMN agg_campaign_month.first_date IS 'Ngày đăng sớm nhất | Earliest publication date';
COMMENT ON COLUMN agg_campaign_month.last_date IS 'Ngày đăng muộn nhất | Latest publication date';

COMMENT ON TABLE agg_document_citations IS 'Tổng hợp công bố: số bài trích dẫn từng văn bản theo hệ đơn vị × tỉnh × năm × nguồn | Published aggregate: articles citing each document per unit system × province × year × source';
COMMENT ON COLUMN agg_document_citations.document_id IS 'Văn bản được trích dẫn | Cited document';
COMMENT ON COLUMN agg_document_citations.system IS 'Hệ đơn vị hành chính: 2008 hoặc 2025 | Unit system: 2008 or 2025';
COMMENT ON COLUMN agg_document_citations.province_code IS 'Tỉnh của bài trích dẫn | Province of the citing articles';
COMMENT ON COLUMN agg_document_citations.year IS 'Năm đăng bài trích dẫn; NULL khi không rõ ngày | Publication year of the citing articles; NULL when unknown';
COMMENT ON COLUMN agg_document_citations.source_id IS 'Nguồn đăng bài trích dẫn | Source of the citing articles';
COMMENT ON COLUMN agg_document_citations.is_central IS 'Văn bản của trung ương | The document is a central one';
COMMENT ON COLUMN agg_document_citations.citing_articles IS 'Số bài trích dẫn | Citing articles';
COMMENT ON COLUMN agg_document_citations.first_cited IS 'Ngày đăng bài trích dẫn sớm nhất | Earliest citing publication date';
COMMENT ON COLUMN agg_document_citations.last_cited IS 'Ngày đăng bài trích dẫn muộn nhất | Latest citing publication date';

COMMENT ON TABLE agg_documents IS 'Tổng hợp công bố: số tỉnh trích dẫn mỗi văn bản trong từng hệ đơn vị | Published aggregate: provinces citing each document in each unit system';
COMMENT ON COLUMN agg_documents.document_id IS 'Văn bản | Document';
COMMENT ON COLUMN agg_documents.citing_provinces_2008 IS 'Số tỉnh (hệ 63) có bài trích dẫn | Provinces (63-unit system) with citing articles';
COMMENT ON COLUMN agg_documents.citing_provinces_2025 IS 'Số tỉnh (hệ 34) có bài trích dẫn | Provinces (34-unit system) with citing articles';
