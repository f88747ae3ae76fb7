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
