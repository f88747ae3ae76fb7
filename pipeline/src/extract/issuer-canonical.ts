/**
 * The one canonical form of an issuer name (issue #11, session 7): what `thidua extract` prints and what
 * the scorer compares, on both sides, so "UBND tỉnh Vĩnh Long", "Ủy ban nhân dân Vĩnh Long" and "ỦY BAN
 * NHÂN DÂN TỈNH VĨNH LONG" read as one body. Abbreviations are spelled out, dashes and spaces unified, the
 * province written by its reference name, and a bare "… tỉnh" completed with the article's home province.
 * Idempotent: canonical(canonical(x)) = canonical(x).
 */
import { normalizeToneMarks } from '../reference/fold.ts'
import { lookupProvince, provinces2008, provinces2025 } from '../reference/provinces.ts'
import { cached } from '../reference/files.ts'

// Written short forms of issuer words, longest first where one contains another. Tokens only: each must
// stand alone ("UBND", not inside "UBNDT"); "&" and "." count as part of a token.
const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['UBMTTQVN', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
  ['UBMTTQ', 'Ủy ban Mặt trận Tổ quốc'],
  ['MTTQVN', 'Mặt trận Tổ quốc Việt Nam'],
  ['MTTQ', 'Mặt trận Tổ quốc'],
  ['UBND', 'Ủy ban nhân dân'],
  ['HĐND', 'Hội đồng nhân dân'],
  ['HĐTĐKT', 'Hội đồng Thi đua - Khen thưởng'],
  ['BTĐKT', 'Ban Thi đua - Khen thưởng'],
  ['TĐKT', 'Thi đua - Khen thưởng'],
  ['BTGTW', 'Ban Tuyên giáo Trung ương'],
  ['BTGTU', 'Ban Tuyên giáo Tỉnh ủy'],
  ['BCHTW', 'Ban Chấp hành Trung ương'],
  ['BCH', 'Ban Chấp hành'],
  ['BTV', 'Ban Thường vụ'],
  ['BCĐ', 'Ban Chỉ đạo'],
  ['TW', 'Trung ương'],
  ['TƯ', 'Trung ương'],
  ['LĐLĐ', 'Liên đoàn Lao động'],
  ['HLHPN', 'Hội Liên hiệp Phụ nữ'],
  ['LHPN', 'Liên hiệp Phụ nữ'],
  ['HCCB', 'Hội Cựu chiến binh'],
  ['GD&ĐT', 'Giáo dục và Đào tạo'],
  ['GDĐT', 'Giáo dục và Đào tạo'],
  ['NN&PTNT', 'Nông nghiệp và Phát triển nông thôn'],
  ['PTNT', 'Phát triển nông thôn'],
  ['LĐTBXH', 'Lao động - Thương binh và Xã hội'],
  ['LĐ-TB&XH', 'Lao động - Thương binh và Xã hội'],
  ['TT&TT', 'Thông tin và Truyền thông'],
  ['KH&ĐT', 'Kế hoạch và Đầu tư'],
  ['VHTTDL', 'Văn hóa, Thể thao và Du lịch'],
  ['TP.HCM', 'thành phố Hồ Chí Minh'],
  ['TPHCM', 'thành phố Hồ Chí Minh'],
  ['TP.', 'thành phố'],
  ['TP', 'thành phố'],
  ['Tp.', 'thành phố'],
]

const escapeDots = (s: string): string => s.replace(/\./g, '\\.')
const ABBREVIATION = new RegExp(
  `(?<![\\p{L}\\p{N}&])(${ABBREVIATIONS.map(([a]) => escapeDots(a)).join('|')})(?![\\p{L}\\p{N}&])`,
  'gu'
)
const EXPANSION = new Map(ABBREVIATIONS)

// Word-level variants of the same name: "Thi đua, khen thưởng", "Giáo dục - Đào tạo", "Uỷ ban".
const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Thi đua\s*[-,]?\s*[Kk]hen thưởng/gu, 'Thi đua - Khen thưởng'],
  [/Giáo dục\s*-\s*Đào tạo/gu, 'Giáo dục và Đào tạo'],
  [/[Ủủ]y ban [Nn]hân dân/gu, 'Ủy ban nhân dân'],
  [/[Hh]ội đồng [Nn]hân dân/gu, 'Hội đồng nhân dân'],
  [/thành phố\s*\.?\s*(?=\p{Lu})/gu, 'thành phố '],
]

const UNIT = /(tỉnh|[Tt]hành phố)\s+(\p{Lu}[\p{L}\s-]*)$/u
// A people's body named with its province alone ("Ủy ban nhân dân Vĩnh Long"): the unit word goes in.
const BARE_BODY = /(Ủy ban nhân dân|Hội đồng nhân dân)\s+(\p{Lu}[\p{L}\s-]*)$/u
const BARE_UNIT = /(?:^|\s)tỉnh$|(?:^|\s)thành phố$/u

const cityCodes = cached(() => {
  const s = new Set<string>()
  for (const p of provinces2008()) if (p.type !== 'tinh') s.add(`2008:${p.code}`)
  for (const p of provinces2025()) if (p.type !== 'tinh') s.add(`2025:${p.code}`)
  return s
})

/** "tỉnh" or "thành phố" for a province alias, by the unit's type. */
function unitWordOf(code2008: string | null, code2025: string): string {
  const key = code2008 !== null ? `2008:${code2008}` : `2025:${code2025}`
  return cityCodes().has(key) ? 'thành phố' : 'tỉnh'
}

/** The province's reference name for a trailing province, or null when `rest` names none. */
function provinceTail(rest: string): { name: string; unit: string } | null {
  const alias = lookupProvince(rest.trim())
  if (alias === null) return null
  return { name: alias.canonical_name_vi, unit: unitWordOf(alias.code_2008, alias.code_2025) }
}

// Where a name read after "tỉnh" may end: a space, or a capital glued to a small letter ("Kiên GiangQuyết").
const CUT = /\s|(?<=\p{Ll})(?=\p{Lu})/gu

/**
 * The province that starts `rest` ("Kiên GiangQuy" → Kiên Giang, a line joined without its space), the
 * longest that resolves; null when no prefix names a province ("Phê" of "tỉnh Phê duyệt …").
 */
function provincePrefix(rest: string): { name: string; unit: string; after: string } | null {
  const cuts = [...rest.matchAll(CUT)].map((m) => m.index).concat(rest.length)
  for (let k = cuts.length - 1; k >= 0; k--) {
    const p = provinceTail(rest.slice(0, cuts[k]))
    // Words after a space stay ("… tỉnh Tiền Giang khóa X"); a glued capital run is the next line's.
    if (p !== null) return { ...p, after: /^\s/u.test(rest.slice(cuts[k])) ? rest.slice(cuts[k]) : '' }
  }
  return null
}

/**
 * The canonical issuer: `home` is the article's home province name (the text's dominant province, else its
 * source's), used only to complete a name ending in a bare unit word ("Ủy ban nhân dân tỉnh").
 */
export function canonicalIssuer(issuer: string, home: string | null = null): string {
  // The same few bodies recur in every article: remember their forms (bounded, cleared when full).
  const key = `${home ?? ''}\u0000${issuer}`
  const hit = memo.get(key)
  if (hit !== undefined) return hit
  if (memo.size >= MEMO_MAX) memo.clear()
  const out = canonicalOf(issuer, home)
  memo.set(key, out)
  return out
}

const MEMO_MAX = 4096
const memo = new Map<string, string>()

function canonicalOf(issuer: string, home: string | null): string {
  let s = normalizeToneMarks(issuer)
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
  s = s.replace(ABBREVIATION, (a) => EXPANSION.get(a) ?? a)
  for (const [re, to] of VARIANTS) s = s.replace(re, to)
  s = s
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim()
  const unit = UNIT.exec(s)
  if (unit !== null) {
    const p = provincePrefix(unit[2]!)
    // After "tỉnh" only a province can follow: words that name none are text read past the name's end.
    if (p !== null) s = `${s.slice(0, unit.index)}${p.unit} ${p.name}${p.after}`
    else if (unit[1] === 'tỉnh') s = s.slice(0, unit.index + unit[1].length)
  } else {
    const bare = BARE_BODY.exec(s)
    const p = bare === null ? null : provinceTail(bare[2]!)
    if (bare !== null && p !== null) s = `${s.slice(0, bare.index)}${bare[1]} ${p.unit} ${p.name}`
  }
  if (home !== null && BARE_UNIT.test(s)) {
    const p = provinceTail(home)
    if (p !== null && s.endsWith(p.unit)) s = `${s} ${p.name}`
  }
  return s
}
