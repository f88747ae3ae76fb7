/**
 * Answers of the figure routes (coverage.ts, campaigns.ts adoption, trends.ts), declared once: the
 * web's campaign charts and coverage map import them as types only through web/src/app/api.ts.
 */

/** A row of GET /api/coverage: one province × campaign. */
export interface CoverageRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  campaign_id: string
  campaign_name: string
  articles: number
  first_mention: string
  last_mention: string
  share_of_output: number
  province_articles: number
}

/** A row of GET /api/coverage/provinces: one province's totals for the map. */
export interface CoverageProvinceRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  articles: number
  campaign_articles: number
  campaigns: number
}

/** A row of GET /api/campaigns/adoption: days from a campaign's launch to a province's first mention. */
export interface AdoptionRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  campaign_id: string
  campaign_name: string
  launched_on: string | null
  launched_on_precision: string | null
  first_mention: string
  lag_days: number | null
  articles: number
  lag_flag: 'before_launch' | 'implausible_lag' | null
}

/** A row of GET /api/trends: one province's month. */
export interface MonthlyTrendRow extends Record<string, unknown> {
  province_code: string
  province_name: string | null
  month: string
  articles: number
  share_of_output: number | null
  all_articles: number
}
