/**
 * `pnpm eval`'s three-way table (issue #11): gold, dev and frozen-test scores side by side, per entity kind,
 * its every-field score and each field. The frozen part contributes numbers only, never texts or misses.
 */
import type { EvalReport, Score } from '../extract/evaluate.ts'

const cell = (s: Score | undefined): string =>
  s === undefined
    ? '      –            '
    : `${(s.f1 * 100).toFixed(1).padStart(6)} (${s.tp}/${s.fp}/${s.fn})`.padEnd(19)

/** Rows: kind, "kind, every field", fields; columns: F1 (tp/fp/fn) per report. */
export function sideBySide(reports: ReadonlyArray<[string, EvalReport | null]>): string {
  const head = `${'kind / field'.padEnd(26)}${reports.map(([n, r]) => `${n} (${r?.texts ?? 0} texts)`.padEnd(20)).join('')}`
  const rows = [head, `${''.padEnd(26)}${reports.map(() => 'F1 (tp/fp/fn)'.padEnd(20)).join('')}`]
  const kinds = ['documents', 'events', 'campaigns', 'times'] as const
  const fieldNames = new Set<string>()
  for (const [, r] of reports) for (const f of Object.keys(r?.fields ?? {})) fieldNames.add(f)
  for (const k of kinds) {
    rows.push(`${k.padEnd(26)}${reports.map(([, r]) => cell(r?.kinds[k]) + ' ').join('')}`)
    if (k === 'documents' || k === 'events')
      rows.push(
        `${`  ${k}, every field`.padEnd(26)}${reports.map(([, r]) => cell(r?.strict[k]) + ' ').join('')}`
      )
    for (const f of [...fieldNames].filter((n) => n.startsWith(`${k}.`)).sort())
      rows.push(`${`  ${f}`.padEnd(26)}${reports.map(([, r]) => cell(r?.fields[f]) + ' ').join('')}`)
  }
  return rows.join('\n')
}
