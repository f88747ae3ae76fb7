/**
 * Emulation congresses ("Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI") and model-example
 * conferences ("Hội nghị điển hình tiên tiến thành phố lần thứ V (2020 - 2025)"): kind, scope, place,
 * ordinal, year or period, and whether the text reports them planned or held. A generic mention
 * ("Đại hội thi đua yêu nước các cấp") is no event: it needs an ordinal, a place or a year/period.
 * Council sessions ("kỳ họp thứ 7") and Party congresses never match the heads below.
 */
import type {
  EventKind,
  EventMention,
  EventScope,
  EventStatus,
  Organization,
  TimeMention,
} from '../domain/extraction.ts'
import { nationalCongresses } from '../reference/history.ts'
import { provinceName, toCode2025 } from '../reference/provinces.ts'
import { findOrgHeads } from './congresses.ts'
import { parsePublished } from './dates.ts'
import {
  type Level,
  resolveBare,
  resolveWithinText,
  shareWithinText,
  withPlannedYear,
} from './event-resolve.ts'
import { orgSectorPlace, scopeFromClause, sectorProvinceFromSubject, type Tail } from './event-scope.ts'
import { statusFrom } from './event-status.ts'
import { isCentralCity, parseTail } from './event-tail.ts'
import { matchAll } from './spans.ts'

// Commendation conferences of "người tốt, việc tốt" (good people, good deeds) are model-example
// conferences too (`hoi_nghi_dien_hinh`, as the contract's kinds read), alone or joined with "điển hình
// tiên tiến" either way round (d-2025.4).
const GOOD_DEEDS = '(?:các\\s+)?(?:gương\\s+)?người tốt,?\\s+việc tốt'
// "biểu dương, tôn vinh", "tổng kết, tuyên dương": commendation verbs, one or two (issue #11).
const PRAISE = '(?:tuyên dương|biểu dương|tôn vinh)(?:,?\\s+(?:và\\s+)?(?:tuyên dương|biểu dương|tôn vinh))?'
const CONFERENCE = 'Hội nghị\\s+(?:tổng kết,?\\s+)?'
const HEAD = new RegExp(
  // "Đại hội thi đua Quyết thắng" is the armed forces' own series: congresses.ts reads it (issue #11).
  // "ĐH thi đua yêu nước …" is the newspapers' short form.
  '(?<![\\p{L}])(?:((?:Đại hội|ĐH)\\s+(?:Thi đua yêu nước|Thi đua ái quốc|Anh hùng,?\\s+Chiến sĩ thi đua|Chiến sĩ thi đua(?:\\s+và\\s+cán bộ gương mẫu)?|Thi đua(?!\\s+quyết thắng)))|' +
    `((?:${CONFERENCE}(?:${PRAISE}\\s+)?|Lễ\\s+${PRAISE}\\s+)(?:các\\s+)?điển hình tiên tiến` +
    `(?:,?\\s+(?:và\\s+)?${GOOD_DEEDS})?` +
    // "Hội nghị biểu dương, tôn vinh điển hình tiêu biểu", "Hội nghị biểu dương kết quả phong trào thi đua".
    `|${CONFERENCE}${PRAISE}\\s+(?:(?:các\\s+)?điển hình tiêu biểu|kết quả (?:các\\s+)?phong trào thi đua(?:\\s+yêu nước)?)` +
    `|(?:Hội nghị|Lễ)\\s+${PRAISE}\\s+${GOOD_DEEDS}(?:,?\\s+(?:và\\s+)?(?:các\\s+)?điển hình tiên tiến)?))(?![\\p{L}])`,
  'giu'
)

const TIME_LINK =
  /^(?:[^.;\n]{0,50}?(?:tổ chức|diễn ra|khai mạc|dự kiến)[^.;\n]{0,20}?|\s*,?\s*(?:vào|trong|ngày)?\s*)$/iu

// "Kế hoạch số 156/KH-UBND ngày 15 tháng 10 năm 2019 về tổ chức Hội nghị ...": the date a document was
// issued, not the time of the event it plans.
// Likewise "… của UBND tỉnh ban hành ngày 12/5/2025 về tổ chức Hội nghị …" (d-2025.4).
const DOCUMENT_DATE_BEFORE =
  /(?:(?:số\s*\d{1,5}|\d{1,5}\s*[-/]\s*[\p{Lu}][\p{L}\d/\-–]*)\s*[,(]?\s*(?:ban hành\s+)?(?:ngày\s*)?|(?<![\p{L}])(?:ban hành|ký)\s+(?:vào\s+)?(?:ngày\s*)?)$/u
// "Ngày 12/5/2025, UBND tỉnh ban hành Kế hoạch … tổ chức Đại hội …": a day that opens a sentence
// reporting a document being issued dates the document, not the event the document plans.
// Also a letter or plan the subject "has" ("Ngày 12-9, UBND tỉnh có văn bản số …", issue #11).
const ISSUING_BETWEEN =
  /(?<![\p{L}])(?:(?:ban hành|ký)(?![\p{L}])|có\s+(?:các\s+)?(?:văn bản|công văn|kế hoạch|quyết định|chỉ thị|thông báo|hướng dẫn|nghị quyết)\s+(?:số\s*)?\d)/iu
// "…lần thứ XI\nNgày 24-10, UBND tỉnh có văn bản số 4912/UBND-NC …": a day opening the next line's sentence
// that reports a numbered document being issued is that document's, not the time of the event above it.
const DAY_ISSUES_DOCUMENT =
  /^[^.;\n]{0,100}?(?<![\p{L}])(?:ban hành|ký|có)\s+(?:các\s+)?(?:văn bản|công văn|kế hoạch|quyết định|chỉ thị|thông báo|hướng dẫn|nghị quyết)\s+(?:số\s*)?\d/iu

// "Chiều 4/10, Hội LHPN tỉnh tổ chức họp báo tuyên truyền về Đại hội …": the day opening the sentence is the
// day of another act about the event (a press briefing, publicity, an inspection of its preparations), not
// the event's own time (session 8).
const OTHER_ACT_BETWEEN =
  /(?<![\p{L}])(?:họp báo|tuyên truyền|kiểm tra|gặp mặt|tập huấn|quán triệt)(?![\p{L}])/iu

const STATUS_CUE = /sẽ|đã|tiến tới|hướng tới/iu

/** What one text's event scan knows about the text and its province. */
interface EventScan {
  readonly text: string
  readonly toned: string
  readonly times: ReadonlyArray<TimeMention>
  readonly dominant: string | null
  readonly published: string | null | undefined
  readonly home2008: string | null
}

export function extractEvents(
  text: string,
  toned: string,
  times: ReadonlyArray<TimeMention>,
  dominant: string | null,
  published: string | null | undefined,
  /** 2008 code of the article's own province when the caller knows it (its source's province). */
  home2008: string | null = null
): EventMention[] {
  const s: EventScan = { text, toned, times, dominant, published, home2008 }
  const out: EventMention[] = []
  // Bare heads tied to a level ("Cấp tỉnh tổ chức "Đại hội ..."), resolved once all full mentions are known.
  const bare: EventMention[] = []
  const bareLevels: Level[] = []
  for (const head of allHeads(text)) {
    const tail = placedTail(s, head)
    if (tail === null) continue
    // A bare head (no ordinal, place, year or period; "toàn quốc" names its unit) is an event only when a
    // level word ties it to the full mention of that level, resolved once all mentions are read.
    const isBare =
      tail.ordinal === null &&
      tail.place === null &&
      tail.year === null &&
      tail.period === null &&
      tail.scope !== 'national'
    const level = isBare ? levelCue(text, head.start, tail.scope) : null
    if (isBare && level === null) continue
    withHomeProvince(s, tail)
    const time = eventTime(s, head.start, tail.end)
    const status = eventStatus(s, head, tail, time, out[out.length - 1])
    ;(level === null ? out : bare).push(mention(s, head, tail, time, status))
    if (level !== null) bareLevels.push(level)
  }
  const resolved = resolveWithinText(out)
  const all = [...resolved, ...resolveBare(bare, bareLevels, resolved)].sort(
    (a, b) => (a.start ?? 0) - (b.start ?? 0)
  )
  return withPlannedYear(shareWithinText(all))
}

/** The head's tail with its unit resolved from the clause and the organisation, or null for a generic mention. */
function placedTail(s: EventScan, head: Head): Tail | null {
  const { text, toned, dominant } = s
  const tail = parseTail(text, toned, head.tailStart, s.published)
  if (head.ordinal !== null) tail.ordinal = head.ordinal
  if (head.national) Object.assign(tail, { scope: 'national', place: null, code2025: null, code2008: null })
  if (tail.generic && tail.ordinal === null) return null
  if (tail.scope === 'unknown' && (tail.ordinal !== null || tail.period !== null || tail.year !== null))
    scopeFromClause(text, toned, head.start, tail, dominant)
  // A sector's organisation congress is placed by the organisation's words and the sector's: "Đoàn
  // Thanh niên Cộng sản Hồ Chí Minh Bộ Công an", "Đảng bộ Sở Nội vụ" (issue #11).
  if (tail.scope === 'sector' && head.nameStart !== null) tail.place = orgSectorPlace(text, head, tail.place)
  else if (tail.scope === 'sector' && tail.code2025 === null)
    sectorProvinceFromSubject(text, toned, head.start, tail)
  // An organisation's congress named with no unit in an article about one province is that province's
  // (a national one says "toàn quốc" or "Việt Nam").
  if (tail.scope === 'unknown' && head.kind === 'other' && dominant !== null && tail.ordinal !== null)
    tail.scope = 'province'
  return tail
}

/** A provincial event without a named province takes the article's; a bare "thành phố" in Hà Nội is the city-province. */
function withHomeProvince(s: EventScan, tail: Tail): void {
  const { dominant, home2008 } = s
  // "Đại hội Đảng bộ tỉnh lần thứ XX" in an article about one province: that province (issue #11).
  if (tail.scope === 'province' && tail.code2025 === null && dominant) {
    tail.code2025 = dominant
    tail.code2008 = home2008 !== null && toCode2025(home2008) === dominant ? home2008 : null
    tail.place ??= provinceName(tail.code2008 ?? dominant, tail.code2008 !== null ? '2008' : '2025')
  }
  // "Đại hội ... thành phố lần thứ I" in a text about Hà Nội or TP.HCM: the city is a province-level unit.
  if (tail.scope === 'city' && tail.place === null && dominant && isCentralCity(dominant, s.published)) {
    tail.scope = 'province'
    tail.code2025 = dominant
  }
}

/** The planned or held time: a time right after the event linked by "tổ chức", "diễn ra"…, else a day earlier in its sentence. */
function eventTime(s: EventScan, headStart: number, tailEnd: number): TimeMention | null {
  const { text, times } = s
  for (const tm of times) {
    const at = tm.span_start ?? -1
    if (at < tailEnd) continue
    if (at - tailEnd > 70) break
    const gap = text.slice(tailEnd, at)
    if (!TIME_LINK.test(gap)) continue
    if (
      gap.includes('\n') &&
      DAY_ISSUES_DOCUMENT.test(text.slice(tm.span_end ?? at, (tm.span_end ?? at) + 120))
    )
      continue
    return tm
  }
  // "Sáng 15/6, xã X tổ chức Hội nghị ...".
  let time: TimeMention | null = null
  const sentenceStart = Math.max(text.lastIndexOf('.', headStart), text.lastIndexOf('\n', headStart))
  for (const tm of times) {
    const at = tm.span_start ?? -1
    if (
      at > sentenceStart &&
      at < headStart &&
      headStart - at < 100 &&
      (tm.granularity === 'day' || tm.granularity === 'range' || tm.granularity === 'month') &&
      !DOCUMENT_DATE_BEFORE.test(text.slice(Math.max(0, at - 40), at)) &&
      !ISSUING_BETWEEN.test(text.slice(tm.span_end ?? at, headStart)) &&
      !OTHER_ACT_BETWEEN.test(text.slice(tm.span_end ?? at, headStart))
    )
      time = tm
  }
  return time
}

function eventStatus(
  s: EventScan,
  head: Head,
  tail: Tail,
  time: TimeMention | null,
  prev: EventMention | undefined
): EventStatus {
  const { text } = s
  let status = statusFrom(text, head.start, tail.end, time, tail.year, s.published)
  if (status === 'unknown' && head.kind === 'dai_hoi_thi_dua' && tail.scope === 'national')
    status = nationalStatus(tail.ordinal, s.published)
  // "tiến tới Đại hội ... tỉnh lần thứ VIII và Đại hội ... toàn quốc lần thứ X": a coordinated event
  // shares the status of the one before it when the text says nothing more about it.
  if (prev?.end !== undefined && /^\s*(?:,|và|,\s*và)\s*$/u.test(text.slice(prev.end, head.start))) {
    if (status === 'unknown' || !STATUS_CUE.test(text.slice(prev.end, head.start))) status = prev.status
  }
  return status
}

function mention(
  s: EventScan,
  head: Head,
  tail: Tail,
  time: TimeMention | null,
  status: EventStatus
): EventMention {
  return {
    kind: head.kind,
    scope: tail.scope,
    place: tail.place,
    province_code: tail.scope === 'national' ? null : tail.code2025,
    ordinal: tail.ordinal,
    year: tail.year,
    period: tail.period,
    status,
    surface: s.text.slice(head.start, tail.end).trimEnd(),
    start: head.start,
    end: tail.end,
    time_start: time?.start ?? null,
    time_end: time?.end ?? null,
    province_code_2008: tail.scope === 'national' ? null : tail.code2008,
    organization: head.organization,
  }
}

/** A national emulation congress of known date (reference data) is held or planned against publication. */
function nationalStatus(ordinal: number | null, published: string | null | undefined): EventStatus {
  const pub = parsePublished(published)
  const c = ordinal === null ? undefined : nationalCongresses().find((n) => n.ordinal === ordinal)
  if (!pub || !c) return 'unknown'
  const pubIso = new Date(pub.time).toISOString().slice(0, 10)
  return c.start_date <= pubIso ? 'held' : 'planned'
}

interface Head {
  readonly start: number
  readonly tailStart: number
  readonly kind: EventKind
  readonly organization: Organization | null
  readonly ordinal: number | null
  readonly national: boolean
  readonly nameStart: number | null
}

/** Emulation heads and, since issue #11, the other organisations' congress heads, in text order. */
function allHeads(text: string): Head[] {
  const heads: Head[] = []
  for (const m of matchAll(HEAD, text)) {
    const kind = m[1] ? 'dai_hoi_thi_dua' : 'hoi_nghi_dien_hinh'
    const tailStart = m.index + m[0].length
    heads.push({
      start: m.index,
      tailStart,
      kind,
      organization: null,
      ordinal: null,
      national: false,
      nameStart: null,
    })
  }
  for (const h of findOrgHeads(text)) heads.push({ ...h, kind: 'other' })
  return heads.sort((a, b) => a.start - b.start)
}

// "Cấp tỉnh tổ chức "Đại hội Thi đua yêu nước"", "toàn tỉnh sẽ tổ chức Đại hội ...", "cấp thành phố
// tiến hành Hội nghị ...": the level word right before a bare head, in the same clause.
const LEVEL_BEFORE =
  /(?<![\p{L}])(?:[Cc]ấp|[Tt]oàn|của)\s+(tỉnh|thành phố|TP\.?)(?:\s+(?:sẽ|dự kiến|đã|vừa|tiến hành|tổ chức|diễn ra|được))*\s*["“]?\s*$/u

/** The level a bare head is tied to: its tail ("... cấp tỉnh", "... thành phố") or a level word before it. */
function levelCue(text: string, headStart: number, tailScope: EventScope): Level | null {
  if (tailScope === 'province') return 'province'
  if (tailScope === 'city') return 'city'
  if (tailScope !== 'unknown') return null
  const m = LEVEL_BEFORE.exec(text.slice(Math.max(0, headStart - 60), headStart))
  if (!m) return null
  return m[1] === 'tỉnh' ? 'province' : 'city'
}
