/**
 * Time expressions → inclusive ISO intervals with a granularity. Patterns run from the most specific
 * (ranges) to the least (a bare "năm 2025"); each claims its span so a weaker one cannot re-read it.
 */
import type { Granularity, TimeMention } from '../domain/extraction.ts'
import { inferYear, isoDay, isYear, monthEnd, monthStart, parsePublished, romanToInt } from './dates.ts'
import { Claims, matchAll } from './spans.ts'

type Pub = (ReturnType<typeof parsePublished> & { readonly fullDay?: boolean }) | null
type Make = (m: RegExpExecArray, pub: Pub) => { start: string; end: string; granularity: Granularity } | null

// No digit, slash or letter may touch a number on either side ("91/2017/NĐ-CP" is not a date).
const L = '(?<![\\p{L}\\p{N}/.])'
const R = '(?![\\p{N}/])'
// "từ ngày 1/3 đến hết ngày 30/6/2025" is one interval (issue #11).
const DASH = '\\s*(?:-|–|—|(?:đến|tới)(?:\\s+hết)?)\\s*'
// "Tối nay, 23.3": "nay" and a comma may stand between the prefix and the day.
const DAY_PREFIX = '(?:(?:từ\\s+)?(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)\\s+(?:nay\\s*,?\\s*)?)'

const num = (s: string | undefined): number => (s === undefined ? Number.NaN : Number(s))

const day = (y: number, m: number, d: number) => {
  const iso = isoDay(y, m, d)
  return iso ? { start: iso, end: iso, granularity: 'day' as const } : null
}

// "06/10/2024 - 06/10/2024" (a page's own date range of one day) is that day.
const range = (a: string | null, b: string | null) =>
  a && b && a <= b ? { start: a, end: b, granularity: a === b ? ('day' as const) : ('range' as const) } : null

const yearOr = (y: string | undefined, month: number, d: number, pub: Pub): number | null =>
  y !== undefined ? num(y) : inferYear(month, d, pub)

const QUARTER = '(I{1,3}|IV|[1-4])'

// [pattern, value, words before the match that belong to its surface]
const PATTERNS: ReadonlyArray<readonly [RegExp, Make, RegExp?]> = [
  // từ ngày 20/4 - 25/4/2020 ; 11/6/1948 - 11/6/2018 ; từ ngày 20/4 đến 25/4
  [
    new RegExp(
      `${L}(?:từ\\s+)?(?:ngày\\s+)?(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}))?${DASH}(?:ngày\\s+)?(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}))?${R}`,
      'giu'
    ),
    (m, pub) => {
      const [d1, m1, d2, m2] = [num(m[1]), num(m[2]), num(m[4]), num(m[5])]
      const y2 = yearOr(m[6], m2, d2, pub)
      if (y2 === null) return null
      const y1 = m[3] !== undefined ? num(m[3]) : m1 > m2 ? y2 - 1 : y2
      return range(isoDay(y1, m1, d1), isoDay(y2, m2, d2))
    },
  ],
  // 19-8-1945 - 19-8-2020 ; 28.7.1929 - 28.7.2014 (an anniversary written with hyphens or dots, issue #11)
  [
    new RegExp(
      `${L}(\\d{1,2})([-.])(\\d{1,2})\\2(\\d{4})\\s*[-–—]\\s*(\\d{1,2})\\2(\\d{1,2})\\2(\\d{4})${R}`,
      'gu'
    ),
    (m) => range(isoDay(num(m[4]), num(m[3]), num(m[1])), isoDay(num(m[7]), num(m[6]), num(m[5]))),
  ],
  // (từ) ngày 5 đến 10/9/1960 ; ngày 26-27/12/2025 ; từ 7 đến 14/9/2015 (without "ngày" only with a year);
  // also "từ ngày 8 đến ngày 11.9.2010", "các ngày 27 và 28-12-2010", "2 ngày (28 và 29/9/2023)" (issue #11)
  [
    new RegExp(
      `${L}(?:(?:từ\\s+)?ngày\\s*\\(?|từ\\s+(?=\\d{1,2}${DASH}\\d{1,2}\\/\\d{1,2}\\/\\d{4}))(\\d{1,2})${DASH.replace('đến|tới', 'đến|tới|và')}(?:ngày\\s+)?(\\d{1,2})\\s?[/.-]\\s?(\\d{1,2})(?:[/.-](\\d{4}))?${R}`,
      'giu'
    ),
    (m, pub) => {
      const [d1, d2, mo] = [num(m[1]), num(m[2]), num(m[3])]
      const y = yearOr(m[4], mo, d2, pub)
      return y === null ? null : range(isoDay(y, mo, d1), isoDay(y, mo, d2))
    },
  ],
  // "từ ngày 21 đến ngày 24 tháng 11 năm 2000", "ngày 29 và 30 tháng 8 năm 2025": the month in words (session 6)
  [
    new RegExp(
      `${L}(?:từ\\s+(?:ngày\\s+)?|ngày\\s+)(\\d{1,2})${DASH.replace('đến|tới', 'đến|tới|và')}(?:ngày\\s+)?(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*(?:,\\s*(?:năm\\s*)?|năm\\s*)(\\d{4})${R}`,
      'giu'
    ),
    (m) => {
      const [d1, d2, mo, y] = [num(m[1]), num(m[2]), num(m[3]), num(m[4])]
      return range(isoDay(y, mo, d1), isoDay(y, mo, d2))
    },
  ],
  // từ tháng 3 đến tháng 6 năm 2020 ; từ tháng 3/2020 đến tháng 6/2020
  [
    new RegExp(
      `(?<!\\p{L})từ\\s+tháng\\s+(\\d{1,2})(?:(?:\\s*\\/\\s*|\\s+năm\\s+)(\\d{4}))?${DASH}tháng\\s+(\\d{1,2})(?:\\s*\\/\\s*|\\s+năm\\s+)(\\d{4})${R}`,
      'giu'
    ),
    (m) => {
      const [m1, m2, y2] = [num(m[1]), num(m[3]), num(m[4])]
      const y1 = m[2] !== undefined ? num(m[2]) : m1 > m2 ? y2 - 1 : y2
      if (!isYear(y1) || !isYear(y2) || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return null
      return range(monthStart(y1, m1), monthEnd(y2, m2))
    },
  ],
  // ngày 15 tháng 10 năm 2019
  [
    // Also glued, as portals write it: "30 tháng11 năm 2011" (issue #11).
    // "15 Tháng 9, 2025" (a page's date line) has a comma for "năm".
    new RegExp(`${L}(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*(?:,\\s*(?:năm\\s*)?|năm\\s*)(\\d{4})${R}`, 'giu'),
    (m) => day(num(m[3]), num(m[2]), num(m[1])),
  ],
  // "ngày22 tháng 7 năm 2010": the day glued to "ngày".
  [
    new RegExp(`(?<!\\p{L})[Nn]gày(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4})${R}`, 'gu'),
    (m) => day(num(m[3]), num(m[2]), num(m[1])),
  ],
  // 10/6/2024 ; ngày 07-4-2014
  [
    new RegExp(`${L}(\\d{1,2})\\/(\\d{1,2})\\/(\\d{4})${R}`, 'gu'),
    (m) => day(num(m[3]), num(m[2]), num(m[1])),
  ],
  // 07-4-2014 ; 28.07.2022 (also a page's date line without "ngày"; the year has four digits)
  [
    new RegExp(`${L}(\\d{1,2})[-.](\\d{1,2})[-.]((?:19|20)\\d{2})${R}`, 'gu'),
    (m) => day(num(m[3]), num(m[2]), num(m[1])),
  ],
  // Chiều 5/3 ; ngày 9/1 (year from the publication date)
  [
    new RegExp(`(?<!\\p{L})${DAY_PREFIX}(\\d{1,2})\\s?\\/\\s?(\\d{1,2})${R}`, 'giu'),
    (m, pub) => {
      const [d, mo] = [num(m[1]), num(m[2])]
      const y = inferYear(mo, d, pub)
      return y === null ? null : day(y, mo, d)
    },
  ],
  // Sáng 12-9 ; Ngày 9.9 ; chiều 15-10 (a news lead's day, year from the publication date; issue #11)
  [
    new RegExp(`(?<!\\p{L})${DAY_PREFIX}(\\d{1,2})[-.](\\d{1,2})(?![\\p{N}/.-])`, 'giu'),
    (m, pub) => {
      const [d, mo] = [num(m[1]), num(m[2])]
      const y = inferYear(mo, d, pub)
      return y === null ? null : day(y, mo, d)
    },
  ],
  // quý I/2025 ; quý II năm 2025 ; quý 3
  [
    new RegExp(
      `(?<!\\p{L})quý\\s+${QUARTER}(?:(?:\\s*\\/\\s*|\\s+năm\\s+)(\\d{4}))?(?![\\p{L}\\p{N}])`,
      'giu'
    ),
    (m, pub) => {
      const q = romanToInt(m[1]!) ?? num(m[1])
      const y = m[2] !== undefined ? num(m[2]) : (pub?.year ?? null)
      if (y === null || !isYear(y) || q < 1 || q > 4) return null
      return { start: monthStart(y, q * 3 - 2), end: monthEnd(y, q * 3), granularity: 'quarter' }
    },
  ],
  // 6 tháng đầu năm (2025) ; sáu tháng cuối năm
  [
    new RegExp(`(?<![\\p{L}\\p{N}])(?:6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+(\\d{4}))?${R}`, 'giu'),
    (m, pub) => {
      const y = m[2] !== undefined ? num(m[2]) : (pub?.year ?? null)
      if (y === null || !isYear(y)) return null
      const first = m[1]!.toLowerCase() === 'đầu'
      return first
        ? { start: monthStart(y, 1), end: monthEnd(y, 6), granularity: 'half' }
        : { start: monthStart(y, 7), end: monthEnd(y, 12), granularity: 'half' }
    },
  ],
  // tháng 8/2025 ; tháng 9 năm 2020
  [
    new RegExp(`(?<!\\p{L})tháng\\s+(\\d{1,2})(?:\\s*\\/\\s*|\\s+năm\\s+)(\\d{4})${R}`, 'giu'),
    (m) => {
      const [mo, y] = [num(m[1]), num(m[2])]
      if (!isYear(y) || mo < 1 || mo > 12) return null
      return { start: monthStart(y, mo), end: monthEnd(y, mo), granularity: 'month' }
    },
  ],
  // giai đoạn 2021 - 2025 ; (2020 - 2025) ; nhiệm kỳ 2025-2030 ; năm học 2022-2023
  [
    new RegExp(`${L}((?:19|20)\\d{2})\\s*(?:[-–—]|đến)\\s*((?:19|20)\\d{2})${R}`, 'gu'),
    (m) => {
      const [a, b] = [num(m[1]), num(m[2])]
      // "(2000 - 2020)" is a period too (issue #11); longer spans are anniversaries, not periods.
      if (!(b > a && b - a <= 30)) return null
      return { start: `${a}-01-01`, end: `${b}-12-31`, granularity: 'period' }
    },
  ],
  // "Sáng nay, tỉnh … tổ chức …": the day of publication (only when it is known). The scan starts at
  // the literal "nay" (fast); the word before it joins the surface.
  [
    /(?<=(?<!\p{L})(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Hh]ôm) )nay(?![\p{L}])(?!\s*,?\s*(?:ngày\s+)?\d)/gu,
    (_m, pub) => {
      // Only a full publication day ("2025-10-29"), not a month ("2025-10" is read as its first day).
      if (pub === null || !pub.fullDay) return null
      const d = new Date(pub.time)
      return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
    },
    /(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Hh]ôm) $/u,
  ],
  // năm 2025 ; (năm 2015)
  [
    new RegExp(`(?<!\\p{L})năm\\s+((?:19|20)\\d{2})${R}`, 'giu'),
    (m) => {
      const y = num(m[1])
      return isYear(y) ? { start: `${y}-01-01`, end: `${y}-12-31`, granularity: 'year' } : null
    },
  ],
]

// Words that may precede a period and belong to its surface.
const PERIOD_LEAD = /(?:giai đoạn|nhiệm kỳ|năm học|thời kỳ|năm)\s+$/iu

export function extractTimes(text: string, published: string | null | undefined): TimeMention[] {
  const parsed = parsePublished(published)
  const pub: Pub = parsed && { ...parsed, fullDay: /^\d{4}-\d{2}-\d{2}/u.test(published ?? '') }
  const claims = new Claims()
  const out: TimeMention[] = []
  for (const [re, make, lead] of PATTERNS) {
    for (const m of matchAll(re, text)) {
      let start = m.index
      const end = start + m[0].length
      if (claims.overlaps(start, end)) continue
      const value = make(m, pub)
      if (!value) continue
      const before = lead?.exec(text.slice(Math.max(0, start - 8), start))
      if (before) start -= before[0].length
      if (value.granularity === 'period') {
        const lead = PERIOD_LEAD.exec(text.slice(Math.max(0, start - 12), start))
        if (lead) start -= lead[0].length
      }
      claims.claim(start, end)
      out.push({ surface: text.slice(start, end), ...value, span_start: start, span_end: end })
    }
  }
  return out.sort((a, b) => (a.span_start ?? 0) - (b.span_start ?? 0))
}
