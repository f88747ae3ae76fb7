import { p, systemParam } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, TRENDS_AGG_SQL } from '../queries/aggregates.ts'
import { TRENDS_SQL } from '../queries/trends.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'
import { checkRange } from './timelines.ts'

export const spec = {
  system: systemParam,
  province: p.provinces('Comma-separated province codes; empty = all'),
  from: p.date('First month (YYYY-MM)'),
  to: p.date('Last month (YYYY-MM)'),
}

export const trendsRoutes = (reg: RouteRegistry, prefix: string) =>
  reg.router(prefix, 'trends').table(
    '/',
    {
      summary: 'Monthly article counts per province, raw and as share of the province output',
      params: spec,
      name: 'monthly-trends',
    },
    async (q, { lease }) => {
      checkRange(q.from, q.to)
      const params: Params = { system: q.system, from: q.from, to: q.to }
      const sql = (await lease.has(...AGGREGATES)) ? TRENDS_AGG_SQL : TRENDS_SQL
      return lease.query(sql(inList('t.province_code', q.province, params, 'p')), params)
    }
  ).app
