import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { p } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, COVERAGE_AGG_SQL, COVERAGE_BY_PROVINCE_AGG_SQL } from '../queries/aggregates.ts'
import { COVERAGE_BY_PROVINCE_SQL, COVERAGE_SQL } from '../queries/coverage.ts'
import { inList, where, type Params } from '../queries/sql-fragments.ts'
import { checkYears, coverageFilters } from '../http/filters.ts'

export const coverageRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const spec = { ...coverageFilters, province: p.provinces('Comma-separated province codes') }
  reg.get(
    app,
    prefix,
    '/',
    {
      summary:
        'Province × campaign coverage: articles mentioning each campaign and share of the province output',
      params: spec,
      table: true,
      tag: 'coverage',
    },
    async (c, q) => {
      checkYears(q.from_year, q.to_year)
      const params: Params = {
        system: q.system,
        from_year: q.from_year,
        to_year: q.to_year,
        source_kind: q.source_kind,
      }
      const lease = c.get('lease')
      const agg = await lease.has(...AGGREGATES)
      const conds = [inList('a.province_code', q.province, params, 'p')]
      if (q.campaign) {
        params.campaign = q.campaign
        conds.push(agg ? 'a.campaign_id = $campaign' : 'cm.campaign_id = $campaign')
      }
      const t = await lease.query((agg ? COVERAGE_AGG_SQL : COVERAGE_SQL)(where(conds)), params)
      return sendTable(c, q.format, t, { name: `coverage-${q.system}` })
    }
  )
  reg.get(
    app,
    prefix,
    '/provinces',
    {
      summary:
        'Per-province totals for the coverage map: articles, articles mentioning a campaign (or the chosen one), distinct campaigns',
      params: coverageFilters,
      table: true,
      tag: 'coverage',
    },
    async (c, q) => {
      checkYears(q.from_year, q.to_year)
      const lease = c.get('lease')
      const sql = (await lease.has(...AGGREGATES)) ? COVERAGE_BY_PROVINCE_AGG_SQL : COVERAGE_BY_PROVINCE_SQL
      const t = await lease.query(sql, {
        system: q.system,
        from_year: q.from_year,
        to_year: q.to_year,
        source_kind: q.source_kind,
        campaign: q.campaign,
      })
      return sendTable(c, q.format, t, { name: `coverage-provinces-${q.system}` })
    }
  )
  return app
}
