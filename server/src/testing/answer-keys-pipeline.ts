/**
 * The keys of the typed answers of the figure, reference, pipeline and console routes (routes/
 * coverage-types.ts, pipeline-types.ts, geo-types.ts, sql-types.ts and the later parts of the other
 * *-types.ts) for routes/contract.test.ts; each list is one string of names that `keysOf<T>()` checks
 * against its type when compiled.
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
import { keysOf } from './answer-keys.ts'

/** A province of a unit system as the figure rows name it, and the articles counted there. */
const COUNTED = 'province_code province_name articles'

export const COVERAGE_ROW = keysOf<CoverageRow>()(
  `${COUNTED} campaign_id campaign_name first_mention last_mention share_of_output province_articles`
)
export const COVERAGE_PROVINCE_ROW = keysOf<CoverageProvinceRow>()(`${COUNTED} campaign_articles campaigns`)
export const ADOPTION_ROW = keysOf<AdoptionRow>()(
  `${COUNTED} campaign_id campaign_name launched_on launched_on_precision first_mention lag_days lag_flag`
)
export const MONTHLY_TREND_ROW = keysOf<MonthlyTrendRow>()(`${COUNTED} month share_of_output all_articles`)
export const YEAR_ROW = keysOf<YearRow>()(`${COUNTED} year all_articles`)
export const CENTRAL_CITATION_ROW = keysOf<CentralCitationRow>()(
  'document_id label province_code province_name citing_articles'
)
export const LINEAGE_ROW = keysOf<LineageRow>()('old_code old_name new_code new_name effective_on')

export const GEO = keysOf<GeoCollection>()('type attribution license features')
export const GEO_FEATURE = keysOf<GeoFeature>()('type properties geometry')
export const GEO_PROPERTIES = keysOf<GeoFeature['properties']>()('name code name_ascii')

/** When something started and ended (runs and their stages). */
const SPAN = 'started_at finished_at'
export const RUN_ROW = keysOf<RunRow>()(`run_id ${SPAN} status mode extractor_version articles_loaded error`)
export const RUN_STAGE = keysOf<RunStage>()(`stage ${SPAN} items_in items_out failures elapsed_ms details`)
export const PARSE_FAILURE = keysOf<ParseFailure>()('url source_id reason failed_at attempts')
export const RUN_DETAIL = keysOf<RunDetail>()('run stages parse_failures')

/** A source as the sources table holds it, then what its crawl and output say of its health. */
const SOURCE = 'source_id name kind platform base_url province_code_2008 province_code_2025'
const CRAWL = 'last_success fetched failed last_error articles last_published parse_failures gap_months'
export const SOURCE_ROW = keysOf<SourceRow>()(`${SOURCE} ${CRAWL} last_gap_month`)
export const LEDGER_ROW = keysOf<LedgerRow>()('source_id month expected found gap_flag')
export const CHECK_ROW = keysOf<CheckRow>()('check_id name_vi name_en view_name row_count')
export const ALERT_ROW = keysOf<AlertRow>()('alert_id rule_id kind fired_at run_id subject evidence')
export const HEALTH = keysOf<Health>()('status version articles latest_article last_run')

export const SQL_ANSWER = keysOf<SqlAnswer>()('columns rows types truncated max_rows elapsed_ms')
export const SCHEMA = keysOf<Schema>()('version tables macros')
export const SCHEMA_RELATION = keysOf<SchemaRelation>()('name kind comment columns')
export const SCHEMA_COLUMN = keysOf<SchemaColumn>()('name type comment')
export const SCHEMA_MACRO = keysOf<SchemaMacro>()('name kind parameters comment')
