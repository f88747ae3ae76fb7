import { CAMPAIGN_ID, checkYears, coverageFilters, unitParams } from '../http/filters.ts'
import { p, systemParam } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { ADOPTION_FIRST_AGG, AGGREGATES, CAMPAIGNS_AGG_SQL } from '../queries/aggregates.ts'
import { ADOPTION_SQL, CAMPAIGNS_SQL } from '../queries/campaigns.ts'
import { inList } from '../queries/sql-fragments.ts'

export const adoptionParams = {
  system: systemParam,
  campaign: p.text({
    maxLength: 80,
    pattern: CAMPAIGN_ID,
    description: 'Campaign id (data/reference/campaigns.json)',
  }),
  province: p.provinces('Comma-separated province codes'),
  from_year: coverageFilters.from_year,
  to_year: coverageFilters.to_year,
  source_kind: coverageFilters.source_kind,
}

export const campaignsRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'campaigns')
    .table(
      '/',
      {
        summary: 'National emulation campaigns with article and province counts',
        params: {},
        name: 'campaigns',
      },
      async (_q, { lease }) =>
        lease.query((await lease.has(...AGGREGATES)) ? CAMPAIGNS_AGG_SQL : CAMPAIGNS_SQL)
    )
    .table(
      '/adoption',
      {
        summary: 'Adoption lag: days from a campaign launch to its first mention per province',
        params: adoptionParams,
        name: 'campaign-adoption',
      },
      async (q, { lease }) => {
        checkYears(q.from_year, q.to_year)
        const params = unitParams(q)
        const first = (await lease.has(...AGGREGATES)) ? ADOPTION_FIRST_AGG : undefined
        return lease.query(ADOPTION_SQL(inList('v.province_code', q.province, params, 'p'), first), params)
      }
    ).app
