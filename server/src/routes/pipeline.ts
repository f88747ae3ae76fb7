import { Hono } from 'hono'
import { notFound } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { pathId } from '../http/ids.ts'
import { p, pagination } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import {
  LEDGER_SQL,
  RUNS_SQL,
  RUN_FAILURES_SQL,
  RUN_SQL,
  RUN_STAGES_SQL,
  SOURCES_HEALTH_SQL,
} from '../queries/pipeline.ts'
import { splitTotal } from './paging.ts'

export const runsRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  reg.get(
    app,
    prefix,
    '/',
    { summary: 'Pipeline runs, newest first', params: pagination(20, 200), table: true, tag: 'pipeline' },
    async (c, q) => {
      const { table, total } = splitTotal(
        await c.get('lease').query(RUNS_SQL, { limit: q.limit, offset: q.offset })
      )
      return sendTable(c, q.format, table, { name: 'runs', total, limit: q.limit, offset: q.offset })
    }
  )
  reg.get(
    app,
    prefix,
    '/:id',
    {
      summary: 'One run with its per-stage statistics and parse failures',
      params: {},
      pathParams: { id: 'Run id' },
      table: false,
      tag: 'pipeline',
    },
    async (c) => {
      const id = pathId(c, 'id')
      const lease = c.get('lease')
      const run = (await lease.query(RUN_SQL, { id })).rows[0]
      if (!run) throw notFound(id, `Không tìm thấy lượt chạy "${id}".`, `No run "${id}".`)
      const stages = await lease.query(RUN_STAGES_SQL, { id })
      const failures = await lease.query(RUN_FAILURES_SQL, { id })
      return c.json({ run, stages: stages.rows, parse_failures: failures.rows })
    }
  )
  return app
}

export const sourcesRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const kind = p.optionalChoice(['portal', 'newspaper', 'tv', 'other'] as const, 'Only sources of this kind')
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'Per-source health: last success, fetched, failed, last error, months flagged as gaps',
      params: { kind },
      table: true,
      tag: 'pipeline',
    },
    async (c, q) => {
      const t = await c.get('lease').query(SOURCES_HEALTH_SQL, { kind: q.kind })
      return sendTable(c, q.format, t, { name: 'source-health' })
    }
  )
  const ledgerSpec = {
    source: p.text({ maxLength: 80, pattern: /^[\w.:-]+$/, description: 'Source id' }),
    gaps_only: p.choice(['true', 'false'] as const, 'false', 'Only months flagged as gaps'),
  }
  reg.get(
    app,
    prefix,
    '/ledger',
    {
      summary:
        'Coverage ledger: expected vs found articles per source and month; gap_flag marks a drop far below the source baseline',
      params: ledgerSpec,
      table: true,
      tag: 'pipeline',
    },
    async (c, q) => {
      const t = await c
        .get('lease')
        .query(LEDGER_SQL, { source: q.source, gaps_only: q.gaps_only === 'true' })
      return sendTable(c, q.format, t, { name: 'coverage-ledger' })
    }
  )
  return app
}
