import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { p, systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, TRENDS_AGG_SQL } from '../queries/aggregates.ts'
import { TRENDS_SQL } from '../queries/trends.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'
import { checkRange } from './timelines.ts'

export const trendsRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const spec = {
    system: systemParam,
    province: p.provinces('Comma-separated province codes; empty = all'),
    from: p.date('First month (YYYY-MM)'),
    to: p.date('Last month (YYYY-MM)'),
  }
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'Monthly article counts per province, raw and as share of the province output',
      params: spec,
      table: true,
      tag: 'trends',
    },
    async (c, q) => {
      checkRange(q.from, q.to)
      const params: Params = { system: q.system, from: q.from, to: q.to }
      const lease = c.get('lease')
      const sql = (await lease.has(...AGGREGATES)) ? TRENDS_AGG_SQL : TRENDS_SQL
      const t = await lease.query(sql(inList('t.province_code', q.province, params, 'p')), params)
      return sendTable(c, q.format, t, { name: 'monthly-trends' })
    }
  )
  return app
}
