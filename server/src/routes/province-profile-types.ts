/**
 * The answer of GET /api/provinces/:code/profile (province-profile.ts), declared once: the handler
 * answers it and the web's province page imports it as a type only (web/src/views/province/types.ts).
 *
 * Type aliases rather than interfaces: the web hands these rows to tables typed Record<string, unknown>.
 */

type Named = {
  code: string
  name: string
}

export type ProfileProvince = {
  code: string
  name_vi: string
  system: string
  merged_from: Named[] | null
  merged_into: Named | null
  articles: number
}

export type ProfileDocument = {
  document_id: string
  type: string
  display_symbol: string | null
  label: string
  issued_on: string | null
  issuer: string | null
  article_count: number
  old_code: string | null
  old_name: string | null
}

/**
 * What an event carries about its planned window and its holding, wherever it is listed (the profile,
 * the timelines; web/src/charts/timeline.ts draws it).
 */
export type PlannedHeld = {
  status: string
  planned_start: string | null
  planned_end: string | null
  held_on: string | null
  delay_days: number | null
  article_id: string | null
}

/** A congress or conference of the province: planned dates against the day it was held. */
export type ProfileEvent = PlannedHeld & {
  event_id: string
  item_date: string | null
  label: string
  item_kind: string
  organization: string | null
  old_code: string | null
  old_name: string | null
}

export type ProfileCampaign = {
  campaign_id: string
  campaign_name: string
  first_mention: string
  articles: number
  lag_days: number | null
  national_median_lag_days: number | null
  provinces_reached: number
}

export type ProfileSource = {
  source_id: string
  name: string
  base_url: string
  last_published: string | null
  kind: string
  last_success: string | null
  articles: number
  failed: number
  last_error: string | null
}

export interface ProvinceProfile {
  province: ProfileProvince
  period: { from_year: number | null; to_year: number | null }
  version: string
  documents: ProfileDocument[]
  events: ProfileEvent[]
  campaigns: ProfileCampaign[]
  sources: ProfileSource[]
}
