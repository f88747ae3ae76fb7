/**
 * Resolution keys. A document is identified by (issuer scope, type, number, symbol, year): central
 * symbols (…/TW, …-TTg, …-CP, …/QH15, ministries) are one national scope, everything else belongs to the
 * issuing province, so 138/KH-UBND of Lạng Sơn 2024 is not 138/KH-UBND of Nghệ An 2024. An event is
 * identified by (province, kind, ordinal), or by the year its cycle closes when the text gives no ordinal.
 */
import type { DocumentMention, EventMention } from '../domain/extraction.ts'
import { isCentralLevel } from '../domain/issuer-levels.ts'
import { foldText } from './fold.ts'
import { keyId } from './ids.ts'

const CENTRAL_SEGMENTS = new Set([
  'TW',
  'TƯ',
  'BCT',
  'BBT',
  'VPTW',
  'BCHTW',
  'TTG',
  'CP',
  'VPCP',
  'CTN',
  'HĐTĐKTTW',
  'BTĐKTTW',
  'BNV',
  'BGDĐT',
  'BGTVT',
  'HĐBCQG',
  'UBTWMTTQVN',
  'TLĐ',
  'TWĐTN',
  'CTK',
])
// Central issuers named in running text when the mention has no symbol.
const CENTRAL_ISSUER_TEXT =
  /Trung ương|Bộ Chính trị|Ban Bí thư|Thủ tướng|Chính phủ|Quốc hội|Chủ tịch nước|Hội đồng Thi đua - Khen thưởng Trung ương|^Bộ /u

/** Canonical symbol for keys: NFC, no spaces, upper case, TƯ written TW. */
export const normalizeSymbol = (symbol: string | null): string | null => {
  if (!symbol) return null
  const s = symbol.normalize('NFC').replace(/\s+/g, '').toUpperCase().replaceAll('TƯ', 'TW')
  return s === '' ? null : s
}

export const normalizeNumber = (n: string | null): string | null => {
  if (!n) return null
  const t = n.trim().replace(/^0+(?=\d)/, '')
  return t === '' ? null : t
}

export const isCentralDocument = (
  m: Pick<DocumentMention, 'symbol' | 'issuer' | 'issuer_level' | 'type'>
): boolean => {
  if (m.type === 'law' || m.type === 'decree') return true
  if (isCentralLevel(m.issuer_level)) return true
  const sym = normalizeSymbol(m.symbol)
  if (sym) {
    const segs = sym.split(/[-/]/)
    if (segs.some((seg) => CENTRAL_SEGMENTS.has(seg) || /^(UBTV)?QH\d*$/.test(seg))) return true
    return false
  }
  return m.issuer ? CENTRAL_ISSUER_TEXT.test(m.issuer) : false
}

export interface DocumentKey {
  readonly issuer_scope: string
  readonly issuer_province_2008: string | null
  readonly issuer_province_2025: string | null
  readonly key_year: number | null
  readonly key_year_basis: 'issued_on' | 'symbol' | 'article' | 'none'
  readonly document_id: string
}

/**
 * `issuerProvince` is the province named in the issuer (or else the article's); local documents issued
 * from 2025-07-01 are keyed in the 34-unit system, earlier ones in the 63-unit system.
 */
export const documentKey = (
  m: DocumentMention,
  issued_on: string | null,
  articleDate: string | null,
  issuerProvince: { code_2008: string | null; code_2025: string | null }
): DocumentKey => {
  let key_year: number | null = null
  let key_year_basis: DocumentKey['key_year_basis'] = 'none'
  if (issued_on) {
    key_year = Number(issued_on.slice(0, 4))
    key_year_basis = 'issued_on'
  } else if (m.year_in_symbol) {
    key_year = m.year_in_symbol
    key_year_basis = 'symbol'
  } else if (articleDate) {
    key_year = Number(articleDate.slice(0, 4))
    key_year_basis = 'article'
  }
  const central = isCentralDocument(m)
  const when = issued_on ?? articleDate
  const afterMerger = when !== null && when >= '2025-07-01'
  let issuer_scope = 'central'
  if (!central) {
    if (!afterMerger && issuerProvince.code_2008) issuer_scope = `p2008:${issuerProvince.code_2008}`
    else if (issuerProvince.code_2025) issuer_scope = `p2025:${issuerProvince.code_2025}`
    else issuer_scope = 'unknown'
  }
  const number = normalizeNumber(m.number)
  const symbol = normalizeSymbol(m.symbol)
  // A mention with no number at all ("Luật Thi đua, khen thưởng") is keyed by its folded wording.
  const fallback = number === null ? m.surface.normalize('NFC').toLowerCase().replace(/\s+/g, ' ') : null
  const document_id = keyId('d_', [issuer_scope, m.type, number, symbol, key_year, fallback])
  return {
    issuer_scope,
    issuer_province_2008: central ? null : issuerProvince.code_2008,
    issuer_province_2025: central ? null : issuerProvince.code_2025,
    key_year,
    key_year_basis,
    document_id,
  }
}

/** The year an event's cycle closes: the end of its period ("2020-2025" → 2025), else its year. */
export const cycleYear = (e: Pick<EventMention, 'period' | 'year'>): number | null => {
  const end = e.period ? /(\d{4})\s*$/.exec(e.period.trim()) : null
  return end ? Number(end[1]) : e.year
}

export const eventKey = (
  e: Pick<EventMention, 'kind' | 'scope' | 'place' | 'ordinal' | 'period' | 'year'>,
  province: { code_2008: string | null; code_2025: string | null },
  fallbackYear: number | null
): string | null => {
  const place =
    e.scope === 'national'
      ? 'national'
      : (province.code_2008 ?? (province.code_2025 ? `n${province.code_2025}` : null))
  if (place === null) return null
  // Without an ordinal a congress is known by its cycle: the year it closes. "(2020-2025)", "(2021-2025)"
  // and "năm 2025" are the same 2025 congress, not three.
  const which = e.ordinal !== null ? `ord:${e.ordinal}` : `cycle:${cycleYear(e) ?? fallbackYear ?? '?'}`
  // A city's or district's own congress series is not the province's: keep its scope and place apart.
  const level =
    e.scope === 'province' || e.scope === 'unknown' || e.scope === 'national'
      ? e.scope === 'national'
        ? 'national'
        : 'province'
      : `${e.scope}:${foldText(e.place ?? '')}`
  return keyId('e_', [place, level, e.kind, which])
}

/**
 * One article often names a document fully once ("Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị")
 * and then by type and number only ("Chỉ thị 34"). A mention without a symbol takes the key of the
 * mention of the same type and number in the same article that says more (a symbol, or an issuer where
 * it has none), when exactly one document fits and the issuers agree on central vs local. Returns, for
 * each mention, the index of the mention whose key it takes (itself when none).
 */
export const sameArticleReferents = (
  mentions: ReadonlyArray<DocumentMention>,
  keys: ReadonlyArray<Pick<DocumentKey, 'document_id'>>
): number[] =>
  mentions.map((m, i) => {
    const number = normalizeNumber(m.number)
    if (m.symbol || number === null) return i
    const central = isCentralDocument(m)
    const fits = new Map<string, number>()
    mentions.forEach((o, j) => {
      if (j === i || o.type !== m.type || normalizeNumber(o.number) !== number) return
      const saysMore = o.symbol !== null || (m.issuer === null && o.issuer !== null)
      if (!saysMore) return
      // "Chỉ thị số 01" of UBND tỉnh is not "Chỉ thị 01-CT/TW" named in the same article.
      if (m.issuer !== null && isCentralDocument(o) !== central) return
      const id = keys[j]?.document_id
      if (id && id !== keys[i]?.document_id && !fits.has(id)) fits.set(id, j)
    })
    return fits.size === 1 ? [...fits.values()][0]! : i
  })
