/** The shape of /api/provinces/<code>/profile as the province page reads it. */
import type { PlannedHeld } from '../../charts/timeline.ts'

interface Named {
  code: string
  name: string
}
export interface Profile {
  province: {
    code: string
    name_vi: string
    system: string
    merged_from: Named[] | null
    merged_into: Named | null
    articles: number
  }
  period: { from_year: number | null; to_year: number | null }
  version: string
  documents: Array<{
    document_id: string
    label: string
    issued_on: string | null
    issuer: string | null
    article_count: number
    old_code: string | null
    old_name: string | null
  }>
  events: Array<
    PlannedHeld & {
      label: string
      item_kind: string
      organization: string | null
      old_code: string | null
      old_name: string | null
    }
  >
  campaigns: Array<{
    campaign_id: string
    campaign_name: string
    first_mention: string
    articles: number
    lag_days: number | null
    national_median_lag_days: number | null
    provinces_reached: number
  }>
  sources: Array<{
    source_id: string
    name: string
    kind: string
    last_success: string | null
    articles: number
    failed: number
    last_error: string | null
  }>
}
