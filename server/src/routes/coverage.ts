import { checkYears, coverageFilters, unitParams } from '../http/filters.ts'
import { p } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, COVERAGE_AGG_SQL, COVERAGE_BY_PROVINCE_AGG_SQL } from '../queries/aggregates.ts'
import { COVERAGE_BY_PROVINCE_SQL, COVERAGE_SQL } from '../queries/coverage.ts'
import { inList, where } from '../queries/sql-fragments.ts'

export const spec = { ...coverageFilters, province: p.provinces('Comma-separated province codes') }

export const coverageRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'coverage')
    .table(
      '/',
      {
        summary:
          'Province × campaign coverage: articles mentioning each campaign and share of the province output',
        params: spec,
        name: (q) => `coverage-${q.system}`,
      },
      async (q, { lease }) => {
        checkYears(q.from_year, q.to_year)
        const params = unitParams(q, q.campaign !== null)
        const agg = await lease.has(...AGGREGATES)
        const conds = [inList('a.province_code', q.province, params, 'p')]
        if (q.campaign) conds.push(agg ? 'a.campaign_id = $campaign' : 'cm.campaign_id = $campaign')
        return lease.query((agg ? COVERAGE_AGG_SQL : COVERAGE_SQL)(where(conds)), params)
      }
    )
    .table(
      '/provinces',
      {
        summary:
          'Per-province totals for the coverage map: articles, articles mentioning a campaign (or the chosen one), distinct campaigns',
        params: coverageFilters,
        name: (q) => `coverage-provinces-${q.system}`,
      },
      async (q, { lease }) => {
        checkYears(q.from_year, q.to_year)
        const agg = await lease.has(...AGGREGATES)
        return lease.query(agg ? COVERAGE_BY_PROVINCE_AGG_SQL : COVERAGE_BY_PROVINCE_SQL, unitParams(q))
      }
    ).app
