/** Text helpers shared by the snapshot builder and the generator: slugs, numerals, dates, escaping. */

export const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

export const escapeXml = escapeHtml

/** ASCII slug as Vietnamese sites build them: diacritics stripped, đ → d, words joined by "-". */
export const slugify = (s: string, maxWords = 14): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replaceAll('đ', 'd')
    .replaceAll('Đ', 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, maxWords)
    .join('-')

/** Title-Case slug with diacritics stripped (kontum.gov.vn, cand.com.vn style). */
export const titleSlug = (s: string, maxWords = 14): string =>
  slugify(s, maxWords)
    .split('-')
    .map((w) => (w.length > 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('-')

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

export const toRoman = (n: number): string => {
  let out = ''
  let rest = n
  for (const [v, sym] of ROMAN) {
    while (rest >= v) {
      out += sym
      rest -= v
    }
  }
  return out
}

export const pad2 = (n: number): string => String(n).padStart(2, '0')

export interface Ymd {
  readonly y: number
  readonly m: number
  readonly d: number
}

export const parseYmd = (iso: string): Ymd | null => {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso)
  if (!m) return null
  return { y: Number(m[1]), m: Number(m[2]), d: m[3] ? Number(m[3]) : 0 }
}

export const isoDate = (d: Ymd): string => `${d.y}-${pad2(d.m)}-${pad2(d.d)}`

/** ISO 8601 with the Vietnam offset, the contract form of published_at. */
export const isoVn = (d: Ymd, hh: number, mm: number): string =>
  `${isoDate(d)}T${pad2(hh)}:${pad2(mm)}:00+07:00`

/** Day of week 0 = Sunday, computed in UTC so it never depends on the host timezone. */
export const weekday = (d: Ymd): number => new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()

/** "Thứ Ba" (ICU style) or "Thứ ba" (NukeViet style). */
export const weekdayVi = (d: Ymd, lowerSecond = false): string => {
  const names = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']
  const name = names[weekday(d)]!
  if (!lowerSecond) return name
  const [a, b] = name.split(' ')
  return `${a} ${b!.toLowerCase()}`
}

export const dmy = (d: Ymd, padded = true): string =>
  padded ? `${pad2(d.d)}/${pad2(d.m)}/${d.y}` : `${d.d}/${d.m}/${d.y}`

export const addDays = (d: Ymd, days: number): Ymd => {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d) + days * 86_400_000)
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() }
}

/** RFC 1123 date for HTTP headers and RSS, from an ISO string with offset. */
export const httpDate = (iso: string): string => new Date(iso).toUTCString()

export const paragraphsHtml = (paras: ReadonlyArray<string>): string =>
  paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
