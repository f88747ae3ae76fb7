/**
 * The `province` of a `thidua extract` input line (issue #11): a GSO code or a name, in either unit
 * system, resolved to the 2008 code the extractor takes as the article's own province (the way a
 * source's province reaches it). A 2025 unit stands for its centre, the 2008 unit whose code it kept.
 */
import { lookupProvince, provinceLineage, provinces2008 } from '../reference/provinces.ts'

const centreOf = (code2025: string): string | null =>
  provinceLineage().find((r) => r.new_code === code2025 && r.is_centre)?.old_code ?? null

/** The 2008 code for `value` ("20", "7", "Lạng Sơn", "TP.HCM", a 2025 name), or null if unknown. */
export const resolveProvince = (value: string): string | null => {
  const v = value.trim()
  if (/^\d{1,2}$/.test(v)) {
    const code = v.padStart(2, '0')
    // 2025 codes are their centres' 2008 codes, so a code means the same 2008 unit in either system.
    if (provinces2008().some((p) => p.code === code)) return code
    return centreOf(code)
  }
  const alias = lookupProvince(v)
  if (alias === null) return null
  return alias.code_2008 ?? centreOf(alias.code_2025)
}
