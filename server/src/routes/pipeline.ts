import { notFound } from '../http/api-error.ts'
import { pathId } from '../http/ids.ts'
import { p, pagination } from '../http/params.ts'
import { rowAs, rowsAs } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import {
  LEDGER_SQL,
  RUNS_SQL,
  RUN_FAILURES_SQL,
  RUN_SQL,
  RUN_STAGES_SQL,
  SOURCES_HEALTH_SQL,
} from '../queries/pipeline.ts'
import type { ParseFailure, RunDetail, RunRow, RunStage } from './pipeline-types.ts'

export const runsSpec = pagination(20, 200)

export const runsRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'pipeline')
    .table('/', { summary: 'Pipeline runs, newest first', params: runsSpec, name: 'runs' }, (q, { lease }) =>
      lease.query(RUNS_SQL, { limit: q.limit, offset: q.offset })
    )
    .json(
      '/:id',
      {
        summary: 'One run with its per-stage statistics and parse failures',
        params: {},
        pathParams: { id: 'Run id' },
      },
      async (_q, { c, lease }): Promise<RunDetail> => {
        const id = pathId(c, 'id')
        const run = rowAs<RunRow>(await lease.query(RUN_SQL, { id }))
        if (!run) throw notFound(id, `Không tìm thấy lượt chạy "${id}".`, `No run "${id}".`)
        const stages = await lease.query(RUN_STAGES_SQL, { id })
        const failures = await lease.query(RUN_FAILURES_SQL, { id })
        return { run, stages: rowsAs<RunStage>(stages), parse_failures: rowsAs<ParseFailure>(failures) }
      }
    ).app

export const ledgerSpec = {
  source: p.text({ maxLength: 80, pattern: /^[\w.:-]+$/, description: 'Source id' }),
  gaps_only: p.choice(['true', 'false'] as const, 'false', 'Only months flagged as gaps'),
}
export const sourcesSpec = {
  kind: p.optionalChoice(['portal', 'newspaper', 'tv', 'other'] as const, 'Only sources of this kind'),
}

export const sourcesRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'pipeline')
    .table(
      '/',
      {
        summary: 'Per-source health: last success, fetched, failed, last error, months flagged as gaps',
        params: sourcesSpec,
        name: 'source-health',
      },
      (q, { lease }) => lease.query(SOURCES_HEALTH_SQL, { kind: q.kind })
    )
    .table(
      '/ledger',
      {
        summary:
          'Coverage ledger: expected vs found articles per source and month; gap_flag marks a drop far below the source baseline',
        params: ledgerSpec,
        name: 'coverage-ledger',
      },
      (q, { lease }) => lease.query(LEDGER_SQL, { source: q.source, gaps_only: q.gaps_only === 'true' })
    ).app
