export const HEALTH_SQL = `
SELECT (SELECT count(*) FROM articles) AS articles,
  (SELECT CAST(max(published_at) AS VARCHAR) FROM articles) AS latest_article,
  (SELECT CAST(max(finished_at) AS VARCHAR) FROM pipeline_runs WHERE status IN ('ok', 'succeeded', 'success')) AS last_run`
