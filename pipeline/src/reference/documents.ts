/** Document-type abbreviations (NĐ 30/2020, HD 36-HD/VPTW, normative acts) and issuer abbreviations. */
import type { DocumentType, IssuerLevel } from '../domain/extraction.ts'
import { type CsvRow, cached, columnsOf, readReferenceCsv } from './files.ts'

const DOCUMENT_TYPE_COLUMNS = ['abbr', 'name_vi', 'type_en', 'system', 'example'] as const
const ISSUER_COLUMNS = ['abbr', 'name_vi', 'name_en', 'level'] as const

export type DocumentTypeRow = CsvRow<typeof DOCUMENT_TYPE_COLUMNS>
export type IssuerRow = CsvRow<typeof ISSUER_COLUMNS>

export const documentTypes = cached(
  (): ReadonlyArray<DocumentTypeRow> =>
    readReferenceCsv('document-types.csv', ['abbr', 'name_vi', 'system']).map((r) =>
      columnsOf(r, DOCUMENT_TYPE_COLUMNS)
    )
)

export const issuerAbbreviations = cached(
  (): ReadonlyArray<IssuerRow> =>
    readReferenceCsv('issuer-abbreviations.csv', ['abbr', 'name_vi', 'level']).map((r) =>
      columnsOf(r, ISSUER_COLUMNS)
    )
)

/**
 * Contract type for a symbol's type abbreviation. The CSV lists the abbreviations; the mapping onto the
 * 15 contract types is ours (Tờ trình, Quy chế, Đề án... have no contract type and become "other").
 */
const ABBR_TYPE: Record<string, DocumentType> = {
  KH: 'plan',
  CT: 'directive',
  NQ: 'resolution',
  QĐ: 'decision',
  QyĐ: 'other',
  QĐi: 'other',
  QĐNS: 'decision',
  TB: 'notice',
  TC: 'notice',
  KL: 'conclusion',
  TT: 'circular',
  TTLT: 'circular',
  NĐ: 'decree',
  HD: 'guideline',
  CTr: 'program',
  BC: 'report',
  CĐ: 'telegram',
  CV: 'official_letter',
  NQLT: 'resolution',
}

const abbrSet = cached(() => {
  const s = new Set<string>(Object.keys(ABBR_TYPE))
  for (const r of documentTypes()) if (r.abbr) s.add(r.abbr)
  return s
})

/** True when the token is a document-type abbreviation of the reference list (case as written). */
export function isTypeAbbreviation(token: string): boolean {
  return abbrSet().has(token)
}

export function typeFromAbbreviation(token: string): DocumentType | null {
  if (ABBR_TYPE[token]) return ABBR_TYPE[token]
  if (abbrSet().has(token)) return 'other'
  return null
}

const issuerLevels = cached(() => new Map(issuerAbbreviations().map((r) => [r.abbr, r.level])))

/** Normalized issuer level from a symbol's issuer part ("TW", "TTg", "UBND") or a written issuer. */
export function issuerLevel(issuer: string | null): IssuerLevel {
  if (!issuer) return 'unknown'
  const s = issuer.trim()
  if (
    /^(TW|TƯ|VPTW|BCHTW)$/.test(s) ||
    /Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Trung ương Đảng/i.test(s)
  )
    return 'party_central'
  if (/^(QH|UBTVQH)\d*$/.test(s) || /Quốc hội/i.test(s)) return 'national_assembly'
  if (/^TTg$/.test(s) || /Thủ tướng/i.test(s)) return 'prime_minister'
  if (/^(CP|VPCP)$/.test(s) || /^Chính phủ$/i.test(s)) return 'government'
  if (/^(HĐTĐKTTW|BTĐKTTW)$/.test(s) || /(Hội đồng|Ban) Thi đua\s*[-–]\s*Khen thưởng Trung ương/i.test(s))
    return 'central_council'
  if (/^B[A-ZĐ]{2,}$/.test(s) && s !== 'BCĐ' && s !== 'BCH' && s !== 'BTV' && s !== 'BTĐKT') return 'ministry'
  if (/^Bộ\s/.test(s)) return 'ministry'
  if (/^(TU|BTGTU)$/.test(s) || /Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ/i.test(s)) return 'province_party'
  if (/huyện|quận|thị xã|^HU$/i.test(s)) return 'district'
  if (/\b(xã|phường|thị trấn)\b/i.test(s)) return 'commune'
  if (
    /^(UBND|HĐND|SNV|VP)$/.test(s) ||
    /UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân/i.test(s)
  )
    return 'province'
  if (/^Sở\s|^Ban\s|Công an|Liên đoàn|Hội\s/i.test(s)) return 'sector'
  const level = issuerLevels().get(s)
  if (level === 'state_central') return 'government'
  if (level === 'party_central') return 'party_central'
  if (level === 'party_provincial') return 'province_party'
  if (level === 'state_local') return 'province'
  if (level === 'mass_org') return 'sector'
  return 'unknown'
}
