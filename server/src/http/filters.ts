/**
 * The dashboard's filter model on the server side: the query parameters every figure of a view
 * accepts (unit system, years, source kind, campaign), declared once so all routes spell them alike.
 */
import { badParam } from './api-error.ts'
import { p, systemParam } from './params.ts'
import type { Params } from '../queries/sql-fragments.ts'

export const CAMPAIGN_ID = /^[a-z0-9_:-]{1,80}$/

export const coverageFilters = {
  system: systemParam,
  from_year: p.optionalInt({ min: 1945, max: 2100, description: 'First publication year included' }),
  to_year: p.optionalInt({ min: 1945, max: 2100, description: 'Last publication year included' }),
  source_kind: p.optionalChoice(['portal', 'newspaper', 'tv', 'other'] as const, 'Only sources of this kind'),
  campaign: p.text({ maxLength: 80, pattern: CAMPAIGN_ID, description: 'Only this campaign' }),
}

export const checkYears = (from: number | null, to: number | null) => {
  if (from !== null && to !== null && from > to)
    throw badParam('from_year', `không được lớn hơn to_year (${to})`, `must not be after to_year (${to})`)
}

/**
 * The SQL parameters of the coverage filters. `$campaign` is bound only when the query names it
 * (`withCampaign`): DuckDB refuses a bound parameter its statement does not use.
 */
export const unitParams = (
  q: {
    system: string
    from_year: number | null
    to_year: number | null
    source_kind: string | null
    campaign?: string | null
  },
  withCampaign = true
): Params => ({
  system: q.system,
  from_year: q.from_year,
  to_year: q.to_year,
  source_kind: q.source_kind,
  ...(withCampaign ? { campaign: q.campaign ?? null } : {}),
})
