import type { RouteRegistry } from '../http/route-docs.ts'
import { HEALTH_SQL } from '../queries/health.ts'

export const healthRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'meta')
    .json(
      '/',
      { summary: 'Service status and the published version being served', params: {} },
      async (_q, { lease }) => {
        // a published version never changes: its figures are read once, so a health probe costs no query
        const t = await lease.fact('health', () => lease.query(HEALTH_SQL))
        return { status: 'ok', version: lease.versionTag, ...(t.rows[0] ?? {}) }
      }
    ).app
