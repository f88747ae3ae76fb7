import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { CAMPAIGN_ID, checkYears, coverageFilters } from '../http/filters.ts'
import { p, systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { ADOPTION_FIRST_AGG, AGGREGATES, CAMPAIGNS_AGG_SQL } from '../queries/aggregates.ts'
import { ADOPTION_SQL, CAMPAIGNS_SQL } from '../queries/campaigns.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'

export const campaignsRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'National emulation campaigns with article and province counts',
      params: {},
      table: true,
      tag: 'campaigns',
    },
    async (c, q) => {
      const lease = c.get('lease')
      const t = await lease.query((await lease.has(...AGGREGATES)) ? CAMPAIGNS_AGG_SQL : CAMPAIGNS_SQL)
      return sendTable(c, q.format, t, { name: 'campaigns' })
    }
  )
  const adoptionParams = {
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
  reg.get(
    app,
    prefix,
    '/adoption',
    {
      summary: 'Adoption lag: days from a campaign launch to its first mention per province',
      params: adoptionParams,
      table: true,
      tag: 'campaigns',
    },
    async (c, q) => {
      checkYears(q.from_year, q.to_year)
      const params: Params = {
        system: q.system,
        campaign: q.campaign,
        from_year: q.from_year,
        to_year: q.to_year,
        source_kind: q.source_kind,
      }
      const lease = c.get('lease')
      const first = (await lease.has(...AGGREGATES)) ? ADOPTION_FIRST_AGG : undefined
      const t = await lease.query(
        ADOPTION_SQL(inList('v.province_code', q.province, params, 'p'), first),
        params
      )
      return sendTable(c, q.format, t, { name: 'campaign-adoption' })
    }
  )
  return app
}
