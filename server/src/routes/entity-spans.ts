/**
 * Character spans for the entities of one article, each with the sentence that holds it. The warehouse
 * stores extractor spans for every mention kind; a mention whose span is missing or does not fit the
 * body (an older load) is located by its surface instead, the n-th mention of a surface taking its
 * n-th occurrence.
 */
import { sentenceBounds } from './sentences.ts'

export interface EntitySpan {
  readonly kind: 'document' | 'event' | 'campaign' | 'time'
  readonly start: number
  readonly end: number
  readonly surface: string
  /** extracted: stored by the extractor; located: found by searching the surface in the body. */
  readonly span_source: 'extracted' | 'located'
  readonly label: string
  readonly ref: string | null
  /** Bounds of the sentence holding the span (for "the sentence behind a number"). */
  readonly sentence_start: number
  readonly sentence_end: number
  /** Events: planned | held | ... as the extractor read it. */
  readonly status?: string | null
}

type Row = Record<string, unknown>

const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^\d+$/.test(v)
      ? Number(v)
      : null

export const entitySpans = (
  body: string,
  groups: Record<EntitySpan['kind'], ReadonlyArray<Row>>
): EntitySpan[] => {
  const out: EntitySpan[] = []
  const seen = new Map<string, number>()
  for (const [kind, rows] of Object.entries(groups) as Array<[EntitySpan['kind'], ReadonlyArray<Row>]>) {
    for (const r of rows) {
      const surface = typeof r.surface === 'string' ? r.surface : ''
      const label =
        kind === 'document'
          ? String(r.label ?? r.display_symbol ?? `${r.number ?? ''}/${r.symbol ?? ''}`)
          : kind === 'campaign'
            ? String(r.name_vi ?? r.campaign_id ?? '')
            : kind === 'event'
              ? String(r.label ?? r.kind ?? '')
              : String(r.start_date ?? r.granularity ?? '')
      const extra = kind === 'event' ? { status: (r.status as string | null | undefined) ?? null } : {}
      const push = (start: number, end: number, source: EntitySpan['span_source']) => {
        const b = sentenceBounds(body, start, end)
        out.push({
          kind,
          start,
          end,
          surface: body.slice(start, end),
          span_source: source,
          label,
          ref,
          sentence_start: b.start,
          sentence_end: b.end,
          ...extra,
        })
      }
      const ref =
        kind === 'document'
          ? ((r.document_id as string | null) ?? null)
          : kind === 'campaign'
            ? ((r.campaign_id as string | null) ?? null)
            : kind === 'event'
              ? ((r.event_id as string | null) ?? null)
              : null
      const s = num(r.span_start ?? r.start)
      const e = num(r.span_end ?? r.end)
      if (s !== null && e !== null && e > s && e <= body.length) {
        push(s, e, 'extracted')
        continue
      }
      if (!surface) continue
      const key = `${kind}\u0000${surface}`
      let from = 0
      let pos = -1
      const nth = seen.get(key) ?? 0
      for (let i = 0; i <= nth; i++) {
        pos = body.indexOf(surface, from)
        if (pos < 0) break
        from = pos + surface.length
      }
      if (pos < 0) pos = body.indexOf(surface)
      seen.set(key, nth + 1)
      if (pos >= 0) push(pos, pos + surface.length, 'located')
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end)
}
