import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, PROVINCES_AGG_SQL } from '../queries/aggregates.ts'
import { LINEAGE_SQL, PROVINCES_SQL } from '../queries/provinces.ts'

export const provincesRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'Provinces of a unit system (63 or 34) with article and source counts',
      params: { system: systemParam },
      table: true,
      tag: 'reference',
    },
    async (c, q) => {
      const lease = c.get('lease')
      const sql = (await lease.has(...AGGREGATES)) ? PROVINCES_AGG_SQL : PROVINCES_SQL
      const t = await lease.query(sql, { system: q.system })
      return sendTable(c, q.format, t, { name: `provinces-${q.system}` })
    }
  )
  reg.get(
    app,
    prefix,
    '/lineage',
    {
      summary: 'How the 63 provinces map onto the 34 units from 2025-07-01',
      params: {},
      table: true,
      tag: 'reference',
    },
    async (c, q) => {
      const t = await c.get('lease').query(LINEAGE_SQL)
      return sendTable(c, q.format, t, { name: 'province-lineage' })
    }
  )
  return app
}
