/**
 * Watch rules (issue #16), from a JSON file (data/alerts.json is the documented example):
 * { "rules": [ { "id": "…", "kind": "…", …parameters } ] }. Kinds and their parameters:
 * - new_central_document { max_age_days? }: a central document seen for the first time (issued or first
 *   cited within max_age_days of now, when given);
 * - not_answered { documents: ["41-CT/TW", …] | "all_central", after_days, system? }: a province with no
 *   implementing document after_days after the document was issued;
 * - congress_overdue { grace_days }: an emulation congress whose planned window ended grace_days ago with
 *   no report that it was held;
 * - source_silent { factor, min_days }: a source whose last article is older than factor × its usual gap
 *   between articles (and at least min_days);
 * - source_failing { min_failures }: a source whose last min_failures fetches all failed.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../paths.ts'

export const defaultAlertsFile = path.join(dataDir, 'alerts.json')

export type AlertRule =
  | { readonly id: string; readonly kind: 'new_central_document'; readonly max_age_days?: number }
  | {
      readonly id: string
      readonly kind: 'not_answered'
      readonly documents: ReadonlyArray<string> | 'all_central'
      readonly after_days: number
      readonly system?: '2008' | '2025'
    }
  | { readonly id: string; readonly kind: 'congress_overdue'; readonly grace_days: number }
  | {
      readonly id: string
      readonly kind: 'source_silent'
      readonly factor: number
      readonly min_days: number
    }
  | { readonly id: string; readonly kind: 'source_failing'; readonly min_failures: number }

export type AlertKind = AlertRule['kind']

const num = (r: Record<string, unknown>, k: string, where: string, optional = false): number | undefined => {
  const v = r[k]
  if (v === undefined && optional) return undefined
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new Error(`${where}: "${k}" must be a number ≥ 0`)
  return v
}

/** Validates one rule; the error names the rule and the field. */
export function parseRule(raw: unknown, i: number): AlertRule {
  if (!raw || typeof raw !== 'object') throw new Error(`rule ${i + 1}: not an object`)
  const r = raw as Record<string, unknown>
  const where = `rule ${typeof r.id === 'string' ? `"${r.id}"` : i + 1}`
  if (typeof r.id !== 'string' || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(r.id))
    throw new Error(`${where}: "id" must be a short lowercase name (a-z, 0-9, - or _)`)
  const id = r.id
  switch (r.kind) {
    case 'new_central_document': {
      const max = num(r, 'max_age_days', where, true)
      return max === undefined ? { id, kind: r.kind } : { id, kind: r.kind, max_age_days: max }
    }
    case 'not_answered': {
      const docs = r.documents
      if (
        docs !== 'all_central' &&
        !(Array.isArray(docs) && docs.length > 0 && docs.every((d) => typeof d === 'string'))
      )
        throw new Error(`${where}: "documents" must be "all_central" or a list of symbols like "41-CT/TW"`)
      if (r.system !== undefined && r.system !== '2008' && r.system !== '2025')
        throw new Error(`${where}: "system" must be "2008" or "2025"`)
      return {
        id,
        kind: r.kind,
        documents: docs as ReadonlyArray<string> | 'all_central',
        after_days: num(r, 'after_days', where)!,
        ...(r.system ? { system: r.system as '2008' | '2025' } : {}),
      }
    }
    case 'congress_overdue':
      return { id, kind: r.kind, grace_days: num(r, 'grace_days', where)! }
    case 'source_silent':
      return { id, kind: r.kind, factor: num(r, 'factor', where)!, min_days: num(r, 'min_days', where)! }
    case 'source_failing':
      return { id, kind: r.kind, min_failures: Math.max(1, num(r, 'min_failures', where)!) }
    default:
      throw new Error(`${where}: unknown "kind" ${JSON.stringify(r.kind)}`)
  }
}

export function parseRules(json: string, file = 'alerts config'): AlertRule[] {
  let v: unknown
  try {
    v = JSON.parse(json)
  } catch (e) {
    throw new Error(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  const rules = (v as { rules?: unknown })?.rules
  if (!Array.isArray(rules)) throw new Error(`${file}: expected {"rules": [...]}`)
  const out = rules.map((r, i) => {
    try {
      return parseRule(r, i)
    } catch (e) {
      throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`)
    }
  })
  const ids = new Set<string>()
  for (const r of out) {
    if (ids.has(r.id)) throw new Error(`${file}: two rules share the id "${r.id}"`)
    ids.add(r.id)
  }
  return out
}

export const loadRules = (file = defaultAlertsFile): AlertRule[] =>
  parseRules(readFileSync(file, 'utf8'), file)
