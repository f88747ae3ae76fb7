import { badParam } from '../http/api-error.ts'
import { p, systemParam } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { MILESTONES_SQL, TIMELINE_PAGE_SQL, TIMELINE_SQL } from '../queries/timelines.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'

export const range = {
  from: p.date('Earliest date (YYYY-MM-DD or YYYY-MM)'),
  to: p.date('Latest date (YYYY-MM-DD or YYYY-MM)'),
}

export const checkRange = (from: string | null, to: string | null) => {
  if (from && to && from > to)
    throw badParam('from', `không được sau "to" (${to})`, `must not be after "to" (${to})`)
}

export const spec = {
  system: systemParam,
  province: p.provinces('Comma-separated province codes (at most 8)', 8),
  kind: p.optionalChoice(
    ['document', 'conference', 'congress', 'org_congress'] as const,
    'Only this kind of item (org_congress: Party and mass-organisation congresses)'
  ),
  ...range,
  // Opt-in paging: without `limit` the answer holds every item, as the compare view has always read it.
  limit: p.optionalInt({
    min: 1,
    max: 5000,
    description: 'Items per page (paged answer with total); default all',
  }),
  offset: p.optionalInt({ min: 0, max: 1_000_000, description: 'Items to skip (with limit)' }),
}

export const timelinesRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'timelines')
    .table(
      '/',
      {
        summary:
          'Timeline items per province: plans issued, conferences, congresses (planned vs held, delay in days)',
        params: spec,
        name: 'timelines',
      },
      (q, { lease }) => {
        checkRange(q.from, q.to)
        if (q.province.length === 0)
          throw badParam(
            'province',
            'cần ít nhất một mã tỉnh, vd. province=20,40',
            'at least one province code is required, e.g. province=20,40'
          )
        const params: Params = { system: q.system, from: q.from, to: q.to, kind: q.kind }
        const provinces = inList('t.province_code', q.province, params, 'p')
        if (q.limit === null) return lease.query(TIMELINE_SQL(provinces), params)
        return lease.query(TIMELINE_PAGE_SQL(provinces), { ...params, limit: q.limit, offset: q.offset ?? 0 })
      }
    )
    .table(
      '/milestones',
      {
        summary: 'National milestones (directives, laws, the 2025 merger)',
        params: range,
        name: 'milestones',
      },
      (q, { lease }) => {
        checkRange(q.from, q.to)
        return lease.query(MILESTONES_SQL, { from: q.from, to: q.to })
      }
    ).app
