-- Versions of each article as the crawler stored them: a revisit (sitemap lastmod, feed update, periodic
-- re-check with a conditional GET) that finds a changed page stores a new archived response; the old one
-- stays in the raw archive and here. The articles row always holds the latest version's parse.
CREATE OR REPLACE VIEW article_versions AS
WITH stored AS (
  SELECT url, content_hash, record_id, run_id, fetched_at, seq
  FROM crawl_page_log
  WHERE state = 'stored' AND is_article AND content_hash IS NOT NULL AND record_id IS NOT NULL
),
firsts AS (
  -- A version is a content hash; an unchanged revisit without conditional GET keeps its first record.
  SELECT url, content_hash, arg_min(record_id, seq) AS record_id, arg_min(run_id, seq) AS run_id,
    min(fetched_at) AS fetched_at, min(seq) AS seq
  FROM stored GROUP BY url, content_hash
)
SELECT a.article_id, f.url,
  row_number() OVER (PARTITION BY f.url ORDER BY f.seq) AS version,
  f.content_hash, f.record_id AS archive_record_id, f.run_id, f.fetched_at,
  f.seq = max(f.seq) OVER (PARTITION BY f.url) AS is_current
FROM firsts f JOIN articles a ON a.url = f.url;

COMMENT ON VIEW article_versions IS 'Các phiên bản của mỗi bài viết mà trình thu thập đã lưu (bài được sửa sau khi đăng) | Versions of each article the crawler stored (articles corrected after publication)';
COMMENT ON COLUMN article_versions.article_id IS 'Mã bài viết | Article id';
COMMENT ON COLUMN article_versions.url IS 'URL chuẩn hóa của bài viết | Canonical URL of the article';
COMMENT ON COLUMN article_versions.version IS 'Số thứ tự phiên bản, 1 là bản đầu tiên thu thập được | Version number, 1 being the first one crawled';
COMMENT ON COLUMN article_versions.content_hash IS 'Mã băm SHA-256 của nội dung trang | SHA-256 of the page bytes';
COMMENT ON COLUMN article_versions.archive_record_id IS 'Mã bản ghi WARC của phiên bản trong kho lưu trữ thô | WARC record id of this version in the raw archive';
COMMENT ON COLUMN article_versions.run_id IS 'Lượt thu thập đã lưu phiên bản | Crawl run that stored this version';
COMMENT ON COLUMN article_versions.fetched_at IS 'Thời điểm tải phiên bản | When this version was fetched';
COMMENT ON COLUMN article_versions.is_current IS 'Đúng nếu là phiên bản mới nhất (đang có trong bảng articles) | True for the latest version (the one in articles)';
