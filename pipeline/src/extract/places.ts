/**
 * Province gazetteer matching: every alias of province-aliases.csv (both systems), matched
 * case-sensitively on tone-normalized text ("Hòa Bình" the province, not "hòa bình" = peace).
 */
import type { PlaceMention } from '../domain/extraction.ts'
import { normalizeToneMarks } from '../reference/fold.ts'
import { cached } from '../reference/files.ts'
import { type ProvinceAlias, provinceAliases, provinceName, toCode2025 } from '../reference/provinces.ts'

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const LETTER_RUN = /\p{L}+/uy
const IS_LETTER = /^\p{L}$/u
const IS_LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u

// Character classes of the BMP's first 8K code units (Latin and Vietnamese): 1 = letter, 2 = number.
const CLASS_TABLE = (() => {
  const t = new Uint8Array(0x2000)
  for (let c = 0; c < t.length; c++) {
    const ch = String.fromCharCode(c)
    t[c] = IS_LETTER.test(ch) ? 1 : IS_LETTER_OR_NUMBER.test(ch) ? 2 : 0
  }
  return t
})()

/** 1 letter, 2 number, 0 other, for the code point `cp`. */
const classOf = (cp: number): number =>
  cp < 0
    ? 0
    : cp < 0x2000
      ? CLASS_TABLE[cp]!
      : IS_LETTER.test(String.fromCodePoint(cp))
        ? 1
        : IS_LETTER_OR_NUMBER.test(String.fromCodePoint(cp))
          ? 2
          : 0

/** The code point that starts at `i` (a lone surrogate stands for itself). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000
  }
  return c
}

/** The code point that ends just before `i`, or -1 at the start. */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1
  const d = text.charCodeAt(i - 1)
  if (d >= 0xdc00 && d <= 0xdfff && i >= 2) {
    const c = text.charCodeAt(i - 2)
    if (c >= 0xd800 && c <= 0xdbff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000
  }
  return d
}

/** End of the run of letters that starts at `i`. */
function letterRunEnd(text: string, i: number): number {
  let j = i
  while (j < text.length) {
    const cp = codePointAt(text, j)
    if (classOf(cp) !== 1) break
    j += cp > 0xffff ? 2 : 1
  }
  return j
}

/**
 * Every alias of province-aliases.csv as one ordered list (longest first, as one alternation would try
 * them), grouped by its first word: at a word start only the aliases sharing that word can match, so
 * the text is read once and each word costs a map lookup instead of a scan of the whole alternation.
 */
const gazetteer = cached(() => {
  const byAlias = new Map<string, ProvinceAlias>()
  for (const a of provinceAliases()) {
    const key = normalizeToneMarks(a.alias)
    if (!byAlias.has(key)) byAlias.set(key, a)
  }
  const keys = [...byAlias.keys()].sort((a, b) => b.length - a.length)
  // Flexible spaces and dashes inside an alias ("Bà Rịa -  Vũng Tàu"); no letter or digit may touch it.
  const alternative = (k: string) => escapeRegex(k).replace(/ /g, '\\s+')
  const groups = new Map<string, string[]>()
  // First code units of all aliases: most words start with another letter and are skipped at once.
  const firstUnits = new Set(keys.map((k) => k.charCodeAt(0)))
  // Jumps straight to the next character that may start an alias; word starts are checked there.
  const firstUnitScan = new RegExp(
    `[${[...firstUnits].map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('')}]`,
    'g'
  )
  let allStartWithLetter = true
  for (const k of keys) {
    LETTER_RUN.lastIndex = 0
    const first = LETTER_RUN.exec(k)
    if (!first) {
      allStartWithLetter = false
      continue
    }
    const list = groups.get(first[0]) ?? []
    list.push(`${alternative(k)}(?![\\p{L}\\p{N}])`)
    groups.set(first[0], list)
  }
  // One sticky alternation per first word, its aliases in the same longest-first order: the first that
  // matches wins, as a loop over one regex per alias would find, but in one exec ("Thành phố …" has dozens).
  const byFirstWord = new Map<string, RegExp>()
  for (const [word, alts] of groups) byFirstWord.set(word, new RegExp(`(?:${alts.join('|')})`, 'uy'))
  // The general form, kept for an alias list with a key that does not start with a letter.
  const sticky = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${keys.map(alternative).join('|')})(?![\\p{L}\\p{N}])`,
    'uy'
  )
  const lookup = new Map<string, ProvinceAlias>()
  for (const [k, v] of byAlias) lookup.set(k.replace(/\s+/g, ' '), v)
  return { byFirstWord, firstUnits, firstUnitScan, allStartWithLetter, sticky, lookup }
})

/** Resolve one matched alias surface (tone-normalized, spaces collapsed). */
export function aliasFor(surface: string): ProvinceAlias | null {
  return gazetteer().lookup.get(normalizeToneMarks(surface).replace(/\s+/g, ' ')) ?? null
}

/** The alias text matched at `pos` (a word start whose word ends at `wordEnd`), or null. */
function matchAt(toned: string, pos: number, wordEnd: number): string | null {
  const g = gazetteer()
  if (!g.allStartWithLetter) {
    g.sticky.lastIndex = pos
    return g.sticky.exec(toned)?.[0] ?? null
  }
  const re = g.byFirstWord.get(toned.slice(pos, wordEnd))
  if (!re) return null
  re.lastIndex = pos
  return re.exec(toned)?.[0] ?? null
}

// A bare "Hồ Chí Minh" names the person, or a body or thing named after him, far more often than the
// city, which articles write "TP.HCM", "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh" (longer aliases, matched
// first). It counts as the city only when none of these words comes right before it.
const NAMED_AFTER_HO_CHI_MINH = [
  // The person: "tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Chủ tịch Hồ Chí Minh", "Bác Hồ Chí Minh".
  '[Tt]ư tưởng',
  '[Đđ]ạo đức',
  '[Pp]hong cách',
  '[Tt]ác phong',
  '[Cc]hủ tịch',
  '[Bb]ác',
  '[Tt]ấm gương',
  '[Ll]ăng',
  '[Dd]i chúc',
  '[Dd]i sản',
  'Hồ Chủ tịch',
  '[Ll]ãnh tụ',
  'Nguyễn Ái Quốc\\s*[-–]',
  // Bodies and things named after him: "Đoàn TNCS Hồ Chí Minh", "Đội TNTP Hồ Chí Minh", "Học viện Chính
  // trị quốc gia Hồ Chí Minh", "Giải thưởng Hồ Chí Minh", "đường Hồ Chí Minh", "Chiến dịch Hồ Chí Minh".
  'TNCS',
  'TNTP',
  '[Cc]ộng sản',
  '[Tt]iền phong',
  'Đoàn',
  'Đội',
  '[Cc]hính trị [Qq]uốc gia',
  '[Hh]ọc viện',
  '[Bb]ảo tàng',
  '[Gg]iải thưởng',
  '[Hh]uân chương',
  '[Hh]uy hiệu',
  '[Đđ]ường(?: mòn)?',
  '[Cc]hiến dịch',
  '[Dd]i tích',
  '[Qq]uảng trường',
  '[Tt]ượng đài',
  '[Nn]hà tưởng niệm',
  // The same cues written without diacritics.
  '[Tt]u tuong',
  '[Dd]ao duc',
  '[Pp]hong cach',
  '[Cc]hu tich',
  'Bac',
  '[Hh]oc vien',
]
const PERSON_CUE = new RegExp(`(?<![\\p{L}])(?:${NAMED_AFTER_HO_CHI_MINH.join('|')})[\\s,]*$`, 'u')
// "Hồ Chí Minh toàn tập" (his collected works).
const PERSON_AFTER = /^\s+(?:toàn tập|vĩ đại|kính yêu)(?![\p{L}])/u

// A province name that is only the start of another proper name: "Thái Bình Dương" (the Pacific),
// "Sài Gòn Giải Phóng" (a newspaper).
const LONGER_NAME_AFTER: ReadonlyMap<string, RegExp> = new Map([
  ['Thái Bình', /^\s+Dương(?![\p{L}])/u],
  ['Thai Binh', /^\s+Duong(?![\p{L}])/u],
  ['Sài Gòn', /^\s+[Gg]iải [Pp]hóng(?![\p{L}])/u],
])

/** The person "Hồ Chí Minh" (or a body named after him) rather than the city, at `start`..`end`. */
export function isPersonHoChiMinh(toned: string, start: number, surface: string): boolean {
  const name = surface.replace(/\s+/g, ' ')
  if (name !== 'Hồ Chí Minh' && name !== 'Ho Chi Minh') return false
  if (PERSON_CUE.test(toned.slice(Math.max(0, start - 40), start))) return true
  const end = start + surface.length
  return PERSON_AFTER.test(toned.slice(end, end + 16))
}

/** A matched alias that names no province here: the person Hồ Chí Minh, "Thái Bình Dương"... */
export function isNotAPlace(toned: string, start: number, surface: string): boolean {
  if (isPersonHoChiMinh(toned, start, surface)) return true
  const longer = LONGER_NAME_AFTER.get(surface.replace(/\s+/g, ' '))
  const end = start + surface.length
  return longer?.test(toned.slice(end, end + 16)) ?? false
}

const isWordStart = (text: string, pos: number): boolean =>
  classOf(codePointAt(text, pos)) === 1 && classOf(codePointBefore(text, pos)) === 0

/** All province mentions of an NFC text; `toned` is the text after normalizeToneMarks (same length). */
export function extractPlaces(toned: string, original: string): PlaceMention[] {
  const { firstUnitScan, allStartWithLetter } = gazetteer()
  const out: PlaceMention[] = []
  let i = 0
  while (i < toned.length) {
    if (allStartWithLetter) {
      // Skip to the next unit an alias can start with (a lone surrogate half never starts one).
      firstUnitScan.lastIndex = i
      const next = firstUnitScan.exec(toned)
      if (!next) break
      i = next.index
    }
    if (!isWordStart(toned, i)) {
      i += codePointAt(toned, i) > 0xffff ? 2 : 1
      continue
    }
    const wordEnd = letterRunEnd(toned, i)
    const surface = matchAt(toned, i, wordEnd)
    const a = surface === null ? null : aliasFor(surface)
    if (surface === null || !a) {
      i = wordEnd
      continue
    }
    const end = i + surface.length
    if (isNotAPlace(toned, i, surface)) {
      i = end
      continue
    }
    out.push({
      surface: original.slice(i, end),
      code_2008: a.code_2008,
      code_2025: a.code_2025,
      start: i,
      end,
    })
    i = end
  }
  return out
}

/**
 * Province mentions of any text (a title, a lead, an issuer such as "UBND tỉnh Lạng Sơn"): the same
 * matcher as extract(), so the warehouse and the extractor agree on what names a province.
 */
export function findPlaces(text: string): PlaceMention[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const nfc = text.normalize('NFC')
  const toned = normalizeToneMarks(nfc)
  return extractPlaces(toned.length === nfc.length ? toned : nfc, nfc)
}

/** An alias that starts exactly at `pos` in the tone-normalized text, if any. */
export function aliasAt(toned: string, pos: number): { alias: ProvinceAlias; end: number } | null {
  if (pos >= toned.length || !isWordStart(toned, pos)) {
    if (gazetteer().allStartWithLetter) return null
  }
  const surface = matchAt(toned, pos, letterRunEnd(toned, pos))
  if (surface === null) return null
  const a = aliasFor(surface)
  return a ? { alias: a, end: pos + surface.length } : null
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

/**
 * The article's home province: the one the text names most (2025 code, with the pre-2025 unit the text
 * names for it, "Kon Tum" now in Quảng Ngãi), else its source's (`province`, a 2008 code).
 */
export function homeProvince(
  places: ReadonlyArray<PlaceMention>,
  province: string | null
): { readonly home: string | null; readonly home2008: string | null } {
  const dominant = dominantProvince(places)
  const named2008 = places.find((p) => p.code_2025 === dominant && p.code_2008 !== null)?.code_2008 ?? null
  const home2008 = dominant !== null ? named2008 : province
  return { home: dominant ?? (home2008 !== null ? toCode2025(home2008) : null), home2008 }
}

/** The home province's name (its pre-2025 name when the text or the source gives one), or null. */
export function homeProvinceName(
  places: ReadonlyArray<PlaceMention>,
  province: string | null
): string | null {
  const { home, home2008 } = homeProvince(places, province)
  if (home2008 !== null) return provinceName(home2008, '2008')
  return home !== null ? provinceName(home, '2025') : null
}
