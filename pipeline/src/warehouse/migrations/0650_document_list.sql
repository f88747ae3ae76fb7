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

COMMENT ON TABLE agg_document_list IS 'Tổng hợp công bố: danh sách văn bản với số tỉnh trích dẫn, theo thứ tự mặc định của danh sách | Published aggregate: the documents list with citing provinces, in the list''s default order';
COMMENT ON COLUMN agg_document_list.rank IS 'Vị trí trong thứ tự mặc định (số bài, số lần nhắc, ngày ban hành giảm dần), từ 1 | Position in the default order (articles, mentions, date of issue, descending), from 1';
COMMENT ON COLUMN agg_document_list.document_id IS 'Văn bản | Document';
COMMENT ON COLUMN agg_document_list.type IS 'Loại văn bản (plan, directive, …) | Document type (plan, directive, …)';
COMMENT ON COLUMN agg_document_list.number IS 'Số văn bản | Document number';
COMMENT ON COLUMN agg_document_list.symbol IS 'Ký hiệu văn bản | Document symbol';
COMMENT ON COLUMN agg_document_list.display_symbol IS 'Số hiệu như viết trong văn bản (138/KH-UBND) | Number as written in Vietnamese (138/KH-UBND)';
COMMENT ON COLUMN agg_document_list.label IS 'Tên gọi kèm loại (Kế hoạch 138/KH-UBND) | Label with the type (Kế hoạch 138/KH-UBND)';
COMMENT ON COLUMN agg_document_list.issued_on IS 'Ngày ban hành | Date of issue';
COMMENT ON COLUMN agg_document_list.issuer IS 'Cơ quan ban hành | Issuing body';
COMMENT ON COLUMN agg_document_list.is_central IS 'Văn bản trung ương | Central document';
COMMENT ON COLUMN agg_document_list.province_code_2008 IS 'Tỉnh ban hành (hệ 63) | Issuing province (63-unit system)';
COMMENT ON COLUMN agg_document_list.province_code_2025 IS 'Tỉnh ban hành (hệ 34) | Issuing province (34-unit system)';
COMMENT ON COLUMN agg_document_list.mention_count IS 'Số lần được nhắc | Mentions';
COMMENT ON COLUMN agg_document_list.article_count IS 'Số bài nhắc đến | Articles mentioning it';
COMMENT ON COLUMN agg_document_list.first_cited IS 'Ngày bài đầu tiên trích dẫn | Date of the first citing article';
COMMENT ON COLUMN agg_document_list.last_cited IS 'Ngày bài gần nhất trích dẫn | Date of the latest citing article';
COMMENT ON COLUMN agg_document_list.province_name IS 'Tên tỉnh ban hành (hệ 34) | Name of the issuing province (34-unit system)';
COMMENT ON COLUMN agg_document_list.citing_provinces_2008 IS 'Số tỉnh (hệ 63) có bài trích dẫn | Provinces (63-unit system) with citing articles';
COMMENT ON COLUMN agg_document_list.citing_provinces_2025 IS 'Số tỉnh (hệ 34) có bài trích dẫn | Provinces (34-unit system) with citing articles';
COMMENT ON COLUMN agg_document_list.search_text IS 'Tên, số hiệu và cơ quan ban hành đã bỏ dấu, chữ thường (thidua_fold) | Label, number and issuer folded (thidua_fold)';

CREATE TABLE IF NOT EXISTS agg_document_list_provinces (
  system VARCHAR NOT NULL,
  province_code VARCHAR NOT NULL,
  rank BIGINT NOT NULL
);

COMMENT ON TABLE agg_document_list_provinces IS 'Tổng hợp công bố: các tỉnh có bài trích dẫn từng văn bản của danh sách, theo hệ đơn vị × tỉnh × vị trí | Published aggregate: the provinces with articles citing each listed document, by unit system × province × position';
COMMENT ON COLUMN agg_document_list_provinces.system IS 'Hệ đơn vị hành chính: 2008 hoặc 2025 | Unit system: 2008 or 2025';
COMMENT ON COLUMN agg_document_list_provinces.province_code IS 'Tỉnh có bài trích dẫn | Province with citing articles';
COMMENT ON COLUMN agg_document_list_provinces.rank IS 'Vị trí của văn bản trong agg_document_list | Position of the document in agg_document_list';
