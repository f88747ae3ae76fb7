import { systemParam } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { AGGREGATES, PROVINCES_AGG_SQL } from '../queries/aggregates.ts'
import { LINEAGE_SQL, PROVINCES_SQL } from '../queries/provinces.ts'

export const spec = { system: systemParam }

export const provincesRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'reference')
    .table(
      '/',
      {
        summary: 'Provinces of a unit system (63 or 34) with article and source counts',
        params: spec,
        name: (q) => `provinces-${q.system}`,
      },
      async (q, { lease }) =>
        lease.query((await lease.has(...AGGREGATES)) ? PROVINCES_AGG_SQL : PROVINCES_SQL, {
          system: q.system,
        })
    )
    .table(
      '/lineage',
      {
        summary: 'How the 63 provinces map onto the 34 units from 2025-07-01',
        params: {},
        name: 'province-lineage',
      },
      (_q, { lease }) => lease.query(LINEAGE_SQL)
    ).app
