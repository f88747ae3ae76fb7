-- Incremental finalize (issue #17): loadBatch records which articles it wrote since the last finalize and,
-- for an article it replaces, the keys its old rows touched (they are gone by finalize time); finalize
-- rebuilds only the clusters, documents, events, relations, search postings and aggregate cells those
-- touch, then empties the queues. finalize_state says when a full rebuild is due instead.

CREATE TABLE IF NOT EXISTS finalize_pending (
  article_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS finalize_stale_ids (
  kind VARCHAR NOT NULL,
  id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS finalize_stale_bands (
  band INTEGER NOT NULL,
  bucket UBIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS finalize_stale_cells (
  province_code_2008 VARCHAR,
  province_code_2025 VARCHAR,
  month DATE,
  source_id VARCHAR,
  origin VARCHAR
);

CREATE TABLE IF NOT EXISTS finalize_attachments_seen (
  article_id VARCHAR NOT NULL,
  row_hash UBIGINT NOT NULL,
  document_id VARCHAR
);

CREATE TABLE IF NOT EXISTS finalize_state (
  finalize_version INTEGER NOT NULL,
  extractor_version VARCHAR,
  mode VARCHAR NOT NULL,
  articles_changed BIGINT NOT NULL,
  finalized_at TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE finalize_pending IS 'Hàng đợi của bước hoàn tất: bài được nạp (mới hoặc phân tích lại) từ lần hoàn tất trước | Finalize queue: articles loaded (new or reparsed) since the last finalize';
COMMENT ON COLUMN finalize_pending.article_id IS 'Bài đã nạp (có thể lặp lại) | Article loaded (may repeat)';
COMMENT ON TABLE finalize_stale_ids IS 'Văn bản và sự kiện mà các dòng cũ của bài bị nạp lại từng trỏ tới | Documents and events the old rows of a reloaded article pointed to';
COMMENT ON COLUMN finalize_stale_ids.kind IS 'document hoặc event | document or event';
COMMENT ON COLUMN finalize_stale_ids.id IS 'Mã văn bản hoặc sự kiện cần tính lại | Id of the document or event to rebuild';
COMMENT ON TABLE finalize_stale_bands IS 'Ô LSH mà chữ ký cũ của bài bị nạp lại từng nằm trong | LSH buckets the old signature of a reloaded article was in';
COMMENT ON COLUMN finalize_stale_bands.band IS 'Dải của chữ ký MinHash | MinHash band';
COMMENT ON COLUMN finalize_stale_bands.bucket IS 'Ô băm của dải | Hash bucket of the band';
COMMENT ON TABLE finalize_stale_cells IS 'Ô tổng hợp (tỉnh × tháng × nguồn × xuất xứ) của bài trước khi nạp lại | Aggregate cells (province × month × source × origin) of an article before it was reloaded';
COMMENT ON COLUMN finalize_stale_cells.province_code_2008 IS 'Mã tỉnh cũ của bài (hệ 63 tỉnh) | Old province code of the article (63-province system)';
COMMENT ON COLUMN finalize_stale_cells.province_code_2025 IS 'Mã tỉnh cũ của bài (hệ 34 tỉnh) | Old province code of the article (34-province system)';
COMMENT ON COLUMN finalize_stale_cells.month IS 'Tháng đăng cũ | Old publication month';
COMMENT ON COLUMN finalize_stale_cells.source_id IS 'Nguồn cũ | Old source';
COMMENT ON COLUMN finalize_stale_cells.origin IS 'Xuất xứ cũ (captured hoặc rebuilt) | Old origin (captured or rebuilt)';
COMMENT ON TABLE finalize_attachments_seen IS 'Dòng tệp đính kèm và văn bản của tệp như lần hoàn tất trước thấy, để biết bài nào đổi tệp | Attachment rows and attachment documents as the last finalize saw them, to find articles whose attachments changed';
COMMENT ON COLUMN finalize_attachments_seen.article_id IS 'Bài có tệp | Article with the attachment';
COMMENT ON COLUMN finalize_attachments_seen.row_hash IS 'Băm của dòng | Hash of the row';
COMMENT ON COLUMN finalize_attachments_seen.document_id IS 'Văn bản mà dòng trỏ tới, nếu có | Document the row points to, if any';
COMMENT ON TABLE finalize_state IS 'Lần hoàn tất gần nhất: phiên bản logic và bộ trích xuất, cách chạy (full/incremental) | Last finalize: logic and extractor versions, how it ran (full/incremental)';
COMMENT ON COLUMN finalize_state.finalize_version IS 'Phiên bản logic hoàn tất; khác phiên bản mã thì dựng lại toàn bộ | Finalize logic version; a different code version forces a full rebuild';
COMMENT ON COLUMN finalize_state.extractor_version IS 'Phiên bản bộ trích xuất của các bài; bài mới khác phiên bản thì dựng lại toàn bộ | Extractor version of the articles; a new article with another version forces a full rebuild';
COMMENT ON COLUMN finalize_state.mode IS 'full hoặc incremental | full or incremental';
COMMENT ON COLUMN finalize_state.articles_changed IS 'Số bài mới hoặc thay đổi đã xử lý | New or changed articles processed';
COMMENT ON COLUMN finalize_state.finalized_at IS 'Thời điểm hoàn tất | When finalize ended';
