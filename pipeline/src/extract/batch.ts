/**
 * The batch line format of `thidua extract` (issue #6): one JSON object per input line
 * `{"id","text","published"?}` → one JSON line with exactly the contract fields, or `{"id","error"}`.
 */
import type { Extraction, Span } from '../domain/extraction.ts'
import { extract } from './extract.ts'

/** A line that is not an input object. A plain error class: the fast `thidua extract` loads no Effect. */
export class BadInputLine extends Error {
  readonly _tag = 'BadInputLine'
  readonly line: number
  readonly reason: string
  constructor(args: { readonly line: number; readonly reason: string }) {
    super(`line ${args.line}: ${args.reason}`)
    this.line = args.line
    this.reason = args.reason
  }
}

export interface InputLine {
  readonly id: string
  readonly text: string
  readonly published: string | null
}

/** Validate one input line; the error says what is wrong so a researcher can fix their file. */
export function parseInputLine(raw: string, lineNo: number): InputLine | BadInputLine {
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch (e) {
    return new BadInputLine({
      line: lineNo,
      reason: `not JSON: ${e instanceof Error ? e.message : String(e)}`,
    })
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return new BadInputLine({ line: lineNo, reason: 'expected a JSON object {"id","text","published"?}' })
  }
  const o = v as Record<string, unknown>
  const id = typeof o.id === 'number' ? String(o.id) : o.id
  if (typeof id !== 'string' || id === '')
    return new BadInputLine({ line: lineNo, reason: '"id" must be a non-empty string' })
  if (typeof o.text !== 'string') return new BadInputLine({ line: lineNo, reason: '"text" must be a string' })
  if (o.published !== undefined && o.published !== null) {
    if (typeof o.published !== 'string' || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?/.test(o.published)) {
      return new BadInputLine({
        line: lineNo,
        reason: '"published" must be an ISO date "YYYY-MM-DD" or null',
      })
    }
  }
  return { id, text: o.text, published: (o.published as string | undefined) ?? null }
}

const spans = (
  ms: ReadonlyArray<Span> | undefined,
  start: number | undefined,
  end: number | undefined,
  surface: string
) => ms ?? (start === undefined ? [] : [{ start, end: end ?? start, surface }])

/** The last fields of an event or campaign line: its span (null when unknown) and every mention. */
const located = (x: {
  readonly start?: number
  readonly end?: number
  readonly mentions?: ReadonlyArray<Span>
  readonly surface: string
}) => ({ start: x.start ?? null, end: x.end ?? null, mentions: spans(x.mentions, x.start, x.end, x.surface) })

/**
 * Exactly the fields of the contract, in contract order: issue #6's fields, then issue #11's (issuer level,
 * organisation, planned/held times, every mention's span). Optional extras of Extraction are dropped.
 */
export function toContractLine(x: Extraction): Record<string, unknown> {
  return {
    id: x.id,
    documents: x.documents.map((d) => ({
      type: d.type,
      number: d.number,
      symbol: d.symbol,
      year_in_symbol: d.year_in_symbol,
      date: d.date,
      issuer: d.issuer,
      surface: d.surface,
      start: d.start,
      end: d.end,
      issuer_level: d.issuer_level ?? 'unknown',
      issuer_basis: d.issuer_basis ?? 'none',
      mentions: spans(d.mentions, d.start, d.end, d.surface),
    })),
    events: x.events.map((e) => ({
      kind: e.kind,
      scope: e.scope,
      place: e.place,
      province_code: e.province_code,
      ordinal: e.ordinal,
      year: e.year,
      period: e.period,
      status: e.status,
      surface: e.surface,
      organization: e.organization ?? null,
      planned_start: e.planned_start ?? null,
      planned_end: e.planned_end ?? null,
      held_on: e.held_on ?? null,
      ...located(e),
    })),
    campaigns: x.campaigns.map((c) => ({ id: c.id, surface: c.surface, ...located(c) })),
    times: x.times.map((t) => ({
      surface: t.surface,
      start: t.start,
      end: t.end,
      granularity: t.granularity,
      span_start: t.span_start ?? null,
      span_end: t.span_end ?? null,
    })),
  }
}

/** One output line for one input line (never throws). */
export function processLine(raw: string, lineNo: number): string {
  const input = parseInputLine(raw, lineNo)
  if (input instanceof BadInputLine) {
    let id: unknown = null
    try {
      const v = JSON.parse(raw) as { id?: unknown }
      if (typeof v?.id === 'string' || typeof v?.id === 'number') id = String(v.id)
    } catch {
      // the id stays null: the line is not JSON at all
    }
    return JSON.stringify({ id, error: `line ${input.line}: ${input.reason}` })
  }
  try {
    return JSON.stringify(toContractLine(extract(input.text, { id: input.id, published: input.published })))
  } catch (e) {
    return JSON.stringify({
      id: input.id,
      error: `line ${lineNo}: extractor failed: ${e instanceof Error ? e.message : e}`,
    })
  }
}
