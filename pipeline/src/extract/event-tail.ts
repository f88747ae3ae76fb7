/**
 * The tail after an event's head: "… tỉnh Lạng Sơn lần thứ VI (2020 - 2025)", "… huyện X lần V", "… ngành
 * Giáo dục …", "… toàn quốc năm 2025". Split from events.ts (issue #15).
 */
import type { EventScope } from '../domain/extraction.ts'
import { parseOrdinal } from './dates.ts'
import { CENTRAL_CITIES } from './event-resolve.ts'
import { CAP, NAME, soleUnit, type Tail } from './event-scope.ts'
import { aliasAt } from './places.ts'

const ORDINAL_WORD = 'nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\\s+(?:một|hai|ba|bốn|tư|lăm))?'

// Each tail component is tried at the current position (sticky); whitespace and commas between them are skipped.
// "lần thứ VI", "lần thứ 6", "lần thứ sáu", "lần đầu", the short "lần V" / "lần 5" (numerals only), and a
// congress's term number "khóa XIX" (issue #11).
const C_ORDINAL = new RegExp(
  `lần\\s+thứ\\s+([IVXL]{1,6}|\\d{1,2}|${ORDINAL_WORD})(?![\\p{L}\\p{N}])|lần\\s+([IVXL]{1,6}|\\d{1,2})(?![\\p{L}\\p{N}])|lần\\s+đầu(?:\\s+tiên)?(?![\\p{L}])|khóa\\s+([IVXL]{1,6}|\\d{1,2})(?![\\p{L}\\p{N}])`,
  'iuy'
)
const C_YEAR = /\(?\s*năm\s+((?:19|20)\d{2})(?![\p{N}])\s*\)?/iuy
// "NK 2022-2027" and "nhiệm kì" (the other spelling) name the term too (session 5).
const C_PERIOD =
  /\(?\s*(?:(?:giai đoạn|nhiệm k[ỳì]|NK)\s+)?((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?![\p{N}])\s*\)?/iuy
const C_NATIONAL = /toàn quốc(?![\p{L}])/iuy
const C_GENERIC = /(?:các cấp|cấp cơ sở|cấp xã(?:,\s*phường)?|cấp huyện|các ngành)(?![\p{L}])/iuy
// "Đại hội ... lần thứ X của tỉnh (Gia Lai)": the unit may follow the ordinal.
const C_PROVINCE_WORD = /(?:toàn tỉnh|cấp tỉnh|tỉnh|của\s+(?:toàn\s+)?tỉnh)(?![\p{L}])/iuy
const C_CITY_WORD = /(?:toàn thành phố|[Tt]hành phố|TP\.?)(?![\p{L}])/uy
const C_CAPITAL = /(?:Thủ đô|thủ đô)(?![\p{L}])/uy
// "… giai đoạn 2015-2020 của huyện Thanh Ba": the unit may follow the count after "của" (issue #11).
const C_LOCAL = new RegExp(`(?:của\\s+)?(huyện|quận|thị xã|xã|phường|thị trấn)\\s+(${NAME})`, 'uy')
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

export const isCentralCity = (code2025: string, published: string | null | undefined): boolean =>
  CENTRAL_CITIES.has(code2025) || (code2025 === '46' && (published ?? '') >= '2025-01-01')

function skipBlank(text: string, i: number): number {
  let j = i
  while (j < text.length && j - i < 3 && /\s/u.test(text[j]!)) j++
  return j
}

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos
  return re.exec(text)
}

/** What parsing one tail shares: the texts, the publication date, the tail so far and whether it has a unit. */
interface TailScan {
  readonly text: string
  readonly toned: string
  readonly published: string | null | undefined
  readonly t: Tail
}

type Step = (c: TailScan, at: number) => number | null

const ordinalStep: Step = ({ text, t }, at) => {
  const m = t.ordinal === null ? sticky(C_ORDINAL, text, at) : null
  if (!m) return null
  const written = m[1] ?? m[2] ?? m[3]
  t.ordinal = written ? parseOrdinal(written) : 1
  return at + m[0].length
}

const periodStep: Step = ({ text, t }, at) => {
  const m = t.period === null ? sticky(C_PERIOD, text, at) : null
  if (!m || Number(m[2]) <= Number(m[1])) return null
  t.period = `${m[1]}-${m[2]}`
  return at + m[0].length
}

const yearStep: Step = ({ text, t }, at) => {
  const m = t.year === null ? sticky(C_YEAR, text, at) : null
  if (!m) return null
  t.year = Number(m[1])
  return at + m[0].length
}

const nationalStep: Step = ({ text, t }, at) => {
  const m = sticky(C_NATIONAL, text, at)
  if (!m) return null
  t.scope = 'national'
  return at + m[0].length
}

const genericStep: Step = ({ text, t }, at) => {
  const m = sticky(C_GENERIC, text, at)
  if (!m) return null
  t.generic = true
  return at + m[0].length
}

const capitalStep: Step = ({ text, t }, at) => {
  const m = sticky(C_CAPITAL, text, at)
  if (!m) return null
  Object.assign(t, { scope: 'province', place: 'Hà Nội', code2025: '01', code2008: '01' })
  return at + m[0].length
}

const provinceWordStep: Step = ({ text, toned, t }, at) => {
  const m = sticky(C_PROVINCE_WORD, text, at)
  if (!m) return null
  t.scope = 'province'
  const i = at + m[0].length
  const nameStart = skipBlank(text, i)
  const a = nameStart > i ? aliasAt(toned, nameStart) : null
  if (!a) return i
  // The reference name, whatever the spelling ("TPHCM", "Thanh Hoá"): one place per province (session 7).
  t.place = a.alias.canonical_name_vi
  t.code2025 = a.alias.code_2025
  t.code2008 = a.alias.code_2008
  return a.end
}

const cityStep: Step = ({ text, toned, published, t }, at) => {
  const m = sticky(C_CITY_WORD, text, at)
  if (!m) return null
  const i = at + m[0].length
  const startName = skipBlank(text, i)
  // "TP.HCM" is one alias; "thành phố Hà Nội" has the name after a space.
  const a = aliasAt(toned, startName > i ? startName : at)
  if (a) {
    t.place = a.alias.canonical_name_vi
    t.code2025 = a.alias.code_2025
    t.code2008 = a.alias.code_2008
    t.scope = isCentralCity(a.alias.code_2025, published) ? 'province' : 'city'
    return a.end
  }
  t.scope = 'city'
  const n = new RegExp(NAME, 'uy')
  n.lastIndex = startName
  const nm = n.exec(text)
  if (!nm || startName <= i) return i
  t.place = nm[0]
  return startName + nm[0].length
}

const unitScope = (word: string): EventScope =>
  word === 'xã' || word === 'phường' || word === 'thị trấn' ? 'commune' : 'district'

const localBareStep: Step = ({ text, t }, at) => {
  const m = sticky(C_LOCAL_BARE, text, at)
  if (!m) return null
  t.scope = unitScope(m[1]!)
  t.place = soleUnit(text, m[1]!)
  return at + m[0].length
}

const localStep: Step = ({ text, t }, at) => {
  const m = sticky(C_LOCAL, text, at)
  if (!m) return null
  t.scope = unitScope(m[1]!.toLowerCase())
  t.place = m[2]!
  return at + m[0].length
}

const sectorStep: Step = ({ text, toned, t }, at) => {
  const m = sticky(C_SECTOR, text, at)
  if (!m) return null
  t.scope = 'sector'
  t.place = m[1]!.trim().replace(/^trong\s+/u, '')
  const i = at + m[0].length
  for (let k = at; k < i; k++) {
    const a = aliasAt(toned, k)
    if (a && (k === 0 || /\s/u.test(text[k - 1]!))) {
      t.code2025 = a.alias.code_2025
      t.code2008 = a.alias.code_2008
      break
    }
  }
  return i
}

// A province name alone ("Đại hội thi đua yêu nước Lạng Sơn …").
const aliasStep: Step = ({ text, toned, t }, at) => {
  const a = aliasAt(toned, at)
  if (!a) return null
  t.scope = 'province'
  t.place = a.alias.canonical_name_vi
  t.code2025 = a.alias.code_2025
  t.code2008 = a.alias.code_2008
  return a.end
}

const COUNT_STEPS: readonly Step[] = [ordinalStep, periodStep, yearStep]
const UNIT_STEPS: readonly Step[] = [
  nationalStep,
  genericStep,
  capitalStep,
  provinceWordStep,
  cityStep,
  localBareStep,
  localStep,
  sectorStep,
  aliasStep,
]

/** One tail component at `at`: where it ends and whether it named the unit, or null when none starts there. */
function tailStep(c: TailScan, at: number, scoped: boolean): { end: number; unit: boolean } | null {
  for (const step of COUNT_STEPS) {
    const end = step(c, at)
    if (end !== null) return { end, unit: false }
  }
  if (!scoped) {
    for (const step of UNIT_STEPS) {
      const end = step(c, at)
      if (end !== null) return { end, unit: true }
    }
    return null
  }
  // "toàn quốc ngành Y tế": a national event of one sector keeps the national scope.
  const m = c.t.scope === 'national' ? sticky(C_SECTOR, c.text, at) : null
  return m ? { end: at + m[0].length, unit: false } : null
}

/** The components after an event's head: ordinal, year or period, and its unit (scope, place, codes). */
export function parseTail(
  text: string,
  toned: string,
  pos: number,
  published: string | null | undefined
): Tail {
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
  const c: TailScan = { text, toned, published, t }
  let i = pos
  let scoped = false
  let filled = false
  for (let step = 0; step < 6; step++) {
    const s = sticky(SPACE, text, i)
    const at = i + (s ? s[0].length : 0)
    const fm = filled ? null : sticky(C_FILLER, text, at)
    if (fm) {
      // Skipped, not part of the surface unless a component follows.
      filled = true
      i = at + fm[0].length
      continue
    }
    const found = tailStep(c, at, scoped)
    if (found === null) break
    scoped ||= found.unit
    i = found.end
    t.end = i
  }
  return t
}
