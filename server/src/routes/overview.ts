import { checkYears, coverageFilters, unitParams } from '../http/filters.ts'
import { p } from '../http/params.ts'
import type { QueryOf } from '../http/query-schema.ts'
import type { RouteCtx, RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, OVERVIEW_FIGURES_AGG_SQL, OVERVIEW_TREND_AGG_SQL } from '../queries/aggregates.ts'
import { OVERVIEW_FIGURES_SQL, OVERVIEW_TREND_SQL, OVERVIEW_UNITS } from '../queries/overview.ts'
import { inList } from '../queries/sql-fragments.ts'

/** The overview's filter model: the coverage filters plus provinces. */
export const spec = {
  ...coverageFilters,
  province: p.provinces('Comma-separated province codes; empty = all'),
}

/**
 * Runs the aggregate query when this version has the aggregates, else its direct twin. Without a
 * campaign the aggregate queries read the all-units table and name no $campaign.
 */
const overviewQuery =
  (aggSql: (provinces: string, campaign: boolean) => string, directSql: (provinces: string) => string) =>
  async (q: QueryOf<typeof spec>, { lease }: RouteCtx) => {
    checkYears(q.from_year, q.to_year)
    const agg = await lease.has(...AGGREGATES)
    const params = unitParams(q, !agg || q.campaign !== null)
    const provinces = inList('u.province_code', q.province, params, 'p')
    return lease.query(agg ? aggSql(provinces, q.campaign !== null) : directSql(provinces), params)
  }

const figures = overviewQuery(
  (provinces, campaign) => OVERVIEW_FIGURES_AGG_SQL(provinces, campaign, OVERVIEW_UNITS(provinces)),
  OVERVIEW_FIGURES_SQL
)

export const overviewRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'overview')
    .json(
      '/figures',
      {
        summary:
          'Key figures of the overview under its filters (articles, provinces, campaigns, central documents)',
        params: spec,
      },
      async (q, ctx) => (await figures(q, ctx)).rows[0] ?? {}
    )
    .table(
      '/trend',
      {
        summary: 'Emulation articles per province and year under the overview filters, with the whole output',
        params: spec,
        name: (q) => `trend-yearly-${q.system}`,
      },
      overviewQuery(OVERVIEW_TREND_AGG_SQL, OVERVIEW_TREND_SQL)
    ).app
