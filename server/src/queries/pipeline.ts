/** Pipeline runs, per-source health and the coverage ledger (gaps). */
export const RUNS_SQL = `
SELECT * REPLACE (CAST(started_at AS VARCHAR) AS started_at, CAST(finished_at AS VARCHAR) AS finished_at),
  count(*) OVER () AS total
FROM pipeline_runs ORDER BY started_at DESC LIMIT $limit OFFSET $offset`

export const RUN_SQL = `SELECT * REPLACE (CAST(started_at AS VARCHAR) AS started_at, CAST(finished_at AS VARCHAR) AS finished_at)
FROM pipeline_runs WHERE run_id = $id`

export const RUN_STAGES_SQL = `
SELECT stage, CAST(started_at AS VARCHAR) AS started_at, CAST(finished_at AS VARCHAR) AS finished_at,
  items_in, items_out, failures, elapsed_ms, CAST(details AS VARCHAR) AS details
FROM stage_stats WHERE run_id = $id ORDER BY started_at NULLS LAST, stage`

export const RUN_FAILURES_SQL = `
SELECT url, source_id, reason, CAST(failed_at AS VARCHAR) AS failed_at, attempts
FROM parse_failures WHERE run_id = $id ORDER BY url LIMIT 500`

export const SOURCES_HEALTH_SQL = `
WITH gaps AS (
  SELECT source_id, count(*) FILTER (WHERE gap_flag) AS gap_months, max(month) FILTER (WHERE gap_flag) AS last_gap_month
  FROM v_coverage_ledger GROUP BY ALL
)
SELECT s.source_id, s.name, s.kind, s.platform, s.base_url, s.province_code_2008, s.province_code_2025,
  CAST(h.last_success AS VARCHAR) AS last_success, coalesce(h.fetched, 0) AS fetched, coalesce(h.failed, 0) AS failed,
  h.last_error, coalesce(h.articles, 0) AS articles, CAST(h.last_published AS VARCHAR) AS last_published,
  coalesce(h.parse_failures, 0) AS parse_failures,
  coalesce(g.gap_months, 0) AS gap_months, strftime(g.last_gap_month, '%Y-%m') AS last_gap_month
FROM sources s LEFT JOIN v_source_health h USING (source_id) LEFT JOIN gaps g USING (source_id)
WHERE (CAST($kind AS VARCHAR) IS NULL OR s.kind = $kind)
ORDER BY gap_months DESC, failed DESC, s.source_id`

export const LEDGER_SQL = `
SELECT source_id, strftime(month, '%Y-%m') AS month, expected, found, gap_flag
FROM v_coverage_ledger
WHERE (CAST($source AS VARCHAR) IS NULL OR source_id = $source) AND (NOT $gaps_only OR gap_flag)
ORDER BY source_id, month`
