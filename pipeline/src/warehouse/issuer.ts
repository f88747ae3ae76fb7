/**
 * A readable issuer for resolved documents. Articles name a local issuer by its level only ("UBND tỉnh
 * ban hành Kế hoạch ...", "Tỉnh ủy", "Sở Nội vụ"), since the portal is the province's own; once the
 * document is keyed to a province, the issuer reads "UBND tỉnh Lạng Sơn". Mention rows keep the issuer
 * as written. Pure: the province names come from the reference loaders.
 */
import { findPlaces } from '../extract/places.ts'
import { provinces2008, provinces2025 } from '../reference/provinces.ts'
import { cached } from '../reference/files.ts'

interface Unit {
  readonly name: string
  readonly city: boolean
}

const units = cached(() => {
  const CITY = 'thanh_pho_truc_thuoc_trung_uong'
  return {
    '2008': new Map<string, Unit>(
      provinces2008().map((p) => [p.code, { name: p.name_vi, city: p.type === CITY }])
    ),
    '2025': new Map<string, Unit>(
      provinces2025().map((p) => [p.code, { name: p.name_vi, city: p.type === CITY }])
    ),
  }
})

/** The province a local document's issuer scope names: "p2008:20" → Lạng Sơn; "central" → null. */
export const scopeUnit = (issuerScope: string | null): Unit | null => {
  const m = /^p(2008|2025):(\d{2})$/.exec(issuerScope ?? '')
  if (!m) return null
  return units()[m[1] as '2008' | '2025'].get(m[2]!) ?? null
}

// Provincial bodies an article names by level alone; the province's name completes them. A bare "UBND"
// (from a KH-UBND symbol) may be a district's too, so only a written level word ("tỉnh", "thành phố")
// or a body that exists only at province level ("Tỉnh ủy", "Sở ...") is completed.
const PROVINCE_BODY =
  /^(?<body>(?:Chủ tịch\s+)?(?:UBND|[ỦU][yỷ] ban nhân dân|HĐND|Hội đồng nhân dân)|(?:Hội đồng|Ban)\s+Thi đua\s*[-–]\s*Khen thưởng|Ban Thường vụ Tỉnh [uủ][ỷy]|Ban Thường vụ Thành [uủ][ỷy]|Tỉnh [uủ][ỷy]|Thành [uủ][ỷy]|Sở\s+[\p{Lu}][^\n,;()]{1,60}?)(?:\s+(?<unit>tỉnh|thành phố|TP\.?))?$/u

/**
 * "UBND tỉnh" + Lạng Sơn → "UBND tỉnh Lạng Sơn"; "Tỉnh ủy" + Lạng Sơn → "Tỉnh ủy Lạng Sơn"; "UBND thành
 * phố" + Hà Nội → "UBND thành phố Hà Nội". An issuer that already names a place, a central issuer, a
 * "thành phố" issuer in a province (a provincial city is not the province) and a bare "UBND" stay as they are.
 */
export const readableIssuer = (issuer: string | null, issuerScope: string | null): string | null => {
  if (issuer === null) return null
  const written = issuer.replace(/\s+/g, ' ').trim()
  const unit = scopeUnit(issuerScope)
  if (!unit || findPlaces(written).length > 0) return issuer
  const m = PROVINCE_BODY.exec(written)
  if (!m?.groups) return issuer
  const body = m.groups.body!
  const level = m.groups.unit
  const unitWord = unit.city ? 'thành phố' : 'tỉnh'
  if (/^(?:Tỉnh|Thành) [uủ][ỷy]$|Thường vụ/u.test(body)) {
    // "Thành ủy" is a centrally-run city's committee; in a province it would be a provincial city's.
    if (/Thành [uủ][ỷy]$/u.test(body) !== unit.city) return issuer
    return `${body} ${unit.name}`
  }
  if (level === undefined) {
    if (!body.startsWith('Sở') && !/Thi đua/u.test(body)) return issuer
    return `${body} ${unitWord} ${unit.name}`
  }
  const saysCity = level !== 'tỉnh'
  if (saysCity !== unit.city) return issuer
  return `${body} ${unitWord} ${unit.name}`
}
