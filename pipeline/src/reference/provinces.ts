/**
 * Provinces in both systems: the 63 units of 2008-08-01 .. 2025-06-30 and the 34 units from 2025-07-01,
 * the lineage between them, and every alias spelling. Codes are GSO codes as strings ("01", "20").
 */
import { cached, columnsOf, readReferenceCsv } from './files.ts'
import { foldVietnamese, normalizeToneMarks } from './fold.ts'

export interface Province2008 {
  readonly code: string
  readonly name_vi: string
  readonly full_name_vi: string
  readonly slug: string
  readonly type: string
  readonly region_8: string
  readonly region_6: string
  readonly new_code_2025: string
  readonly new_name_2025: string
}

export interface Province2025 {
  readonly code: string
  readonly name_vi: string
  readonly full_name_vi: string
  readonly slug: string
  readonly type: string
  readonly merged_from_codes: ReadonlyArray<string>
  readonly unchanged: boolean
}

export interface LineageRow {
  readonly old_code: string
  readonly old_name: string
  readonly new_code: string
  readonly new_name: string
  readonly effective_on: string
  readonly is_centre: boolean
}

export interface ProvinceAlias {
  readonly alias: string
  readonly canonical_name_vi: string
  /** null for units that did not exist in 2008 (Hà Tây). */
  readonly code_2008: string | null
  readonly code_2025: string
  readonly alias_kind: string
}

export const provinces2008 = cached(
  (): ReadonlyArray<Province2008> =>
    readReferenceCsv('provinces-2008.csv', ['code', 'name_vi', 'new_code_2025']).map((r) =>
      columnsOf(r, [
        'code',
        'name_vi',
        'full_name_vi',
        'slug',
        'type',
        'region_8',
        'region_6',
        'new_code_2025',
        'new_name_2025',
      ])
    )
)

export const provinces2025 = cached(
  (): ReadonlyArray<Province2025> =>
    readReferenceCsv('provinces-2025.csv', ['code', 'name_vi', 'merged_from_codes']).map((r) => ({
      ...columnsOf(r, ['code', 'name_vi', 'full_name_vi', 'slug', 'type']),
      merged_from_codes: (r.merged_from_codes ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      unchanged: r.unchanged === 'yes',
    }))
)

export const provinceLineage = cached(
  (): ReadonlyArray<LineageRow> =>
    readReferenceCsv('province-lineage-2025.csv', ['old_code', 'new_code', 'effective_date']).map((r) => ({
      old_code: r.old_code!,
      old_name: r.old_name ?? '',
      new_code: r.new_code!,
      new_name: r.new_name ?? '',
      effective_on: r.effective_date!,
      is_centre: r.is_centre === 'yes',
    }))
)

export const provinceAliases = cached((): ReadonlyArray<ProvinceAlias> => {
  const rows: ProvinceAlias[] = readReferenceCsv('province-aliases.csv', [
    'alias',
    'code_2008',
    'code_2025',
  ]).map((r) => ({
    alias: r.alias!,
    canonical_name_vi: r.canonical_name_vi ?? r.alias!,
    code_2008: r.code_2008 ? r.code_2008 : null,
    code_2025: r.code_2025!,
    alias_kind: r.alias_kind ?? '',
  }))
  // The 2025 names are aliases too (they equal a 2008 name except for none today, but stay safe).
  const known = new Set(rows.map((r) => r.alias))
  for (const p of provinces2025()) {
    if (!known.has(p.name_vi)) {
      rows.push({
        alias: p.name_vi,
        canonical_name_vi: p.name_vi,
        code_2008: null,
        code_2025: p.code,
        alias_kind: 'name_2025',
      })
    }
  }
  return rows
})

const foldKey = (s: string): string =>
  foldVietnamese(normalizeToneMarks(s))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

const aliasIndex = cached(() => {
  const m = new Map<string, ProvinceAlias>()
  for (const a of provinceAliases()) if (!m.has(foldKey(a.alias))) m.set(foldKey(a.alias), a)
  return m
})

/** Resolve a province name in any spelling ("Thanh Hoá", "TP.HCM", "Kontum") or null. */
export function lookupProvince(name: string): ProvinceAlias | null {
  return aliasIndex().get(foldKey(name)) ?? null
}

const code2008To2025 = cached(() => new Map(provinces2008().map((p) => [p.code, p.new_code_2025])))

/** The 2025 unit a 2008 unit went into (Kon Tum 62 → 51), or null for an unknown code. */
export function toCode2025(code2008: string): string | null {
  return code2008To2025().get(code2008) ?? null
}

const names2025 = cached(() => new Map(provinces2025().map((p) => [p.code, p.name_vi])))
const names2008 = cached(() => new Map(provinces2008().map((p) => [p.code, p.name_vi])))

export function provinceName(code: string, system: '2008' | '2025'): string | null {
  return (system === '2008' ? names2008() : names2025()).get(code) ?? null
}
