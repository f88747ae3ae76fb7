/**
 * Keywords of document references ("Kế hoạch", "Chỉ thị", "NQ" …), their types, and a found reference
 * before its date and issuer are read. Split from documents.ts (issue #15).
 */
import type { DocumentType } from '../domain/extraction.ts'
import { typeFromAbbreviation } from '../reference/documents.ts'
import type { ParsedSymbol } from './symbols.ts'

const KEYWORDS: ReadonlyArray<[string, DocumentType]> = [
  ['Nghị quyết liên tịch', 'resolution'],
  ['Thông báo kết luận', 'notice'],
  ['Thông tư liên tịch', 'circular'],
  ['Chương trình hành động', 'program'],
  ['Kế hoạch', 'plan'],
  ['Chỉ thị', 'directive'],
  ['Nghị quyết', 'resolution'],
  ['Quyết định', 'decision'],
  ['Công văn', 'official_letter'],
  ['Văn bản', 'official_letter'],
  ['Thông báo', 'notice'],
  ['Kết luận', 'conclusion'],
  ['Thông tư', 'circular'],
  ['Nghị định', 'decree'],
  ['Hướng dẫn', 'guideline'],
  ['Chương trình', 'program'],
  ['Báo cáo', 'report'],
  ['Công điện', 'telegram'],
  ['Tờ trình', 'other'],
  ['Quy định', 'other'],
  ['Quy chế', 'other'],
  ['Đề án', 'other'],
  ['Thông tri', 'other'],
]
export const ABBR_KEYWORDS = ['CTr', 'NQ', 'QĐ', 'NĐ', 'CT', 'KL', 'KH', 'HD', 'TB', 'BC']

const keywordType = new Map<string, DocumentType>()
for (const [k, t] of KEYWORDS) keywordType.set(k.toLowerCase(), t)

// The first letter of a full keyword may be either case ("kế hoạch số"); abbreviations are exact.
// Hard-wrapped pages break a keyword over two lines ("Tờ\ntrình số 66/TTr-SYT"): any space may be a break.
export const fullAlt = KEYWORDS.map(
  ([k]) => `[${k[0]!.toUpperCase()}${k[0]!.toLowerCase()}]${k.slice(1).replace(/ /g, '\\s')}`
).join('|')
export const LETTER_KEYWORD = /^(?:[Cc]ông\s+văn|[Vv]ăn\s+bản|[Tt]ờ\s+trình)$/u
export const keywordOf = (k: string): DocumentType | undefined =>
  keywordType.get(k.replace(/\s+/gu, ' ').toLowerCase())
export const stickyAt = (re: RegExp, text: string, pos: number): RegExpExecArray | null => {
  re.lastIndex = pos
  return re.exec(text)
}

export interface Ref {
  readonly start: number
  readonly number: string
  readonly numberEnd: number
  readonly sym: ParsedSymbol | null
  readonly keywordType: DocumentType | null
  readonly keyword: string | null
}

export function resolveType(ref: Ref, text: string): DocumentType | null {
  // "Quy định số 230-QĐ/TW": a Party symbol's "QĐ" stands for Quy định as well as Quyết định.
  if (ref.sym?.typeAbbr === 'QĐ' && ref.keyword !== null && /^[Qq]uy định$/u.test(ref.keyword)) return 'other'
  if (ref.sym?.typeAbbr) return typeFromAbbreviation(ref.sym.typeAbbr) ?? ref.keywordType
  if (ref.keywordType) return ref.keywordType
  if (ref.sym?.form === 'normative') {
    const before = text.slice(Math.max(0, ref.start - 80), ref.start)
    if (/Luật[^.]*$/u.test(before)) return 'law'
    if (/Nghị quyết[^.]*$/iu.test(before)) return 'resolution'
    return 'other'
  }
  return ref.sym ? 'official_letter' : null
}
