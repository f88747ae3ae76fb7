/**
 * Dates at their own precision. The warehouse keeps a time as a window (start, end): "năm 2025" is
 * 2025-01-01…2025-12-31, "tháng 8/2025" the whole of August. Showing the start alone would invent a
 * day; this names the window as the text did (a year, a quarter, a month, a day or a range).
 */
import type { Lang } from './i18n.tsx'

export type Precision = 'day' | 'month' | 'quarter' | 'year' | 'range'

const parse = (s: string): [number, number, number] | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null
}
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

export const precisionOf = (start: string | null, end: string | null): Precision | null => {
  const a = start ? parse(start) : null
  if (!a) return null
  const b = end ? parse(end) : null
  if (!b || (b[0] === a[0] && b[1] === a[1] && b[2] === a[2])) return 'day'
  const [y, m, d] = a
  const [y2, m2, d2] = b
  if (y !== y2 || d !== 1 || d2 !== lastDay(y2, m2)) return 'range'
  if (m === 1 && m2 === 12) return 'year'
  if (m === m2) return 'month'
  if ((m - 1) % 3 === 0 && m2 === m + 2) return 'quarter'
  return 'range'
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const ROMAN = ['I', 'II', 'III', 'IV']

const day = (lang: Lang, [y, m, d]: [number, number, number]) =>
  lang === 'vi' ? `${d}/${m}/${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`

/** "2025", "8/2025", "quý III/2025", "12/6/2024", "1/3/2025 – 30/6/2025" (English alike); "—" for none. */
export const fmtWindow = (lang: Lang, start: string | null, end: string | null = null): string => {
  const p = precisionOf(start, end)
  const a = start ? parse(start) : null
  if (!p || !a) return '—'
  const [y, m] = a
  switch (p) {
    case 'day':
      return day(lang, a)
    case 'year':
      return String(y)
    case 'month':
      return lang === 'vi' ? `${m}/${y}` : `${MONTHS_EN[m - 1]} ${y}`
    case 'quarter':
      return lang === 'vi' ? `quý ${ROMAN[(m - 1) / 3]}/${y}` : `Q${(m - 1) / 3 + 1} ${y}`
    default: {
      const b = end ? parse(end) : null
      return b ? `${day(lang, a)} – ${day(lang, b)}` : day(lang, a)
    }
  }
}

/** A date stored with its precision beside it (`launched_on` + `launched_on_precision`). */
export const fmtAtPrecision = (lang: Lang, date: string | null, precision: string | null): string => {
  const a = date ? parse(date) : null
  if (!a) return '—'
  const [y, m] = a
  if (precision === 'year') return String(y)
  if (precision === 'month') return lang === 'vi' ? `${m}/${y}` : `${MONTHS_EN[m - 1]} ${y}`
  return day(lang, a)
}
