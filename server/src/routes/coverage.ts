import { Hono } from 'hono'
import { badParam } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { p, systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { COVERAGE_BY_PROVINCE_SQL, COVERAGE_SQL } from '../queries/coverage.ts'
import { inList, where, type Params } from '../queries/sql-fragments.ts'
import { CAMPAIGN_ID } from './campaigns.ts'

/** The filters the coverage map and the overview share. */
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
      const conds = [inList('a.province_code', q.province, params, 'p')]
      if (q.campaign) {
        params.campaign = q.campaign
        conds.push('cm.campaign_id = $campaign')
      }
      const t = await c.get('lease').query(COVERAGE_SQL(where(conds)), params)
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
      const t = await c.get('lease').query(COVERAGE_BY_PROVINCE_SQL, {
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
