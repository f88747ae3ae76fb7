/** Calendar helpers for the extractor: validated ISO days, month ends, years inferred from a publication date. */

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** "YYYY-MM-DD" when the parts form a real date in 1800..2100, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  // From 1800: anniversaries reach back to 1890 (President Hồ Chí Minh's birth).
  if (!Number.isInteger(year) || year < 1800 || year > 2100) return null
  if (!Number.isInteger(month) || month < 1 || month > 12) return null
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null
  return `${year}-${pad2(month)}-${pad2(day)}`
}

export const monthStart = (year: number, month: number): string => `${year}-${pad2(month)}-01`
export const monthEnd = (year: number, month: number): string =>
  `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`

export const isYear = (y: number): boolean => Number.isInteger(y) && y >= 1900 && y <= 2100

/** Publication date as a UTC timestamp (accepts "YYYY-MM-DD", "YYYY-MM", full ISO), or null. */
export function parsePublished(published: string | null | undefined): { year: number; time: number } | null {
  if (!published) return null
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published)
  if (!m) return null
  const year = Number(m[1])
  if (!isYear(year)) return null
  const month = m[2] ? Number(m[2]) : 7
  const day = m[3] ? Number(m[3]) : 1
  const time = Date.UTC(year, Math.min(Math.max(month, 1), 12) - 1, Math.min(Math.max(day, 1), 31))
  return Number.isNaN(time) ? null : { year, time }
}

const HALF_YEAR_MS = 183 * 86_400_000

/**
 * The year of a day written without one ("Chiều 5/3"): the publication year, moved by one when that
 * would put the day more than half a year away from publication (an early-January article about 26/12).
 */
export function inferYear(
  month: number,
  day: number,
  pub: { year: number; time: number } | null
): number | null {
  if (!pub) return null
  const t = Date.UTC(pub.year, month - 1, day)
  if (t - pub.time > HALF_YEAR_MS) return pub.year - 1
  if (pub.time - t > HALF_YEAR_MS) return pub.year + 1
  return pub.year
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 }

/** Roman numeral (I..L) → number, or null when it is not a well-formed small numeral. */
export function romanToInt(s: string): number | null {
  const u = s.toUpperCase()
  if (!/^(XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(u) || u === '') return null
  let total = 0
  for (let i = 0; i < u.length; i++) {
    const v = ROMAN[u[i]!]!
    const next = ROMAN[u[i + 1] ?? ''] ?? 0
    total += v < next ? -v : v
  }
  return total
}

const WORD_ORDINALS: Record<string, number> = {
  nhất: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
}

/** "VI", "6", "nhất", "mười một" → number; null when unknown. */
export function parseOrdinal(token: string): number | null {
  const t = token.trim()
  if (/^\d{1,3}$/.test(t)) return Number(t)
  const r = romanToInt(t)
  if (r !== null) return r
  const lower = t.toLowerCase()
  if (lower.startsWith('mười ')) {
    const rest = WORD_ORDINALS[lower.slice(5)]
    return rest !== undefined && rest < 10 ? 10 + (rest === 4 && lower.endsWith('tư') ? 4 : rest) : null
  }
  return WORD_ORDINALS[lower] ?? null
}
