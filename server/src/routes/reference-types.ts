/**
 * Answers of the reference routes (provinces.ts, campaigns.ts), declared once: the web's look-ups
 * (web/src/app/reference.ts) import them as types only through web/src/app/api.ts.
 */

/** A row of GET /api/provinces. */
export interface ProvinceListRow extends Record<string, unknown> {
  code: string
  name_vi: string
  system: '2008' | '2025'
  articles: number
  sources: number
}

/** A row of GET /api/campaigns. */
export interface CampaignRow extends Record<string, unknown> {
  campaign_id: string
  name_vi: string
  launched_on: string | null
  articles: number
  provinces_2025: number
}

/** A row of GET /api/provinces/lineage: a 2008 province and the 2025 unit it became. */
export interface LineageRow extends Record<string, unknown> {
  old_code: string
  old_name: string | null
  new_code: string
  new_name: string | null
  effective_on: string
}
