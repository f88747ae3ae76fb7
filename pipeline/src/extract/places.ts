/**
 * Province gazetteer matching: every alias of province-aliases.csv (both systems), matched
 * case-sensitively on tone-normalized text ("Hòa Bình" the province, not "hòa bình" = peace).
 */
import type { PlaceMention } from '../domain/extraction.ts'
import { normalizeToneMarks } from '../reference/fold.ts'
import { cached } from '../reference/files.ts'
import { type ProvinceAlias, provinceAliases } from '../reference/provinces.ts'
import { matchAll } from './spans.ts'

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const gazetteer = cached(() => {
  const byAlias = new Map<string, ProvinceAlias>()
  for (const a of provinceAliases()) {
    const key = normalizeToneMarks(a.alias)
    if (!byAlias.has(key)) byAlias.set(key, a)
  }
  const keys = [...byAlias.keys()].sort((a, b) => b.length - a.length)
  // Flexible spaces and dashes inside an alias ("Bà Rịa -  Vũng Tàu"); no letter or digit may touch it.
  const alternation = keys.map((k) => escapeRegex(k).replace(/ /g, '\\s+')).join('|')
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu')
  const lookup = new Map<string, ProvinceAlias>()
  for (const [k, v] of byAlias) lookup.set(k.replace(/\s+/g, ' '), v)
  return { re, sticky: new RegExp(re.source, 'uy'), lookup }
})

/** Resolve one matched alias surface (tone-normalized, spaces collapsed). */
export function aliasFor(surface: string): ProvinceAlias | null {
  return gazetteer().lookup.get(normalizeToneMarks(surface).replace(/\s+/g, ' ')) ?? null
}

/** All province mentions of an NFC text; `toned` is the text after normalizeToneMarks (same length). */
// Every alias starts with a letter at a word start: try the anchored gazetteer only there.
const WORD_START = /(?<![\p{L}\p{N}])[\p{L}]/gu

export function extractPlaces(toned: string, original: string): PlaceMention[] {
  const { sticky } = gazetteer()
  const out: PlaceMention[] = []
  for (const w of matchAll(WORD_START, toned)) {
    sticky.lastIndex = w.index
    const m = sticky.exec(toned)
    if (!m) continue
    const a = aliasFor(m[0])
    if (!a) continue
    const end = w.index + m[0].length
    out.push({
      surface: original.slice(w.index, end),
      code_2008: a.code_2008,
      code_2025: a.code_2025,
      start: w.index,
      end,
    })
    WORD_START.lastIndex = end
  }
  return out
}

/** An alias that starts exactly at `pos` in the tone-normalized text, if any. */
export function aliasAt(toned: string, pos: number): { alias: ProvinceAlias; end: number } | null {
  const { sticky } = gazetteer()
  sticky.lastIndex = pos
  const m = sticky.exec(toned)
  if (!m) return null
  const a = aliasFor(m[0])
  return a ? { alias: a, end: pos + m[0].length } : null
}

/**
 * The province a text is about when it names one province more often than any other (2025 code), for
 * events written as "toàn tỉnh" or "cấp tỉnh" without a name.
 */
export function dominantProvince(places: ReadonlyArray<PlaceMention>): string | null {
  const counts = new Map<string, number>()
  for (const p of places) if (p.code_2025) counts.set(p.code_2025, (counts.get(p.code_2025) ?? 0) + 1)
  let best: string | null = null
  let bestN = 0
  let tie = false
  for (const [code, n] of counts) {
    if (n > bestN) {
      best = code
      bestN = n
      tie = false
    } else if (n === bestN) tie = true
  }
  return tie ? null : best
}
