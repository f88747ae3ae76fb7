import { Hono } from 'hono'
import { badParam } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { p } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'

/** The warehouse's data checks (v_data_checks) and the rows behind one of them. */
export const checksRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'Data checks: contradictions found in the warehouse, with their row counts',
      params: {},
      table: true,
      tag: 'pipeline',
    },
    async (c, q) => {
      const t = await c.get('lease').query('SELECT * FROM v_data_checks ORDER BY row_count DESC, check_id')
      return sendTable(c, q.format, t, { name: 'data-checks' })
    }
  )
  reg.get(
    app,
    prefix,
    '/rows',
    {
      summary: 'The offending rows of one data check (at most 500)',
      params: {
        check: p.text({ maxLength: 40, pattern: /^[a-z_]+$/, description: 'Check id from /api/checks' }),
      },
      table: true,
      tag: 'pipeline',
    },
    async (c, q) => {
      const lease = c.get('lease')
      // the view name comes from the warehouse's own list, never from the request
      const view = (
        await lease.query('SELECT view_name FROM v_data_checks WHERE check_id = $id', { id: q.check })
      ).rows[0]?.view_name
      if (typeof view !== 'string')
        throw badParam('check', `không có kiểm tra "${q.check ?? ''}"`, `no check "${q.check ?? ''}"`)
      const t = await lease.query(`SELECT * FROM ${view} LIMIT 500`)
      return sendTable(c, q.format, t, { name: `check-${q.check}` })
    }
  )
  return app
}
