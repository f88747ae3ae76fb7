/**
 * GET /api/alerts (issue #16): the alerts the watch rules fired, newest first; `province` (+ `system`)
 * keeps those about one province: its own unanswered documents and overdue congresses, its sources'
 * silences and failures, and, for a 2025 unit, those of the 2008 provinces merged into it.
 */
import type { TableResult } from '../db/duck-values.ts'
import { p, pagination, systemParam } from '../http/params.ts'
import type { RouteRegistry } from '../http/route-docs.ts'

// An alert's province: the one its evidence names (in the evidence's system, 2025 when unstated), else
// its source's; a 2008 code also counts for the 2025 unit it became.
const ALERTS_SQL = `
WITH a AS (
  SELECT al.*, json_extract_string(CAST(al.evidence AS VARCHAR), '$.province_code') AS ev_code,
    coalesce(json_extract_string(CAST(al.evidence AS VARCHAR), '$.system'), '2025') AS ev_system,
    json_extract_string(CAST(al.evidence AS VARCHAR), '$.source_id') AS ev_source
  FROM alerts al
), placed AS (
  SELECT a.*,
    CASE WHEN a.ev_code IS NULL THEN s.province_code_2008 WHEN a.ev_system = '2008' THEN a.ev_code END AS code_2008,
    CASE WHEN a.ev_code IS NULL THEN s.province_code_2025 WHEN a.ev_system = '2025' THEN a.ev_code ELSE l.new_code END AS code_2025
  FROM a
  LEFT JOIN sources s ON a.ev_code IS NULL AND s.source_id = a.ev_source
  LEFT JOIN province_lineage l ON a.ev_system = '2008' AND l.old_code = a.ev_code
)
SELECT alert_id, rule_id, kind, CAST(fired_at AS VARCHAR) AS fired_at, run_id, subject, CAST(evidence AS VARCHAR) AS evidence,
  count(*) OVER () AS total
FROM placed
WHERE (CAST($rule AS VARCHAR) IS NULL OR rule_id = $rule) AND (CAST($kind AS VARCHAR) IS NULL OR kind = $kind)
  AND (CAST($province AS VARCHAR) IS NULL OR (CASE $system WHEN '2008' THEN code_2008 ELSE code_2025 END) = $province)
ORDER BY fired_at DESC, alert_id
LIMIT $limit OFFSET $offset`

export const spec = {
  rule: p.text({ maxLength: 64, description: 'Only this rule id' }),
  kind: p.optionalChoice(
    ['new_central_document', 'not_answered', 'congress_overdue', 'source_silent', 'source_failing'] as const,
    'Only this rule kind'
  ),
  province: p.text({
    maxLength: 2,
    pattern: /^\d{2}$/,
    description: 'Only alerts about this province (two-digit code in `system`)',
  }),
  system: systemParam,
  ...pagination(50, 500),
}

export const alertsRoutes = (reg: RouteRegistry, prefix: string) =>
  reg.router(prefix, 'pipeline').table(
    '/',
    {
      summary: 'Alerts fired by the watch rules (data/alerts.json), newest first, each with its evidence',
      params: spec,
      name: 'alerts',
    },
    async (q, { lease }): Promise<TableResult> => {
      const present = await lease.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'alerts'`
      )
      // A version published before migration 0430 has no alerts table: no alerts, not an error.
      if (present.rows.length === 0) return { columns: [], types: [], rows: [] }
      const { format: _f, ...params } = q
      return lease.query(ALERTS_SQL, params)
    }
  ).app
