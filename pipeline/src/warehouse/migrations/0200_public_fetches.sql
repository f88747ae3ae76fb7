-- The public name `fetches` for the crawler's fetch log (crawl_fetches, migrations 0100–0199): one row
-- per HTTP fetch with run_id, source_id, url, final_url, status, bytes, attempts, error, not_modified,
-- elapsed_ms, fetched_at. v_source_health is built on it.
CREATE OR REPLACE VIEW fetches AS SELECT * FROM crawl_fetches;
