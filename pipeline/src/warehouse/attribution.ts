/**
 * Attributes an article (and its events and documents) to a province in both unit systems: the 63
 * units valid until 2025-06-30 ("2008" codes) and the 34 since 2025-07-01 ("2025" codes). Sources
 * configured for a province give the 2025 unit; names in the text pick the old unit inside it, so an
 * article after the merger about Kon Tum keeps 2008 code 62 while counting for Quảng Ngãi (51).
 * Pure: the lineage table comes in as data; names are found by the extractor's gazetteer.
 */
import { findPlaces } from '../extract/places.ts'

export interface ProvinceIndex {
  /** 2008 code → 2025 code. */
  readonly lineage: ReadonlyMap<string, string>
}

export interface ProvinceCodes {
  readonly code_2008: string | null
  readonly code_2025: string | null
}

export interface Attribution extends ProvinceCodes {
  readonly basis: 'source' | 'source+text' | 'text' | 'none'
}

export const buildProvinceIndex = (
  lineage: ReadonlyArray<{ old_code: string; new_code: string }>
): ProvinceIndex => ({ lineage: new Map(lineage.map((l) => [l.old_code, l.new_code])) })

export interface PlaceHit extends ProvinceCodes {
  readonly surface: string
  readonly start: number
  readonly end: number
}

/**
 * Every province name in the text. One matcher for the product: the extractor's gazetteer, with its
 * exclusions ("tư tưởng Hồ Chí Minh" and "Đoàn TNCS Hồ Chí Minh" are no place; "Hòa Bình" the province
 * is, "hòa bình" peace is not).
 */
export const findProvinceNames = (text: string): PlaceHit[] =>
  findPlaces(text).map((p) => ({
    surface: p.surface,
    start: p.start,
    end: p.end,
    code_2008: p.code_2008,
    code_2025: p.code_2025,
  }))

/** Fills a missing 2025 code from the 2008 code through the lineage. */
export const completeCodes = (index: ProvinceIndex, c: ProvinceCodes): ProvinceCodes => ({
  code_2008: c.code_2008,
  code_2025: c.code_2025 ?? (c.code_2008 ? (index.lineage.get(c.code_2008) ?? null) : null),
})

export interface WeightedPlace extends ProvinceCodes {
  readonly weight: number
  readonly order: number
}

/** Best-supported province among weighted place hits (ties: earliest in the text). */
const bestPlace = (places: ReadonlyArray<WeightedPlace>): WeightedPlace | null => {
  const score = new Map<string, { w: number; order: number; p: WeightedPlace }>()
  for (const p of places) {
    const key = `${p.code_2008 ?? ''}|${p.code_2025 ?? ''}`
    const cur = score.get(key)
    if (cur) cur.w += p.weight
    else score.set(key, { w: p.weight, order: p.order, p })
  }
  let best: { w: number; order: number; p: WeightedPlace } | null = null
  for (const s of score.values())
    if (!best || s.w > best.w || (s.w === best.w && s.order < best.order)) best = s
  return best?.p ?? null
}

export const attributeArticle = (
  index: ProvinceIndex,
  source: ProvinceCodes | null,
  places: ReadonlyArray<WeightedPlace>,
  /** Published on/after 2025-07-01 (or undated): a merged source may write about any of its old units. */
  afterMerger = true
): Attribution => {
  const src = source ? completeCodes(index, source) : null
  const completed = places.map((p) => ({ ...p, ...completeCodes(index, p) }))
  if (src?.code_2025) {
    if (!afterMerger) return { code_2008: src.code_2008, code_2025: src.code_2025, basis: 'source' }
    // Old units named in the text that lie inside the source's (new) province refine the 2008 code.
    const inside = completed.filter((p) => p.code_2008 !== null && p.code_2025 === src.code_2025)
    const best = bestPlace(inside)
    if (best?.code_2008 && best.code_2008 !== src.code_2008)
      return { code_2008: best.code_2008, code_2025: src.code_2025, basis: 'source+text' }
    return { code_2008: src.code_2008, code_2025: src.code_2025, basis: 'source' }
  }
  const best = bestPlace(completed.filter((p) => p.code_2025 !== null || p.code_2008 !== null))
  if (best) return { code_2008: best.code_2008, code_2025: best.code_2025, basis: 'text' }
  return { code_2008: null, code_2025: null, basis: 'none' }
}
