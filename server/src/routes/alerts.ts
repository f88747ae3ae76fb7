/** GET /api/alerts (issue #16): the alerts the watch rules fired, newest first. */
import { Hono } from 'hono'
import type { TableResult } from '../db/duck-values.ts'
import type { AppEnv } from '../http/env.ts'
import { p, pagination } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { splitTotal } from './paging.ts'

const ALERTS_SQL = `
SELECT alert_id, rule_id, kind, CAST(fired_at AS VARCHAR) AS fired_at, run_id, subject, CAST(evidence AS VARCHAR) AS evidence,
  count(*) OVER () AS total
FROM alerts
WHERE (CAST($rule AS VARCHAR) IS NULL OR rule_id = $rule) AND (CAST($kind AS VARCHAR) IS NULL OR kind = $kind)
ORDER BY fired_at DESC, alert_id
LIMIT $limit OFFSET $offset`

export const alertsRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'Alerts fired by the watch rules (data/alerts.json), newest first, each with its evidence',
      params: {
        rule: p.text({ maxLength: 64, description: 'Only this rule id' }),
        kind: p.optionalChoice(
          [
            'new_central_document',
            'not_answered',
            'congress_overdue',
            'source_silent',
            'source_failing',
          ] as const,
          'Only this rule kind'
        ),
        ...pagination(50, 500),
      },
      table: true,
      tag: 'pipeline',
    },
    async (c, q) => {
      const lease = c.get('lease')
      const present = await lease.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'alerts'`
      )
      // A version published before migration 0430 has no alerts table: no alerts, not an error.
      const t: TableResult =
        present.rows.length === 0
          ? { columns: [], types: [], rows: [] }
          : await lease.query(ALERTS_SQL, { rule: q.rule, kind: q.kind, limit: q.limit, offset: q.offset })
      const { table, total } = splitTotal(t)
      return sendTable(c, q.format, table, { name: 'alerts', total, limit: q.limit, offset: q.offset })
    }
  )
  return app
}
