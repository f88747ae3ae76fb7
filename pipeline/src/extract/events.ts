// biome-ignore-all lint/suspicious/noAssignInExpressions: the tail parser tries one sticky pattern per branch
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
import { parseOrdinal, parsePublished } from './dates.ts'
import { statusFrom } from './event-status.ts'
import { aliasAt } from './places.ts'
import {
  CENTRAL_CITIES,
  type Level,
  resolveBare,
  resolveWithinText,
  shareWithinText,
  withPlannedYear,
} from './event-resolve.ts'
import {
  CAP,
  NAME,
  orgSectorPlace,
  scopeFromClause,
  sectorProvinceFromSubject,
  soleUnit,
  type Tail,
} from './event-scope.ts'
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

const ORDINAL_WORD = 'nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\\s+(?:một|hai|ba|bốn|tư|lăm))?'

// Each tail component is tried at the current position (sticky); whitespace and commas between them are skipped.
// "lần thứ VI", "lần thứ 6", "lần thứ sáu", "lần đầu", the short "lần V" / "lần 5" (numerals only), and a
// congress's term number "khóa XIX" (issue #11).
const C_ORDINAL = new RegExp(
  `lần\\s+thứ\\s+([IVXL]{1,6}|\\d{1,2}|${ORDINAL_WORD})(?![\\p{L}\\p{N}])|lần\\s+([IVXL]{1,6}|\\d{1,2})(?![\\p{L}\\p{N}])|lần\\s+đầu(?:\\s+tiên)?(?![\\p{L}])|khóa\\s+([IVXL]{1,6}|\\d{1,2})(?![\\p{L}\\p{N}])`,
  'iuy'
)
const C_YEAR = /\(?\s*năm\s+((?:19|20)\d{2})(?![\p{N}])\s*\)?/iuy
const C_PERIOD =
  /\(?\s*(?:(?:giai đoạn|nhiệm kỳ)\s+)?((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?![\p{N}])\s*\)?/iuy
const C_NATIONAL = /toàn quốc(?![\p{L}])/iuy
const C_GENERIC = /(?:các cấp|cấp cơ sở|cấp xã(?:,\s*phường)?|cấp huyện|các ngành)(?![\p{L}])/iuy
// "Đại hội ... lần thứ X của tỉnh (Gia Lai)": the unit may follow the ordinal.
const C_PROVINCE_WORD = /(?:toàn tỉnh|cấp tỉnh|tỉnh|của\s+(?:toàn\s+)?tỉnh)(?![\p{L}])/iuy
const C_CITY_WORD = /(?:toàn thành phố|[Tt]hành phố|TP\.?)(?![\p{L}])/uy
const C_CAPITAL = /(?:Thủ đô|thủ đô)(?![\p{L}])/uy
const C_LOCAL = new RegExp(`(huyện|quận|thị xã|xã|phường|thị trấn)\\s+(${NAME})`, 'uy')
// "Đại hội Đại biểu Đảng bộ xã lần thứ I": the unit's word with no name; the text's one unit of that kind.
const C_LOCAL_BARE = /(huyện|quận|thị xã|xã|phường|thị trấn)(?=\s+(?:lần|nhiệm kỳ|khóa)(?![\p{L}]))/uy
// A sector name runs on over lowercase words too ("ngành Giáo dục"), up to a word that starts the tail.
const TAIL_STOP =
  '(?:lần|năm|giai|nhiệm|đã|sẽ|được|diễn|tổ|vào|tại|của|với|trong|khai|bế|dự|chào|tiến|hướng|là|có|sau|từ|đến|theo|nhằm|thành|do)(?![\\p{L}])'
const SECTOR_WORD = `(?:${CAP}|\\d{1,3}(?![\\p{N}/])|(?!${TAIL_STOP})[\\p{Ll}][\\p{L}\\p{M}]*)`
const C_SECTOR = new RegExp(
  // "trong công nhân, viên chức, lao động (tỉnh X)": the workers' congress is a sector's (issue #11).
  `((?:toàn\\s+)?(?:(?:trong\\s+)?công nhân,?\\s+viên chức,?\\s+(?:và\\s+)?(?:người\\s+)?lao động|ngành|Khối|khối|Cụm|cụm|Công an|Bộ đội Biên phòng|Quân khu|Bộ Chỉ huy Quân sự|Liên đoàn Lao động|Tổng Liên đoàn Lao động|Đoàn Thanh niên|Hội Nông dân|Hội Liên hiệp Phụ nữ|Hội Cựu chiến binh|Bộ)(?:\\s+${SECTOR_WORD}){0,6})`,
  'uy'
)
// "lần thứ IV - năm 2015": a dash before the year or term.
const SPACE = /[\s,]*(?:[-–]\s*(?=năm|giai|nhiệm|\())?/uy
// "… tuyên dương điển hình tiên tiến thực hiện phong trào thi đua yêu nước giai đoạn 2020-2025": the
// movement's words between the head and its period.
const C_FILLER = /(?:trong\s+|thực hiện\s+)?(?:các\s+)?phong trào thi đua(?:\s+yêu nước)?(?![\p{L}])/iuy

const isCentralCity = (code2025: string, published: string | null | undefined): boolean =>
  CENTRAL_CITIES.has(code2025) || (code2025 === '46' && (published ?? '') >= '2025-01-01')

const TIME_LINK =
  /^(?:[^.;\n]{0,50}?(?:tổ chức|diễn ra|khai mạc|dự kiến)[^.;\n]{0,20}?|\s*,?\s*(?:vào|trong|ngày)?\s*)$/iu

// "Kế hoạch số 156/KH-UBND ngày 15 tháng 10 năm 2019 về tổ chức Hội nghị ...": the date a document was
// issued, not the time of the event it plans.
// Likewise "… của UBND tỉnh ban hành ngày 12/5/2025 về tổ chức Hội nghị …" (d-2025.4).
const DOCUMENT_DATE_BEFORE =
  /(?:(?:số\s*\d{1,5}|\d{1,5}\s*[-/]\s*[\p{Lu}][\p{L}\d/\-–]*)\s*[,(]?\s*(?:ban hành\s+)?(?:ngày\s*)?|(?<![\p{L}])(?:ban hành|ký)\s+(?:vào\s+)?(?:ngày\s*)?)$/u
// "Ngày 12/5/2025, UBND tỉnh ban hành Kế hoạch … tổ chức Đại hội …": a day that opens a sentence
// reporting a document being issued dates the document, not the event the document plans.
const ISSUING_BETWEEN = /(?<![\p{L}])(?:ban hành|ký)(?![\p{L}])/u

function skipBlank(text: string, i: number): number {
  let j = i
  while (j < text.length && j - i < 3 && /\s/u.test(text[j]!)) j++
  return j
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos
  return re.exec(text)
}

function parseTail(text: string, toned: string, pos: number, published: string | null | undefined): Tail {
  const t: Tail = {
    scope: 'unknown',
    place: null,
    code2025: null,
    code2008: null,
    ordinal: null,
    year: null,
    period: null,
    generic: false,
    end: pos,
  }
  let i = pos
  let scoped = false
  let filled = false
  for (let step = 0; step < 6; step++) {
    const s = sticky(SPACE, text, i)
    const at = i + (s ? s[0].length : 0)
    let m: RegExpExecArray | null
    if (!filled && (m = sticky(C_FILLER, text, at))) {
      // Skipped, not part of the surface unless a component follows.
      filled = true
      i = at + m[0].length
      continue
    }
    if (t.ordinal === null && (m = sticky(C_ORDINAL, text, at))) {
      const written = m[1] ?? m[2] ?? m[3]
      t.ordinal = written ? parseOrdinal(written) : 1
      i = at + m[0].length
    } else if (t.period === null && (m = sticky(C_PERIOD, text, at)) && Number(m[2]) > Number(m[1])) {
      t.period = `${m[1]}-${m[2]}`
      i = at + m[0].length
    } else if (t.year === null && (m = sticky(C_YEAR, text, at))) {
      t.year = Number(m[1])
      i = at + m[0].length
    } else if (!scoped && (m = sticky(C_NATIONAL, text, at))) {
      t.scope = 'national'
      scoped = true
      i = at + m[0].length
    } else if (!scoped && (m = sticky(C_GENERIC, text, at))) {
      t.generic = true
      scoped = true
      i = at + m[0].length
    } else if (!scoped && (m = sticky(C_CAPITAL, text, at))) {
      Object.assign(t, { scope: 'province', place: 'Hà Nội', code2025: '01', code2008: '01' })
      scoped = true
      i = at + m[0].length
    } else if (!scoped && (m = sticky(C_PROVINCE_WORD, text, at))) {
      t.scope = 'province'
      scoped = true
      i = at + m[0].length
      const nameStart = skipBlank(text, i)
      const a = nameStart > i ? aliasAt(toned, nameStart) : null
      if (a) {
        t.place = text.slice(nameStart, a.end)
        t.code2025 = a.alias.code_2025
        t.code2008 = a.alias.code_2008
        i = a.end
      }
    } else if (!scoped && (m = sticky(C_CITY_WORD, text, at))) {
      scoped = true
      i = at + m[0].length
      const startName = skipBlank(text, i)
      // "TP.HCM" is one alias; "thành phố Hà Nội" has the name after a space.
      const a = aliasAt(toned, startName > i ? startName : at)
      if (a) {
        t.place = a.alias.canonical_name_vi
        t.code2025 = a.alias.code_2025
        t.code2008 = a.alias.code_2008
        const central = isCentralCity(a.alias.code_2025, published)
        t.scope = central ? 'province' : 'city'
        i = a.end
      } else {
        t.scope = 'city'
        const n = new RegExp(NAME, 'uy')
        n.lastIndex = startName
        const nm = n.exec(text)
        if (nm && startName > i) {
          t.place = nm[0]
          i = startName + nm[0].length
        }
      }
    } else if (!scoped && (m = sticky(C_LOCAL_BARE, text, at))) {
      const word = m[1]!
      t.scope = word === 'xã' || word === 'phường' || word === 'thị trấn' ? 'commune' : 'district'
      t.place = soleUnit(text, word)
      scoped = true
      i = at + m[0].length
    } else if (!scoped && (m = sticky(C_LOCAL, text, at))) {
      const word = m[1]!.toLowerCase()
      t.scope = word === 'xã' || word === 'phường' || word === 'thị trấn' ? 'commune' : 'district'
      t.place = m[2]!
      scoped = true
      i = at + m[0].length
    } else if (!scoped && (m = sticky(C_SECTOR, text, at))) {
      t.scope = 'sector'
      t.place = m[1]!.trim().replace(/^trong\s+/u, '')
      scoped = true
      i = at + m[0].length
      for (let k = at; k < i; k++) {
        const a = aliasAt(toned, k)
        if (a && (k === 0 || /\s/u.test(text[k - 1]!))) {
          t.code2025 = a.alias.code_2025
          t.code2008 = a.alias.code_2008
          break
        }
      }
    } else if (!scoped) {
      const a = aliasAt(toned, at)
      if (!a) break
      t.scope = 'province'
      t.place = text.slice(at, a.end)
      t.code2025 = a.alias.code_2025
      t.code2008 = a.alias.code_2008
      scoped = true
      i = a.end
    } else if (scoped && t.scope === 'national' && (m = sticky(C_SECTOR, text, at))) {
      // "toàn quốc ngành Y tế": a national event of one sector keeps the national scope.
      i = at + m[0].length
    } else break
    t.end = i
  }
  return t
}

const STATUS_CUE = /sẽ|đã|tiến tới|hướng tới/iu

export function extractEvents(
  text: string,
  toned: string,
  times: ReadonlyArray<TimeMention>,
  dominant: string | null,
  published: string | null | undefined,
  /** 2008 code of the article's own province when the caller knows it (its source's province). */
  home2008: string | null = null
): EventMention[] {
  const out: EventMention[] = []
  // Bare heads tied to a level ("Cấp tỉnh tổ chức "Đại hội ..."), resolved once all full mentions are known.
  const bare: EventMention[] = []
  const bareLevels: Level[] = []
  for (const head of allHeads(text)) {
    const headStart = head.start
    const { kind, organization } = head
    const tail = parseTail(text, toned, head.tailStart, published)
    if (head.ordinal !== null) tail.ordinal = head.ordinal
    if (head.national) Object.assign(tail, { scope: 'national', place: null, code2025: null, code2008: null })
    if (tail.generic && tail.ordinal === null) continue
    if (tail.scope === 'unknown' && (tail.ordinal !== null || tail.period !== null || tail.year !== null))
      scopeFromClause(text, toned, headStart, tail, dominant)
    // A sector's organisation congress is placed by the organisation's words and the sector's: "Đoàn
    // Thanh niên Cộng sản Hồ Chí Minh Bộ Công an", "Đảng bộ Sở Nội vụ" (issue #11).
    if (tail.scope === 'sector' && head.nameStart !== null)
      tail.place = orgSectorPlace(text, head, tail.place)
    else if (tail.scope === 'sector' && tail.code2025 === null)
      sectorProvinceFromSubject(text, toned, headStart, tail)
    // An organisation's congress named with no unit in an article about one province is that province's
    // (a national one says "toàn quốc" or "Việt Nam").
    if (tail.scope === 'unknown' && kind === 'other' && dominant !== null && tail.ordinal !== null)
      tail.scope = 'province'
    // A bare head (no ordinal, place, year or period; "toàn quốc" names its unit) is an event only when a
    // level word ties it to the full mention of that level, resolved once all mentions are read.
    const isBare =
      tail.ordinal === null &&
      tail.place === null &&
      tail.year === null &&
      tail.period === null &&
      tail.scope !== 'national'
    const level = isBare ? levelCue(text, headStart, tail.scope) : null
    if (isBare && level === null) continue
    // "Đại hội Đảng bộ tỉnh lần thứ XX" in an article about one province: that province (issue #11).
    if (tail.scope === 'province' && tail.code2025 === null && dominant) {
      tail.code2025 = dominant
      tail.code2008 = home2008 !== null && toCode2025(home2008) === dominant ? home2008 : null
      tail.place ??= provinceName(tail.code2008 ?? dominant, tail.code2008 !== null ? '2008' : '2025')
    }
    // "Đại hội ... thành phố lần thứ I" in a text about Hà Nội or TP.HCM: the city is a province-level unit.
    if (tail.scope === 'city' && tail.place === null && dominant && isCentralCity(dominant, published)) {
      tail.scope = 'province'
      tail.code2025 = dominant
    }
    // The planned or held time: a time expression right after the event, linked by "tổ chức", "diễn ra"...
    let time: TimeMention | null = null
    for (const tm of times) {
      const s = tm.span_start ?? -1
      if (s < tail.end) continue
      if (s - tail.end > 70) break
      if (TIME_LINK.test(text.slice(tail.end, s))) {
        time = tm
        break
      }
    }
    // Otherwise a day written earlier in the same sentence ("Sáng 15/6, xã X tổ chức Hội nghị ...").
    if (!time) {
      const sentenceStart = Math.max(text.lastIndexOf('.', headStart), text.lastIndexOf('\n', headStart))
      for (const tm of times) {
        const s = tm.span_start ?? -1
        if (
          s > sentenceStart &&
          s < headStart &&
          headStart - s < 100 &&
          (tm.granularity === 'day' || tm.granularity === 'range' || tm.granularity === 'month') &&
          !DOCUMENT_DATE_BEFORE.test(text.slice(Math.max(0, s - 40), s)) &&
          !ISSUING_BETWEEN.test(text.slice(tm.span_end ?? s, headStart))
        )
          time = tm
      }
    }
    let status = statusFrom(text, headStart, tail.end, time, tail.year, published)
    if (status === 'unknown' && kind === 'dai_hoi_thi_dua' && tail.scope === 'national')
      status = nationalStatus(tail.ordinal, published)
    // "tiến tới Đại hội ... tỉnh lần thứ VIII và Đại hội ... toàn quốc lần thứ X": a coordinated event
    // shares the status of the one before it when the text says nothing more about it.
    const prev = out[out.length - 1]
    if (prev?.end !== undefined && /^\s*(?:,|và|,\s*và)\s*$/u.test(text.slice(prev.end, headStart))) {
      if (status === 'unknown' || !STATUS_CUE.test(text.slice(prev.end, headStart))) status = prev.status
    }
    ;(level === null ? out : bare).push({
      kind,
      scope: tail.scope,
      place: tail.place,
      province_code: tail.scope === 'national' ? null : tail.code2025,
      ordinal: tail.ordinal,
      year: tail.year,
      period: tail.period,
      status,
      surface: text.slice(headStart, tail.end).trimEnd(),
      start: headStart,
      end: tail.end,
      time_start: time?.start ?? null,
      time_end: time?.end ?? null,
      province_code_2008: tail.scope === 'national' ? null : tail.code2008,
      organization,
    })
    if (level !== null) bareLevels.push(level)
  }
  const resolved = resolveWithinText(out)
  const all = [...resolved, ...resolveBare(bare, bareLevels, resolved)].sort(
    (a, b) => (a.start ?? 0) - (b.start ?? 0)
  )
  return withPlannedYear(shareWithinText(all))
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
