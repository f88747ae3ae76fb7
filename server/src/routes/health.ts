import type { RouteRegistry } from '../http/route-docs.ts'
import { HEALTH_SQL } from '../queries/health.ts'

export const healthRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'meta')
    .json(
      '/',
      { summary: 'Service status and the published version being served', params: {} },
      async (_q, { lease }) => {
        const t = await lease.query(HEALTH_SQL)
        return { status: 'ok', version: lease.versionTag, ...(t.rows[0] ?? {}) }
      }
    ).app
