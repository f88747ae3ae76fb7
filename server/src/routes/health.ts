import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { HEALTH_SQL } from '../queries/health.ts'

export const healthRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'Service status and the published version being served',
      params: {},
      table: false,
      tag: 'meta',
    },
    async (c) => {
      const lease = c.get('lease')
      const t = await lease.query(HEALTH_SQL)
      return c.json({ status: 'ok', version: lease.versionTag, ...(t.rows[0] ?? {}) })
    }
  )
  return app
}
