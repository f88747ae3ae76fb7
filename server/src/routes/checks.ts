import { badParam } from '../http/api-error.ts'
import { p } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'

export const rowsSpec = {
  check: p.text({ maxLength: 40, pattern: /^[a-z_]+$/, description: 'Check id from /api/checks' }),
}

/** The warehouse's data checks (v_data_checks) and the rows behind one of them. */
export const checksRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'pipeline')
    .table(
      '/',
      {
        summary: 'Data checks: contradictions found in the warehouse, with their row counts',
        params: {},
        name: 'data-checks',
      },
      (_q, { lease }) => lease.query('SELECT * FROM v_data_checks ORDER BY row_count DESC, check_id')
    )
    .table(
      '/rows',
      {
        summary: 'The offending rows of one data check (at most 500)',
        params: rowsSpec,
        name: (q) => `check-${q.check}`,
      },
      async (q, { lease }) => {
        // the view name comes from the warehouse's own list, never from the request
        const view = (
          await lease.query('SELECT view_name FROM v_data_checks WHERE check_id = $id', { id: q.check })
        ).rows[0]?.view_name
        if (typeof view !== 'string')
          throw badParam('check', `không có kiểm tra "${q.check ?? ''}"`, `no check "${q.check ?? ''}"`)
        return lease.query(`SELECT * FROM ${view} LIMIT 500`)
      }
    ).app
