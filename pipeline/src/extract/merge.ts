/**
 * One entity per document, event and campaign per text (issue #11). A headline, the body, an ALL-CAPS
 * repeat and a short back-reference ("Chỉ thị 34" after "Chỉ thị số 34-CT/TW ngày 7/4/2014"; "Đại hội lần
 * này") are mentions of one entity: it carries every span in `mentions`, the most complete fields any
 * mention states, and never an ordinal no mention wrote. A congress (not a conference) with neither
 * ordinal nor date is dropped: it cannot be placed on a timeline.
 */
import type {
  CampaignMention,
  DocumentMention,
  EventMention,
  Span,
  TimeMention,
} from '../domain/extraction.ts'
import { foldVietnamese } from '../reference/fold.ts'
import { matchAll } from './spans.ts'

const SPACE = /\s/u

/** A mention's span without the white space a pattern's tail or head took with it (new-user trial, session 6). */
function spanOf(text: string, start: number, end: number): Span {
  let s = start
  let e = end
  while (e > s && SPACE.test(text.charAt(e - 1))) e--
  while (s < e && SPACE.test(text.charAt(s))) s++
  return { start: s, end: e, surface: text.slice(s, e) }
}

const byStart = (a: Span, b: Span): number => a.start - b.start

/** Party vs state vs local issuers: a bare "Chỉ thị 34 của Tỉnh ủy" is not "Chỉ thị 34-CT/TW". */
function family(level: string | undefined): string {
  if (level === 'province' || level === 'district' || level === 'commune') return 'local'
  if (level === 'party_central') return 'party_central'
  if (level === 'province_party') return 'party_local'
  if (level === 'government' || level === 'prime_minister') return 'government'
  return level ?? 'unknown'
}

const docScore = (d: DocumentMention): number =>
  (d.symbol ? 4 : 0) + (d.date ? 2 : 0) + (d.issuer_basis === 'text' ? 1 : 0)

function mergeDocGroup(text: string, group: DocumentMention[]): DocumentMention {
  const best = [...group].sort((a, b) => docScore(b) - docScore(a) || a.start - b.start)[0]!
  const ordered = [best, ...group.filter((d) => d !== best)]
  const first = <K extends keyof DocumentMention>(k: K): DocumentMention[K] | null => {
    for (const d of ordered) if (d[k] !== null && d[k] !== undefined) return d[k]
    return null
  }
  const written = ordered.find((d) => d.issuer_basis === 'text')
  const span = spanOf(text, best.start, best.end)
  // Built field by field (no spread): the mentions went through several spreads, and V8 copies such
  // objects slowly; one literal gives every entity the same fast shape.
  return {
    type: best.type,
    number: best.number,
    symbol: first('symbol'),
    year_in_symbol: first('year_in_symbol'),
    date: first('date'),
    issuer: written?.issuer ?? null,
    issuer_level: written?.issuer_level ?? best.issuer_level ?? 'unknown',
    issuer_basis: written ? 'text' : (best.issuer_basis ?? 'none'),
    symbol_issuer: first('symbol_issuer'),
    surface: span.surface,
    start: span.start,
    end: span.end,
    mentions: group.map((d) => spanOf(text, d.start, d.end)).sort(byStart),
  }
}

export function mergeDocuments(text: string, docs: ReadonlyArray<DocumentMention>): DocumentMention[] {
  const groups = new Map<string, DocumentMention[]>()
  const keyOf = (d: DocumentMention) => `${d.type}|${d.number}|${d.symbol ?? ''}`
  for (const d of docs) if (d.symbol !== null) groups.set(keyOf(d), [...(groups.get(keyOf(d)) ?? []), d])
  for (const d of docs) {
    if (d.symbol !== null) continue
    // A symbol-less mention joins the one document of its type and number that has a symbol.
    const fits = [...groups.entries()].filter(([k, g]) => {
      const [type, number, symbol] = k.split('|')
      if (type !== d.type || number !== d.number || symbol === '') return false
      return d.issuer_basis !== 'text' || family(g[0]!.issuer_level) === family(d.issuer_level)
    })
    const key = fits.length === 1 ? fits[0]![0] : keyOf(d)
    groups.set(key, [...(groups.get(key) ?? []), d])
  }
  return [...groups.values()]
    .map((g) => mergeDocGroup(text, g))
    .sort((a, b) => a.mentions![0]!.start - b.mentions![0]!.start)
}

const folded = new Map<string, string>()
/** Folded place names, memoised: keys are built for every pair of mentions. */
const fold = (s: string | null): string => {
  if (!s) return ''
  let f = folded.get(s)
  if (f === undefined) {
    f = foldVietnamese(s).replace(/\s+/g, ' ').trim()
    if (folded.size > 5000) folded.clear()
    folded.set(s, f)
  }
  return f
}

const eventKey = (e: EventMention): string =>
  [
    e.kind,
    e.organization ?? '',
    e.scope,
    e.province_code ?? fold(e.place),
    e.ordinal ?? '',
    e.ordinal === null ? (e.period ?? e.year ?? '') : '',
  ].join('|')

const eventScore = (e: EventMention): number =>
  (e.ordinal !== null ? 4 : 0) +
  (e.place !== null ? 2 : 0) +
  (e.period !== null || e.year !== null ? 1 : 0) +
  (e.time_start ? 1 : 0)

type PlannedTime = { readonly time_start?: string | null; readonly time_end?: string | null }

function mergeEventGroup(
  text: string,
  group: EventMention[],
  extra: Span[],
  later?: PlannedTime
): EventMention {
  const best = [...group].sort((a, b) => eventScore(b) - eventScore(a) || (a.start ?? 0) - (b.start ?? 0))[0]!
  const ordered = [best, ...group.filter((e) => e !== best)]
  const first = <T>(f: (e: EventMention) => T | null | undefined): T | null => {
    for (const e of ordered) {
      const v = f(e)
      if (v !== null && v !== undefined) return v
    }
    return null
  }
  // A report that the congress was held outweighs the plans it mentions on the way.
  const status = group.some((e) => e.status === 'held')
    ? 'held'
    : group.some((e) => e.status === 'planned') || later
      ? 'planned'
      : 'unknown'
  const planned: PlannedTime | undefined =
    ordered.find((e) => e.status === 'planned' && e.time_start) ?? later
  const held = ordered.find((e) => e.status === 'held' && e.time_start)
  const own = status === 'held' ? held : status === 'planned' ? planned : undefined
  const timeStart = own?.time_start ?? first((e) => e.time_start)
  const timeEnd = own?.time_end ?? first((e) => e.time_end)
  const period = first((e) => e.period)
  // A congress known by no ordinal or term is known by its date: "Đại hội … sẽ diễn ra từ ngày 14-16/12/2022"
  // is the 2022 one (issue #11).
  // A conference's year is the one its name states (results of 2022 are commended in 2023): not its date.
  const span = best.start === undefined ? null : spanOf(text, best.start, best.end ?? best.start)
  const dated =
    best.kind !== 'hoi_nghi_dien_hinh' &&
    best.ordinal === null &&
    period === null &&
    timeStart &&
    timeStart.slice(0, 4) === timeEnd?.slice(0, 4)
      ? Number(timeStart.slice(0, 4))
      : null
  return {
    kind: best.kind,
    scope: best.scope,
    province_code: best.province_code,
    province_code_2008: best.province_code_2008 ?? null,
    ordinal: best.ordinal,
    organization: best.organization ?? null,
    start: span?.start,
    end: span?.end,
    surface: span?.surface ?? best.surface.trim(),
    place: first((e) => e.place),
    year: first((e) => e.year) ?? dated,
    period,
    status,
    time_start: timeStart,
    time_end: timeEnd,
    planned_start: planned?.time_start ?? null,
    planned_end: planned?.time_end ?? null,
    held_on: held?.time_start ?? null,
    mentions: [
      ...group.filter((e) => e.start !== undefined).map((e) => spanOf(text, e.start!, e.end ?? e.start!)),
      ...extra,
    ].sort(byStart),
  }
}

/**
 * A mention without ordinal ("Đại hội Hội Nông dân Việt Nam nhiệm kỳ 2018-2023" over "… lần thứ VII (nhiệm kỳ
 * 2018-2023)") is the one congress of its kind, organisation and unit with an ordinal when its year and
 * period agree; with none or several it stays apart.
 */
function withOrdinalOfTheOne(events: ReadonlyArray<EventMention>): EventMention[] {
  const unit = (e: EventMention) =>
    `${e.kind}|${e.organization ?? ''}|${e.scope}|${e.province_code ?? fold(e.place)}`
  const agree = (a: string | number | null, b: string | number | null) => a === null || b === null || a === b
  return events.map((e) => {
    if (e.ordinal !== null) return e
    const fits = events.filter(
      (f) => f.ordinal !== null && unit(f) === unit(e) && agree(f.period, e.period) && agree(f.year, e.year)
    )
    const one = fits[0]
    if (!one || fits.some((f) => f.ordinal !== one.ordinal)) return e
    return { ...e, ordinal: one.ordinal }
  })
}

// "Đại hội lần này", "Đại hội này", "Hội nghị lần này": the congress or conference named before it.
const BACK_REFERENCE = /(?<![\p{L}])(Đại hội|Hội nghị)\s+(?:lần\s+)?này(?![\p{L}])/giu

// "Theo kế hoạch, hội nghị dự kiến tổ chức trong quý I năm 2027": the plan of the congress or conference
// named before, told in a later sentence by its bare name; its time is the first one that follows in the
// same sentence (a period "giai đoạn …" is a term, not a date).
const PLANNED_LATER =
  /(?<![\p{L}])(Đại hội|Hội nghị)(?:\s+(?:lần\s+)?này)?\s+(?:dự kiến|dự định|sẽ)(?![\p{L}])/giu
const SAME_SENTENCE = /^[^.!?;\n]{0,60}$/u

/** The last event named before `at` that a bare "Đại hội" (congress) or "Hội nghị" (conference) points to. */
function ownerBefore(events: ReadonlyArray<EventMention>, at: number, congress: boolean) {
  let owner: EventMention | undefined
  for (const e of events) {
    if ((e.start ?? 0) >= at) break
    if ((e.kind === 'hoi_nghi_dien_hinh') !== congress) owner = e
  }
  return owner
}

function plannedLater(text: string, events: ReadonlyArray<EventMention>, times: ReadonlyArray<TimeMention>) {
  const found = new Map<string, PlannedTime>()
  if (events.length === 0 || !/dự kiến|dự định|sẽ/u.test(text)) return found
  for (const m of matchAll(PLANNED_LATER, text)) {
    const after = m.index + m[0].length
    const t = times.find((x) => x.span_start !== undefined && x.span_start >= after)
    if (!t || t.granularity === 'period' || !SAME_SENTENCE.test(text.slice(after, t.span_start))) continue
    const owner = ownerBefore(events, m.index, m[1]!.toLowerCase() === 'đại hội')
    if (owner && !found.has(eventKey(owner)))
      found.set(eventKey(owner), { time_start: t.start, time_end: t.end })
  }
  return found
}

export function mergeEvents(
  text: string,
  events: ReadonlyArray<EventMention>,
  times: ReadonlyArray<TimeMention>
): EventMention[] {
  const groups = new Map<string, EventMention[]>()
  for (const e of withOrdinalOfTheOne(events))
    groups.set(eventKey(e), [...(groups.get(eventKey(e)) ?? []), e])
  const extra = new Map<string, Span[]>()
  if (events.length > 0 && /này/u.test(text)) {
    // spans.matchAll: a leading lookbehind made the plain scan test every position (see spans.ts).
    for (const m of matchAll(BACK_REFERENCE, text)) {
      const owner = ownerBefore(events, m.index, m[1]!.toLowerCase() === 'đại hội')
      if (!owner) continue
      const k = eventKey(owner)
      extra.set(k, [...(extra.get(k) ?? []), spanOf(text, m.index, m.index + m[0].length)])
    }
  }
  const later = plannedLater(text, events, times)
  return [...groups.entries()]
    .map(([k, g]) => mergeEventGroup(text, g, extra.get(k) ?? [], later.get(k)))
    .filter(
      (e) =>
        e.kind === 'hoi_nghi_dien_hinh' ||
        e.ordinal !== null ||
        e.year !== null ||
        e.period !== null ||
        !!e.time_start
    )
    .sort((a, b) => (a.mentions?.[0]?.start ?? a.start ?? 0) - (b.mentions?.[0]?.start ?? b.start ?? 0))
}

export function mergeCampaigns(text: string, campaigns: ReadonlyArray<CampaignMention>): CampaignMention[] {
  const groups = new Map<string, CampaignMention[]>()
  for (const c of campaigns) groups.set(c.id, [...(groups.get(c.id) ?? []), c])
  return [...groups.values()].map((g) => {
    const head = g[0]!
    const span = head.start === undefined ? null : spanOf(text, head.start, head.end ?? head.start)
    return {
      id: head.id,
      surface: span?.surface ?? head.surface.trim(),
      start: span?.start,
      end: span?.end,
      mentions: g
        .filter((c) => c.start !== undefined)
        .map((c) => spanOf(text, c.start!, c.end ?? c.start!))
        .sort(byStart),
    }
  })
}
