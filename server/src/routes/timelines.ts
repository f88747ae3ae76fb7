import { Hono } from 'hono'
import { badParam } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { p, systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { MILESTONES_SQL, TIMELINE_SQL } from '../queries/timelines.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'

const range = {
  from: p.date('Earliest date (YYYY-MM-DD or YYYY-MM)'),
  to: p.date('Latest date (YYYY-MM-DD or YYYY-MM)'),
}

export const checkRange = (from: string | null, to: string | null) => {
  if (from && to && from > to)
    throw badParam('from', `không được sau "to" (${to})`, `must not be after "to" (${to})`)
}

export const timelinesRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const spec = {
    system: systemParam,
    province: p.provinces('Comma-separated province codes (at most 8)', 8),
    kind: p.optionalChoice(
      ['document', 'conference', 'congress', 'org_congress'] as const,
      'Only this kind of item (org_congress: Party and mass-organisation congresses)'
    ),
    ...range,
  }
  reg.get(
    app,
    prefix,
    '/',
    {
      summary:
        'Timeline items per province: plans issued, conferences, congresses (planned vs held, delay in days)',
      params: spec,
      table: true,
      tag: 'timelines',
    },
    async (c, q) => {
      checkRange(q.from, q.to)
      if (q.province.length === 0)
        throw badParam(
          'province',
          'cần ít nhất một mã tỉnh, vd. province=20,40',
          'at least one province code is required, e.g. province=20,40'
        )
      const params: Params = { system: q.system, from: q.from, to: q.to, kind: q.kind }
      const t = await c
        .get('lease')
        .query(TIMELINE_SQL(inList('t.province_code', q.province, params, 'p')), params)
      return sendTable(c, q.format, t, { name: 'timelines' })
    }
  )
  reg.get(
    app,
    prefix,
    '/milestones',
    {
      summary: 'National milestones (directives, laws, the 2025 merger)',
      params: range,
      table: true,
      tag: 'timelines',
    },
    async (c, q) => {
      checkRange(q.from, q.to)
      const t = await c.get('lease').query(MILESTONES_SQL, { from: q.from, to: q.to })
      return sendTable(c, q.format, t, { name: 'milestones' })
    }
  )
  return app
}
