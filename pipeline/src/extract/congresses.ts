/**
 * Congresses other than emulation congresses (issue #11): the Party's ("Đại hội đại biểu toàn quốc lần
 * thứ XIV của Đảng", "Đại hội XIII của Đảng", "Đại hội Đảng bộ tỉnh lần thứ XX"), the mass organisations'
 * (farmers, trade union, youth union, women, Fatherland Front, veterans), the ethnic minorities' and the
 * armed forces' "Đại hội thi đua Quyết thắng". They are the milestones movements are launched to greet.
 * This module only finds where such a head starts and whose congress it is; events.ts reads the tail
 * (place, ordinal, term) with the same rules as for emulation congresses, and emits kind `other`.
 */
import type { Organization } from '../domain/extraction.ts'
import { parseOrdinal } from './dates.ts'
import { matchAll } from './spans.ts'

export interface OrgHead {
  readonly start: number
  /** Where the tail (place, ordinal, term) starts. */
  readonly tailStart: number
  readonly organization: Organization
  /** Set when the head itself states them: "Đại hội XIII của Đảng" (national, 13). */
  readonly ordinal: number | null
  readonly national: boolean
  /**
   * Start of the organisation's own words ("Đoàn Thanh niên … Bộ Công an", "Đảng bộ Sở Nội vụ"): a sector
   * congress is placed by them. Null for the armed forces' series, named by its movement.
   */
  readonly nameStart: number | null
}

const ORGS: ReadonlyArray<[Organization, string]> = [
  ['party', 'Đảng bộ|Đảng(?=\\s+(?:toàn quốc|lần|Cộng sản))(?:\\s+Cộng sản Việt Nam)?'],
  ['farmers_union', 'Hội Nông dân(?:\\s+Việt Nam)?'],
  ['trade_union', 'Công đoàn(?:\\s+Việt Nam)?|Liên đoàn Lao động'],
  [
    'youth_union',
    'Đoàn TNCS(?:\\s+Hồ Chí Minh)?|Đoàn Thanh niên(?:\\s+Cộng sản)?(?:\\s+Hồ Chí Minh)?|Hội (?:Liên hiệp Thanh niên|LHTN)(?:\\s+Việt Nam)?|Đoàn(?=\\s+(?:toàn quốc|tỉnh|lần))',
  ],
  ['women_union', 'Hội Liên hiệp Phụ nữ(?:\\s+Việt Nam)?|Hội LHPN|Phụ nữ(?:\\s+Việt Nam)?'],
  ['fatherland_front', 'Mặt trận Tổ quốc(?:\\s+Việt Nam)?|MTTQ(?:\\s+Việt Nam)?'],
  ['veterans', '(?:Hội\\s+)?(?:Cựu chiến binh|CCB)(?:\\s*\\(CCB\\))?(?:\\s+Việt Nam)?'],
  ['ethnic_minorities', '(?:các\\s+)?(?:dân tộc thiểu số|DTTS)(?:\\s+Việt Nam)?'],
  ['armed_forces', 'thi đua Quyết thắng(?:\\s+(?:lực lượng vũ trang|LLVT))?'],
  [
    'other',
    'Hội (?:Chữ thập đỏ|Khuyến học|Người cao tuổi|Luật gia|Nhà báo|Doanh nhân trẻ|Cựu thanh niên xung phong|Văn học,? [Nn]ghệ thuật|VHNT)(?:\\s+Việt Nam)?',
  ],
]

const ORG_OF = ORGS.map(([o]) => o)
const HEAD = new RegExp(
  `(?<![\\p{L}])Đại hội\\s+(?:đại biểu\\s+)?(?:(toàn quốc|ĐBTQ)\\s+)?(?:${ORGS.map(([, src]) => `(${src})`).join('|')})(?![\\p{L}])`,
  'giu'
)
// "Đại hội XIII của Đảng", "Đại hội ĐBTQ lần thứ XIII của Đảng", "Đại hội XIII Công đoàn Việt Nam": the
// ordinal before the organisation.
const ORG_AFTER = new RegExp(
  `(?<![\\p{L}])Đại hội\\s+(?:đại biểu\\s+)?(?:(?:toàn quốc|ĐBTQ)\\s+)?(?:lần\\s+thứ\\s+)?([IVXL]{1,6}|\\d{1,2})\\s+(?:của\\s+)?(?:(Đảng(?:\\s+Cộng sản Việt Nam)?)|${ORGS.map(([, src]) => `(${src})`).join('|')})(?![\\p{L}])`,
  'giu'
)
const NATION = /^\s*(?:toàn quốc|Việt Nam)(?![\p{L}])/iu
// "Hội LHTN Việt Nam tỉnh Bình Định", "Hội Chữ thập đỏ Việt Nam, tỉnh Thái Nguyên": a unit after the national name.
const UNIT_AFTER =
  /^\s*,?\s*(?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường|thị trấn|khu vực|khối)(?![\p{L}])/iu
// "Đảng bộ xã X tổ chức Đại hội đại biểu lần thứ I", "Hội Người cao tuổi phường Y tổ chức Đại hội …": the
// organisation is the clause's subject and the head names none (issue #11). Up to six words of its unit;
// an ordinal must follow ("67 Đảng bộ … đã tổ chức thành công Đại hội nhiệm kỳ 2020-2025" is many congresses).
// Session 8: an abbreviation in brackets after the name ("Hội Khuyến học (HKH) huyện X tổ chức …") and a
// term ordinal ("… tổ chức Đại hội đại biểu khóa V") as well.
const SUBJECT_ORG = new RegExp(
  `(?<![\\p{L}])(?:${ORGS.filter(([o]) => o !== 'armed_forces')
    .map(([, src]) => `(${src})`)
    .join(
      '|'
    )})(?:\\s*\\([^()\\n]{1,12}\\))?((?:\\s+[\\p{L}\\d]+){0,6}?)\\s+(?:(?:đã|vừa|long trọng|trọng thể|chính thức|tiến hành)\\s+)*tổ chức\\s+(?:thành công\\s+)?(?:phiên\\s+(?:chính thức|trù bị|thứ nhất)\\s+(?:của\\s+)?)?Đại hội(?:\\s+[Đđ]ại biểu)?(?=\\s+(?:lần|khóa|khoá)(?![\\p{L}]))`,
  'gu'
)
const SUBJECT_ORG_OF = ORGS.filter(([o]) => o !== 'armed_forces').map(([o]) => o)

/** Every non-emulation congress head in the text, in text order. */
export function findOrgHeads(text: string): OrgHead[] {
  if (!/đại hội/iu.test(text)) return []
  const out: OrgHead[] = []
  for (const m of matchAll(ORG_AFTER, text)) {
    const ordinal = parseOrdinal(m[1]!)
    if (ordinal === null) continue
    const end = m.index + m[0].length
    const k = m.slice(3).findIndex((g) => g !== undefined)
    const organization = m[2] !== undefined ? 'party' : ORG_OF[k]
    if (organization === undefined) continue
    // "Đại hội XIII của Đảng" is the national congress; "Đại hội XX Đảng bộ tỉnh …" reads its unit after.
    const national =
      m[2] !== undefined || (/Việt Nam$/u.test(m[3 + k] ?? '') && !UNIT_AFTER.test(text.slice(end, end + 16)))
    out.push({ start: m.index, tailStart: end, organization, ordinal, national, nameStart: null })
  }
  for (const m of matchAll(HEAD, text)) {
    if (out.some((h) => h.start === m.index)) continue
    const k = m.slice(2).findIndex((g) => g !== undefined)
    const organization = ORG_OF[k]
    if (organization === undefined) continue
    const end = m.index + m[0].length
    const named = m[2 + k]!
    // "MTTQ Việt Nam tỉnh X": the national name of an organisation is national only with no unit after it.
    const after = text.slice(end, end + 16)
    const national =
      m[1] !== undefined || NATION.test(after) || (/Việt Nam$/u.test(named) && !UNIT_AFTER.test(after))
    const nameStart = organization === 'armed_forces' ? null : end - named.length
    out.push({ start: m.index, tailStart: end, organization, ordinal: null, national, nameStart })
  }
  if (/tổ chức/u.test(text)) out.push(...subjectHeads(text, out))
  return out.sort((a, b) => a.start - b.start)
}

/** Heads whose organisation is the subject before them ("Đảng bộ xã X tổ chức Đại hội lần thứ I"). */
function subjectHeads(text: string, found: ReadonlyArray<OrgHead>): OrgHead[] {
  const out: OrgHead[] = []
  for (const m of matchAll(SUBJECT_ORG, text)) {
    const k = m.slice(1, 1 + SUBJECT_ORG_OF.length).findIndex((g) => g !== undefined)
    const organization = SUBJECT_ORG_OF[k]
    if (organization === undefined) continue
    const tailStart = m.index + m[0].length
    const start = text.lastIndexOf('Đại hội', tailStart)
    // The organisation's own words then name it again ("… tổ chức Đại hội Đảng bộ xã …"): HEAD read it.
    if (found.some((h) => h.start === start)) continue
    out.push({ start, tailStart, organization, ordinal: null, national: false, nameStart: m.index })
  }
  return out
}
