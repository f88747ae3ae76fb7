import { rowAs } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { HEALTH_SQL } from '../queries/health.ts'
import type { Health, HealthFigures } from './pipeline-types.ts'

// HEALTH_SQL always answers one row; the empty figures only satisfy the type.
const NO_FIGURES: HealthFigures = { articles: 0, latest_article: null, last_run: null }

export const healthRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'meta')
    .json(
      '/',
      { summary: 'Service status and the published version being served', params: {} },
      async (_q, { lease }): Promise<Health> => {
        // a published version never changes: its figures are read once, so a health probe costs no query
        const t = await lease.fact('health', () => lease.query(HEALTH_SQL))
        return { status: 'ok', version: lease.versionTag, ...(rowAs<HealthFigures>(t) ?? NO_FIGURES) }
      }
    ).app
