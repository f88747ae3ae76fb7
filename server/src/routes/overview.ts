import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, OVERVIEW_FIGURES_AGG_SQL, OVERVIEW_TREND_AGG_SQL } from '../queries/aggregates.ts'
import { OVERVIEW_FIGURES_SQL, OVERVIEW_TREND_SQL, OVERVIEW_UNITS } from '../queries/overview.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'
import { checkYears, coverageFilters } from '../http/filters.ts'
import { p } from '../http/params.ts'

/** Without a campaign the aggregate queries read the all-units table and name no $campaign. */
const withoutNullCampaign = ({ campaign, ...rest }: Params): Params =>
  campaign === null || campaign === undefined ? rest : { ...rest, campaign }

/** The overview's filter model: the coverage filters plus provinces. */
const spec = { ...coverageFilters, province: p.provinces('Comma-separated province codes; empty = all') }

export const overviewRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const bind = (q: {
    system: '2008' | '2025'
    from_year: number | null
    to_year: number | null
    source_kind: string | null
    campaign: string | null
    province: string[]
  }) => {
    checkYears(q.from_year, q.to_year)
    const params: Params = {
      system: q.system,
      from_year: q.from_year,
      to_year: q.to_year,
      source_kind: q.source_kind,
      campaign: q.campaign,
    }
    return { params, provinces: inList('u.province_code', q.province, params, 'p') }
  }
  reg.get(
    app,
    prefix,
    '/figures',
    {
      summary:
        'Key figures of the overview under its filters (articles, provinces, campaigns, central documents)',
      params: spec,
      table: false,
      tag: 'overview',
    },
    async (c, q) => {
      const { params, provinces } = bind(q)
      const lease = c.get('lease')
      const agg = await lease.has(...AGGREGATES)
      const sql = agg
        ? OVERVIEW_FIGURES_AGG_SQL(provinces, q.campaign !== null, OVERVIEW_UNITS(provinces))
        : OVERVIEW_FIGURES_SQL(provinces)
      const t = await lease.query(sql, agg ? withoutNullCampaign(params) : params)
      return c.json(t.rows[0] ?? {})
    }
  )
  reg.get(
    app,
    prefix,
    '/trend',
    {
      summary: 'Emulation articles per province and year under the overview filters, with the whole output',
      params: spec,
      table: true,
      tag: 'overview',
    },
    async (c, q) => {
      const { params, provinces } = bind(q)
      const lease = c.get('lease')
      const agg = await lease.has(...AGGREGATES)
      const sql = agg ? OVERVIEW_TREND_AGG_SQL(provinces, q.campaign !== null) : OVERVIEW_TREND_SQL(provinces)
      const t = await lease.query(sql, agg ? withoutNullCampaign(params) : params)
      return sendTable(c, q.format, t, { name: `trend-yearly-${q.system}` })
    }
  )
  return app
}
