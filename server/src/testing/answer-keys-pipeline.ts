/**
 * The keys of the typed answers of the figure, reference and pipeline routes (routes/coverage-types.ts,
 * pipeline-types.ts, geo-types.ts and the later parts of documents/overview/reference-types.ts) for
 * routes/contract.test.ts; each list is tied to its type by `satisfies KeySpec<T>`, as in answer-keys.ts.
 */
import type {
  AdoptionRow,
  CoverageProvinceRow,
  CoverageRow,
  MonthlyTrendRow,
} from '../routes/coverage-types.ts'
import type { CentralCitationRow } from '../routes/documents-types.ts'
import type { GeoCollection, GeoFeature } from '../routes/geo-types.ts'
import type { YearRow } from '../routes/overview-types.ts'
import type {
  AlertRow,
  CheckRow,
  Health,
  LedgerRow,
  ParseFailure,
  RunDetail,
  RunRow,
  RunStage,
  SourceRow,
} from '../routes/pipeline-types.ts'
import type { LineageRow } from '../routes/reference-types.ts'
import type { Schema, SchemaColumn, SchemaMacro, SchemaRelation } from '../routes/sql-schema-types.ts'
import type { SqlAnswer } from '../routes/sql-types.ts'
import type { KeySpec } from './answer-keys.ts'

/** A province of a unit system as the figure rows name it. */
const PROVINCE = { province_code: 'required', province_name: 'required' } as const
/** What a figure row counts (articles of the filter window). */
const COUNTED = { ...PROVINCE, articles: 'required' } as const

export const COVERAGE_ROW = {
  ...COUNTED,
  campaign_id: 'required',
  campaign_name: 'required',
  first_mention: 'required',
  last_mention: 'required',
  share_of_output: 'required',
  province_articles: 'required',
} as const satisfies KeySpec<CoverageRow>
export const COVERAGE_PROVINCE_ROW = {
  ...COUNTED,
  campaign_articles: 'required',
  campaigns: 'required',
} as const satisfies KeySpec<CoverageProvinceRow>
export const ADOPTION_ROW = {
  ...COUNTED,
  campaign_id: 'required',
  campaign_name: 'required',
  launched_on: 'required',
  launched_on_precision: 'required',
  first_mention: 'required',
  lag_days: 'required',
  lag_flag: 'required',
} as const satisfies KeySpec<AdoptionRow>
export const MONTHLY_TREND_ROW = {
  ...COUNTED,
  month: 'required',
  share_of_output: 'required',
  all_articles: 'required',
} as const satisfies KeySpec<MonthlyTrendRow>
export const YEAR_ROW = {
  ...COUNTED,
  year: 'required',
  all_articles: 'required',
} as const satisfies KeySpec<YearRow>
export const CENTRAL_CITATION_ROW = {
  ...PROVINCE,
  document_id: 'required',
  label: 'required',
  citing_articles: 'required',
} as const satisfies KeySpec<CentralCitationRow>
export const LINEAGE_ROW = {
  old_code: 'required',
  old_name: 'required',
  new_code: 'required',
  new_name: 'required',
  effective_on: 'required',
} as const satisfies KeySpec<LineageRow>

export const GEO = {
  type: 'required',
  attribution: 'required',
  license: 'required',
  features: 'required',
} as const satisfies KeySpec<GeoCollection>
export const GEO_FEATURE = {
  type: 'required',
  properties: 'required',
  geometry: 'required',
} as const satisfies KeySpec<GeoFeature>
export const GEO_PROPERTIES = {
  name: 'required',
  code: 'required',
  name_ascii: 'required',
} as const satisfies KeySpec<GeoFeature['properties']>

/** When something started and ended (runs and their stages). */
const SPAN = { started_at: 'required', finished_at: 'required' } as const
export const RUN_ROW = {
  ...SPAN,
  run_id: 'required',
  status: 'required',
  mode: 'required',
  extractor_version: 'required',
  articles_loaded: 'required',
  error: 'required',
} as const satisfies KeySpec<RunRow>
export const RUN_STAGE = {
  ...SPAN,
  stage: 'required',
  items_in: 'required',
  items_out: 'required',
  failures: 'required',
  elapsed_ms: 'required',
  details: 'required',
} as const satisfies KeySpec<RunStage>
export const PARSE_FAILURE = {
  url: 'required',
  source_id: 'required',
  reason: 'required',
  failed_at: 'required',
  attempts: 'required',
} as const satisfies KeySpec<ParseFailure>
export const RUN_DETAIL = {
  run: 'required',
  stages: 'required',
  parse_failures: 'required',
} as const satisfies KeySpec<RunDetail>

export const SOURCE_ROW = {
  source_id: 'required',
  name: 'required',
  kind: 'required',
  platform: 'required',
  base_url: 'required',
  province_code_2008: 'required',
  province_code_2025: 'required',
  last_success: 'required',
  fetched: 'required',
  failed: 'required',
  last_error: 'required',
  articles: 'required',
  last_published: 'required',
  parse_failures: 'required',
  gap_months: 'required',
  last_gap_month: 'required',
} as const satisfies KeySpec<SourceRow>
export const LEDGER_ROW = {
  source_id: 'required',
  month: 'required',
  expected: 'required',
  found: 'required',
  gap_flag: 'required',
} as const satisfies KeySpec<LedgerRow>
export const CHECK_ROW = {
  check_id: 'required',
  name_vi: 'required',
  name_en: 'required',
  view_name: 'required',
  row_count: 'required',
} as const satisfies KeySpec<CheckRow>
export const ALERT_ROW = {
  alert_id: 'required',
  rule_id: 'required',
  kind: 'required',
  fired_at: 'required',
  run_id: 'required',
  subject: 'required',
  evidence: 'required',
} as const satisfies KeySpec<AlertRow>
export const HEALTH = {
  status: 'required',
  version: 'required',
  articles: 'required',
  latest_article: 'required',
  last_run: 'required',
} as const satisfies KeySpec<Health>

export const SQL_ANSWER = {
  columns: 'required',
  rows: 'required',
  types: 'required',
  truncated: 'required',
  max_rows: 'required',
  elapsed_ms: 'required',
} as const satisfies KeySpec<SqlAnswer>
export const SCHEMA = {
  version: 'required',
  tables: 'required',
  macros: 'required',
} as const satisfies KeySpec<Schema>
/** What the catalog says of a table, view, column or macro. */
const NAMED = { name: 'required', comment: 'required' } as const
export const SCHEMA_RELATION = {
  ...NAMED,
  kind: 'required',
  columns: 'required',
} as const satisfies KeySpec<SchemaRelation>
export const SCHEMA_COLUMN = { ...NAMED, type: 'required' } as const satisfies KeySpec<SchemaColumn>
export const SCHEMA_MACRO = {
  ...NAMED,
  kind: 'required',
  parameters: 'required',
} as const satisfies KeySpec<SchemaMacro>
