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

const CAP = '[\\p{Lu}][\\p{L}\\p{M}]*'
// A name never runs over a line break ("xã Yên Lãng\\n\\nNgày 21/11").
const NAME = `${CAP}(?:[^\\S\\n]+${CAP}){0,3}`
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
const LOCAL_NAMED = new RegExp(`(?<![\\p{L}])(huyện|quận|thị xã|xã|phường|thị trấn)\\s+(${NAME})`, 'gu')
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

/** Province-level cities: "thành phố Hà Nội" is a province-scope unit, "thành phố Kon Tum" is not. */
const CENTRAL_CITIES = new Set(['01', '31', '48', '79', '92'])
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

interface Tail {
  scope: EventScope
  place: string | null
  code2025: string | null
  code2008: string | null
  ordinal: number | null
  year: number | null
  period: string | null
  generic: boolean
  end: number
}

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

type Level = 'province' | 'city'

// "Sở Giáo dục và Đào tạo (GD&ĐT) tỉnh Thanh Hóa tổ chức Hội nghị … ngành giáo dục …": the department's province.
const SUBJECT_DEPT_PROVINCE = new RegExp(
  `(?:Sở|[Nn]gành)\\s[^.;\\n]{0,60}?\\stỉnh\\s+(${NAME})\\s+(?:(?:đã|vừa|long trọng|trọng thể)\\s+)*tổ chức\\s+["“]?$`,
  'u'
)

/** A sector event without province whose subject is a department of a named province takes that province. */
function sectorProvinceFromSubject(text: string, toned: string, headStart: number, tail: Tail): void {
  const window = text.slice(Math.max(0, headStart - 120), headStart)
  const m = SUBJECT_DEPT_PROVINCE.exec(window)
  if (!m) return
  const nameStart = headStart - window.length + m.index + m[0].lastIndexOf(m[1]!)
  const a = aliasAt(toned, nameStart)
  if (!a) return
  tail.code2025 = a.alias.code_2025
  tail.code2008 = a.alias.code_2008
  if (tail.place !== null && !tail.place.includes(a.alias.canonical_name_vi))
    tail.place = `${tail.place} tỉnh ${a.alias.canonical_name_vi}`
}

/** The name of the one unit of this kind ("xã") the text names, or null when it names none or several. */
function soleUnit(text: string, word: string): string | null {
  let name: string | null = null
  if (!text.includes(`${word} `)) return null
  for (const m of matchAll(LOCAL_NAMED, text)) {
    if (m[1] !== word) continue
    if (name !== null && name !== m[2]) return null
    name = m[2]!
  }
  return name
}

function orgSectorPlace(text: string, head: Head, sector: string | null): string | null {
  const start = head.nameStart!
  if (start < head.start) {
    // The subject's words, up to the verb ("Đảng bộ Sở Nội vụ đã tổ chức Đại hội …").
    const m = /^(.*?)\s+(?:(?:đã|vừa|long trọng|trọng thể|chính thức|tiến hành)\s+)*tổ chức/u.exec(
      text.slice(start, head.start)
    )
    return m ? m[1]! : sector
  }
  const name = text.slice(start, head.tailStart)
  return sector === null || sector.startsWith(name) ? sector : `${name} ${sector}`
}

// "Ngày 9/9, tỉnh X tổ chức Đại hội …", "UBND phường Y (TPHCM) tổ chức phiên chính thức Hội nghị …": the unit
// that is the clause's subject right before the head (issue #11).
const SUBJECT_TAIL =
  '(?:\\s*\\([^()\\n]{1,30}\\))?\\s+(?:(?:đã|vừa|sẽ|long trọng|trọng thể|chính thức|tiến hành|lần đầu(?:\\s+tiên)?)\\s+)*(?:tổ chức|khai mạc)\\s+(?:thành công\\s+)?(?:phiên\\s+(?:chính thức|trù bị|thứ nhất|thứ hai)\\s+)?["“]?$'
const SUBJECT_UNIT = new RegExp(
  `(?:^|[,;:\\n(]|\\s)(tỉnh|thành phố|TP\\.|huyện|thị xã|xã|phường|thị trấn)?\\s*(${NAME})${SUBJECT_TAIL}`,
  'u'
)
// "UBND Thành phố Hà Nội vừa ban hành Kế hoạch số 74/KH-UBND về tổ chức hội nghị …": the issuing unit's event.
const PLAN_ISSUER = new RegExp(
  `(?:UBND|Ủy ban nhân dân|Ban Thường vụ)\\s+(tỉnh|[Tt]hành phố|huyện|thị xã|xã|phường)\\s+(${NAME})\\s+(?:(?:vừa|đã|mới)\\s+)?ban hành\\s+[^.;\\n]{0,70}?\\s+về\\s+(?:việc\\s+)?tổ chức\\s+["“]?$`,
  'u'
)
// "Sở Giáo dục và Đào tạo tổ chức Đại hội …": a department or sector of the article's province.
const SUBJECT_SECTOR = new RegExp(
  `(?:^|[,;:\\n]\\s*|\\s)((?:Sở|[Nn]gành|Công an tỉnh|Bộ Chỉ huy Quân sự tỉnh|Bộ đội Biên phòng tỉnh|Liên đoàn Lao động tỉnh)(?:\\s+[\\p{L}]+){1,7}?)${SUBJECT_TAIL}`,
  'u'
)

/** Scope and place of an event whose tail names no unit, from the subject of its clause. */
function scopeFromClause(
  text: string,
  toned: string,
  headStart: number,
  tail: Tail,
  home: string | null
): void {
  const from = Math.max(0, headStart - 90)
  const before = text.slice(from, headStart)
  const sector = SUBJECT_SECTOR.exec(before)
  if (sector) {
    Object.assign(tail, { scope: 'sector', place: sector[1]!, code2025: home, code2008: null })
    return
  }
  const m = SUBJECT_UNIT.exec(before) ?? PLAN_ISSUER.exec(text.slice(Math.max(0, headStart - 160), headStart))
  if (!m) return
  const word = m[1]?.toLowerCase()
  // Each pattern read a window that ends at the head.
  const nameStart = headStart - m.input.length + m.index + m[0].indexOf(m[2]!)
  if (word === 'xã' || word === 'phường' || word === 'thị trấn' || word === 'huyện' || word === 'thị xã') {
    tail.scope = word === 'huyện' || word === 'thị xã' ? 'district' : 'commune'
    tail.place = m[2]!
    return
  }
  const a = aliasAt(toned, nameStart)
  if (!a || (word === undefined && a.end !== nameStart + m[2]!.length)) return
  // "TP. Cần Thơ lần đầu tổ chức Đại hội …": its first.
  if (tail.ordinal === null && /lần đầu/u.test(m[0])) tail.ordinal = 1
  tail.scope = 'province'
  tail.place = a.alias.canonical_name_vi
  tail.code2025 = a.alias.code_2025
  tail.code2008 = a.alias.code_2008
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

/**
 * A bare mention tied to a level ("Cấp tỉnh tổ chức "Đại hội Thi đua yêu nước", thời gian dự kiến trong
 * tháng 8/2025") is the full mention of that level in the same text ("Đại hội thi đua yêu nước tỉnh Lạng
 * Sơn lần thứ VI"), when exactly one event of that kind and level is named; it keeps its own status and
 * time, so the plan's date reaches the event. With none or several it is dropped, as before.
 */
function resolveBare(
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
function withPlannedYear(events: EventMention[]): EventMention[] {
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
function resolveWithinText(events: EventMention[]): EventMention[] {
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
function shareWithinText(events: EventMention[]): EventMention[] {
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
