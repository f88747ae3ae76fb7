/**
 * Scope and place of an event from the words around it (issue #11): the clause's subject before the head
 * ("Ngày 9/9, tỉnh X tổ chức Đại hội …", "Sở Y tổ chức …"), the province issuing the plan that holds it,
 * the department holding a sector's event, the one unit of a kind the text names for a bare "xã", and the
 * organisation's own words for a sector congress.
 */
import type { EventScope } from '../domain/extraction.ts'
import { aliasAt } from './places.ts'
import { matchAll } from './spans.ts'

export const CAP = '[\\p{Lu}][\\p{L}\\p{M}]*'
// A name never runs over a line break ("xã Yên Lãng\\n\\nNgày 21/11").
export const NAME = `${CAP}(?:[^\\S\\n]+${CAP}){0,3}`

// The unit word may open a sentence ("Huyện Thoại Sơn đang chuẩn bị …", session 7).
const LOCAL_NAMED = new RegExp(
  `(?<![\\p{L}])([Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường|[Tt]hị trấn)\\s+(${NAME})`,
  'gu'
)

export interface Tail {
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

// "Sở Giáo dục và Đào tạo (GD&ĐT) tỉnh Thanh Hóa tổ chức Hội nghị … ngành giáo dục …": the department's province.
const SUBJECT_DEPT_PROVINCE = new RegExp(
  `(?:Sở|[Nn]gành)\\s[^.;\\n]{0,60}?\\stỉnh\\s+(${NAME})\\s+(?:(?:đã|vừa|long trọng|trọng thể)\\s+)*tổ chức\\s+["“]?$`,
  'u'
)

/** A sector event without province whose subject is a department of a named province takes that province. */
export function sectorProvinceFromSubject(text: string, toned: string, headStart: number, tail: Tail): void {
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
export function soleUnit(text: string, word: string): string | null {
  let name: string | null = null
  const capital = `${word[0]!.toUpperCase()}${word.slice(1)} `
  if (!text.includes(`${word} `) && !text.includes(capital)) return null
  for (const m of matchAll(LOCAL_NAMED, text)) {
    if (m[1]!.toLowerCase() !== word) continue
    if (name !== null && name !== m[2]) return null
    name = m[2]!
  }
  return name
}

export function orgSectorPlace(
  text: string,
  head: { readonly start: number; readonly tailStart: number; readonly nameStart: number | null },
  sector: string | null
): string | null {
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

// "UBND tỉnh tổ chức hội nghị …", "Hội Khuyến học huyện tổ chức Đại hội …": a body of a unit named by its
// word alone is the subject; the unit is the article's province, or the one district or commune the text
// names (issue #11).
const BODY =
  '(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Ủy ban (?:MTTQ|Mặt trận Tổ quốc)(?:\\s+Việt Nam)?|Đảng bộ|Đảng ủy|Liên đoàn Lao động|Hội\\s+[\\p{Lu}][\\p{L}]*(?:\\s+[\\p{L}]+){0,3}?)'
const BODY_OF_UNIT = new RegExp(
  `(?:^|[,;:\\n(]|\\s)${BODY}\\s+(tỉnh|huyện|thị xã|quận|xã|phường|thị trấn)${SUBJECT_TAIL}`,
  'u'
)

/** The scope of a body of a bare unit word ("UBND tỉnh", "Hội … huyện") that is the clause's subject, or false. */
function scopeFromBody(text: string, before: string, tail: Tail): boolean {
  const m = BODY_OF_UNIT.exec(before)
  if (!m) return false
  const word = m[1]!
  if (word === 'tỉnh') {
    // The code and name come from the article's province (extractEvents' home province).
    tail.scope = 'province'
    return true
  }
  const commune = word === 'xã' || word === 'phường' || word === 'thị trấn'
  tail.scope = commune ? 'commune' : 'district'
  tail.place = soleUnit(text, word)
  return true
}

/** Scope and place of an event whose tail names no unit, from the subject of its clause. */
export function scopeFromClause(
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
  if (scopeFromBody(text, before, tail)) return
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
