/**
 * Answers of the Pipeline page's routes (pipeline.ts: runs, sources and their ledger; checks.ts;
 * alerts.ts; health.ts), declared once: the web's pipeline view, data checks, alert tables and key
 * figures import them as types only through web/src/app/api.ts.
 */

/** A row of GET /api/runs, and the run of GET /api/runs/:id (the `pipeline_runs` table). */
export interface RunRow extends Record<string, unknown> {
  run_id: string
  started_at: string
  finished_at: string | null
  status: string
  mode: string | null
  extractor_version: string | null
  articles_loaded: number | null
  error: string | null
}
/** One stage of a run (`stage_stats`); `details` is JSON text. */
export interface RunStage extends Record<string, unknown> {
  stage: string
  started_at: string | null
  finished_at: string | null
  items_in: number | null
  items_out: number | null
  failures: number | null
  elapsed_ms: number | null
  details: string | null
}
/** A page of a run the parser refused (`parse_failures`). */
export interface ParseFailure extends Record<string, unknown> {
  url: string
  source_id: string | null
  reason: string
  failed_at: string | null
  attempts: number | null
}
/** GET /api/runs/:id. */
export interface RunDetail {
  readonly run: RunRow
  readonly stages: RunStage[]
  readonly parse_failures: ParseFailure[]
}

/** A row of GET /api/sources: a source and its crawl health. */
export interface SourceRow extends Record<string, unknown> {
  source_id: string
  name: string | null
  kind: string | null
  platform: string | null
  base_url: string | null
  province_code_2008: string | null
  province_code_2025: string | null
  last_success: string | null
  fetched: number
  failed: number
  last_error: string | null
  articles: number
  last_published: string | null
  parse_failures: number
  gap_months: number
  last_gap_month: string | null
}
/** A row of GET /api/sources/ledger: one source's month, expected against found. */
export interface LedgerRow extends Record<string, unknown> {
  source_id: string
  month: string
  expected: number
  found: number
  gap_flag: boolean
}

/** A row of GET /api/checks (`v_data_checks`); GET /api/checks/rows answers that check's own view. */
export interface CheckRow extends Record<string, unknown> {
  check_id: string
  name_vi: string
  name_en: string
  view_name: string
  row_count: number
}

/** A row of GET /api/alerts; `evidence` is JSON text. */
export interface AlertRow extends Record<string, unknown> {
  alert_id: string
  rule_id: string
  kind: string
  fired_at: string
  run_id: string | null
  subject: string
  evidence: string | null
}

/** GET /api/health: the published version served and its freshness. */
export interface Health {
  readonly status: 'ok'
  readonly version: string
  readonly articles: number
  readonly latest_article: string | null
  readonly last_run: string | null
}
/** The figures of Health that come from the warehouse (queries/health.ts). */
export type HealthFigures = Omit<Health, 'status' | 'version'>
