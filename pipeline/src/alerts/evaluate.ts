/**
 * Evaluates the watch rules against the warehouse and stores each new firing once in `alerts`
 * (issue #16). The alert id hashes the rule id and the event key, so a second run, a catch-up run or a
 * crashed-and-retried run never stores the same alert twice.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { Effect } from 'effect'
import { inTransaction, queryRows, type Warehouse } from '../warehouse/db.ts'
import { type AlertRule, defaultAlertsFile, loadRules } from './config.ts'
import { ruleQuery } from './rules-sql.ts'

export interface FiredAlert {
  readonly alert_id: string
  readonly rule_id: string
  readonly kind: AlertRule['kind']
  readonly subject: string
  readonly evidence: string
}

export const alertIdFor = (ruleId: string, key: string): string =>
  `al_${createHash('sha256').update(`${ruleId}\n${key}`).digest('hex').slice(0, 20)}`

/** Runs every rule; inserts the alerts not stored before; returns those new ones. */
export async function evaluateAlerts(
  wh: Warehouse,
  rules: ReadonlyArray<AlertRule>,
  opts: { runId?: string | null; now?: Date } = {}
): Promise<FiredAlert[]> {
  const now = (opts.now ?? new Date()).toISOString().slice(0, 10)
  const candidates: FiredAlert[] = []
  for (const rule of rules) {
    const { sql, params } = ruleQuery(rule, now)
    for (const r of await queryRows(wh.conn, sql, params))
      candidates.push({
        alert_id: alertIdFor(rule.id, String(r.key)),
        rule_id: rule.id,
        kind: rule.kind,
        subject: String(r.subject),
        evidence: String(r.evidence),
      })
  }
  const fresh: FiredAlert[] = []
  await inTransaction(wh.conn, async () => {
    const known = new Set(
      (await queryRows(wh.conn, 'SELECT alert_id FROM alerts')).map((r) => String(r.alert_id))
    )
    for (const a of candidates) {
      if (known.has(a.alert_id)) continue
      known.add(a.alert_id)
      await wh.conn.run(
        `INSERT INTO alerts (alert_id, rule_id, kind, fired_at, run_id, subject, evidence)
         VALUES ($1, $2, $3, now(), $4, $5, CAST($6 AS JSON)) ON CONFLICT (alert_id) DO NOTHING`,
        [a.alert_id, a.rule_id, a.kind, opts.runId ?? null, a.subject, a.evidence]
      )
      fresh.push(a)
    }
  })
  return fresh
}

/** The rules file a run uses: $THIDUA_ALERTS, else data/alerts.json; null when there is none. */
export const alertsFileFromEnv = (): string | null => {
  const f = process.env.THIDUA_ALERTS ?? defaultAlertsFile
  return f !== '' && existsSync(f) ? f : null
}

/**
 * The end-of-run stage: evaluate and store. A broken rules file is reported in one line and does not
 * fail the run (the data is still published); alerts resume once the file is fixed.
 */
export const alertsStage = (wh: Warehouse, runId: string, log: (line: string) => void) =>
  Effect.promise(async () => {
    const file = alertsFileFromEnv()
    if (file === null) return []
    try {
      const fresh = await evaluateAlerts(wh, loadRules(file), { runId })
      log(
        `alerts: ${fresh.length} new${fresh.length ? ` (${[...new Set(fresh.map((a) => a.rule_id))].join(', ')})` : ''}`
      )
      return fresh
    } catch (e) {
      log(`alerts: not evaluated: ${e instanceof Error ? e.message : String(e)}`)
      return []
    }
  })
