-- Comments on v_source_health, which finalize re-creates on every run (CREATE OR REPLACE VIEW drops
-- comments): re-applied by reapplyComments right after it (pipeline/src/warehouse/comments.ts).
COMMENT ON VIEW v_source_health IS 'Tình trạng từng nguồn: tải trang và kết quả | Health of each source: fetches and yield';
COMMENT ON COLUMN v_source_health.source_id IS 'mã nguồn (data/sources.json) | source id (data/sources.json)';
COMMENT ON COLUMN v_source_health.name IS 'tên nguồn | source name';
COMMENT ON COLUMN v_source_health.kind IS 'loại nguồn | source kind';
COMMENT ON COLUMN v_source_health.last_success IS 'lần tải thành công gần nhất | latest successful fetch';
COMMENT ON COLUMN v_source_health.fetched IS 'số lượt tải | fetches';
COMMENT ON COLUMN v_source_health.failed IS 'số lượt tải lỗi | failed fetches';
COMMENT ON COLUMN v_source_health.last_error IS 'lỗi gần nhất | latest error';
COMMENT ON COLUMN v_source_health.articles IS 'số bài viết | articles';
COMMENT ON COLUMN v_source_health.last_published IS 'ngày đăng gần nhất | latest publication date';
COMMENT ON COLUMN v_source_health.parse_failures IS 'số trang không phân tích được | pages that failed to parse';
