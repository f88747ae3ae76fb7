/**
 * Mentions of one event inside one text (issue #11): bare heads tied to a level, partial mentions that
 * borrow scope or ordinal from the full one, and fields shared between mentions of the same event.
 */
import type { EventMention } from '../domain/extraction.ts'

export type Level = 'province' | 'city'

/** Province-level cities: "thành phố Hà Nội" is a province-scope unit, "thành phố Kon Tum" is not. */
export const CENTRAL_CITIES = new Set(['01', '31', '48', '79', '92'])

/**
 * A bare mention tied to a level ("Cấp tỉnh tổ chức "Đại hội Thi đua yêu nước", thời gian dự kiến trong
 * tháng 8/2025") is the full mention of that level in the same text ("Đại hội thi đua yêu nước tỉnh Lạng
 * Sơn lần thứ VI"), when exactly one event of that kind and level is named; it keeps its own status and
 * time, so the plan's date reaches the event. With none or several it is dropped, as before.
 */
export function resolveBare(
  bare: ReadonlyArray<EventMention>,
  levels: ReadonlyArray<Level>,
  full: ReadonlyArray<EventMention>
): EventMention[] {
  const out: EventMention[] = []
  bare.forEach((b, i) => {
    const level = levels[i]
    const fits = full.filter(
      (f) =>
        sameKind(f, b) &&
        (f.ordinal !== null || f.province_code !== null) &&
        (level === 'province'
          ? f.scope === 'province'
          : f.scope === 'city' || (f.scope === 'province' && CENTRAL_CITIES.has(f.province_code ?? '')))
    )
    const one = fits[0]
    if (!one || fits.some((f) => unitOf(f) !== unitOf(one) || f.ordinal !== one.ordinal)) return
    out.push({
      ...b,
      scope: one.scope,
      place: one.place,
      province_code: one.province_code,
      province_code_2008: one.province_code_2008,
      ordinal: one.ordinal,
      year: one.year,
      period: one.period,
    })
  })
  return out
}

/**
 * A planned event whose text gives only its year ("Đại hội ... lần thứ VI năm 2025") is planned within
 * that year; a finer time from any mention of it was already shared.
 */
export function withPlannedYear(events: EventMention[]): EventMention[] {
  return events.map((e) =>
    e.status === 'planned' && e.year !== null && !e.time_start
      ? { ...e, time_start: `${e.year}-01-01`, time_end: `${e.year}-12-31` }
      : e
  )
}

/** Same kind of event: an emulation congress is not the Party congress of the same ordinal. */
const sameKind = (a: EventMention, b: EventMention): boolean =>
  a.kind === b.kind && (a.organization ?? null) === (b.organization ?? null)

/** The unit an event belongs to: its scope and province, or its place when it has no province. */
const unitOf = (e: EventMention): string => `${e.scope}|${e.province_code ?? e.place ?? ''}`

const agreesInTime = (partial: EventMention, full: EventMention): boolean =>
  (partial.period === null || full.period === null || partial.period === full.period) &&
  (partial.year === null || full.year === null || partial.year === full.year)

/**
 * Mentions of one event in one text are often partial: "tỉnh X tổ chức Đại hội Thi đua yêu nước lần
 * thứ I" (the place before the head leaves the scope unknown), "Đại hội thi đua yêu nước tỉnh X đã
 * diễn ra" (no ordinal) or "Đại hội Thi đua yêu nước giai đoạn 2025-2030" next to the full "Đại hội Thi
 * đua yêu nước tỉnh X lần thứ I (2025-2030)". A partial mention takes the missing scope or ordinal from
 * the mentions of the same kind it agrees with, when they all name one unit (and one ordinal); when
 * they disagree it stays as written.
 */
export function resolveWithinText(events: EventMention[]): EventMention[] {
  const scoped = events.filter((e) => e.scope !== 'unknown')
  const adopt = (e: EventMention, fits: EventMention[], withOrdinal: boolean): EventMention => {
    const one = fits[0]
    if (!one || fits.some((f) => unitOf(f) !== unitOf(one) || (withOrdinal && f.ordinal !== one.ordinal)))
      return e
    return {
      ...e,
      scope: one.scope,
      place: one.place,
      province_code: one.province_code,
      province_code_2008: one.province_code_2008,
      ordinal: e.ordinal ?? one.ordinal,
    }
  }
  return events.map((e) => {
    if (e.scope === 'unknown' && e.ordinal !== null) {
      return adopt(
        e,
        scoped.filter((f) => sameKind(f, e) && f.ordinal === e.ordinal),
        false
      )
    }
    if (e.scope === 'unknown') {
      // No ordinal either: only a stated year or period ties it to the others.
      if (e.year === null && e.period === null) return e
      return adopt(
        e,
        scoped.filter((f) => sameKind(f, e) && agreesInTime(e, f)),
        true
      )
    }
    if (e.ordinal === null && e.scope !== 'national') {
      const fits = scoped.filter((f) => sameKind(f, e) && f.ordinal !== null && unitOf(f) === unitOf(e))
      const one = fits[0]
      if (!one || fits.some((f) => f.ordinal !== one.ordinal)) return e
      return { ...e, ordinal: one.ordinal }
    }
    return e
  })
}

/** Mentions of the same event in one text share what any of them states (year, period, status, time). */
export function shareWithinText(events: EventMention[]): EventMention[] {
  const key = (e: EventMention) =>
    `${e.kind}|${e.organization ?? ''}|${e.scope}|${e.province_code}|${e.ordinal}|${e.place ?? ''}`
  const groups = new Map<string, EventMention[]>()
  for (const e of events) groups.set(key(e), [...(groups.get(key(e)) ?? []), e])
  return events.map((e) => {
    const sib = groups.get(key(e)) ?? []
    if (e.ordinal === null && e.place === null) return e
    const first = <T>(f: (x: EventMention) => T | null | undefined): T | null => {
      for (const s of sib) {
        const v = f(s)
        if (v !== null && v !== undefined) return v
      }
      return null
    }
    return {
      ...e,
      year: e.year ?? first((s) => s.year),
      period: e.period ?? first((s) => s.period),
      status:
        e.status !== 'unknown'
          ? e.status
          : (first((s) => (s.status === 'unknown' ? null : s.status)) ?? 'unknown'),
      time_start: e.time_start ?? first((s) => s.time_start),
      time_end: e.time_end ?? first((s) => s.time_end),
    }
  })
}
