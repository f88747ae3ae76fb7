/**
 * Vietnamese date and time strings → ISO 8601 in Asia/Ho_Chi_Minh ("…+07:00"). Vietnam has had no
 * DST since 1975, so a fixed +07:00 offset is exact. Day/month order is always D/M/Y: a US-style
 * parser must never see "03/08/2025". Covers every form listed in design/portals.md §1.1.
 */
import { cleanInline, foldVietnamese } from './text.ts'

const VN_OFFSET_MS = 7 * 3600_000

export interface DateParseOptions {
  /** "Now" for relative forms ("2 giờ trước", "Hôm qua"); without it they yield null. */
  readonly reference?: Date | string | null
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()

const wallClock = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null => {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null
  if (h > 23 || mi > 59 || s > 59) return null
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+07:00`
}

/** The Vietnamese wall-clock ISO string of an instant. */
export const toVietnamIso = (instant: Date): string => {
  const t = new Date(instant.getTime() + VN_OFFSET_MS)
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+07:00`
}

const ISO_FULL =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i
// NukeViet formats article:published_time with PHP "Y-m-dTH:i:s", where T is the zone abbreviation:
// "2019-10-22+0715:50:00", "2019-10-22ICT15:50:00". The wall-clock time is local (+07).
const ISO_BROKEN = /^(\d{4})-(\d\d)-(\d\d)(?:[A-Za-z]{2,5}|[+-]\d{2,4})?T?(\d\d):(\d\d):(\d\d)$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const fromIso = (s: string): string | null => {
  const full = ISO_FULL.exec(s)
  if (full) {
    const [, y, mo, d, h, mi, sec, zone] = full
    const local = wallClock(+y!, +mo!, +d!, +h!, +mi!, sec ? +sec : 0)
    if (!local || !zone) return local // naive ISO is Vietnamese wall-clock time
    const z = zone.toUpperCase() === 'Z' ? '+00:00' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
    const withZone = z.length === 3 ? `${z}:00` : z
    const instant = new Date(`${local.slice(0, 19)}${withZone}`)
    return Number.isNaN(instant.getTime()) ? null : toVietnamIso(instant)
  }
  const broken = ISO_BROKEN.exec(s)
  if (broken) {
    const [, y, mo, d, h, mi, sec] = broken
    return wallClock(+y!, +mo!, +d!, +h!, +mi!, +sec!)
  }
  const dateOnly = ISO_DATE.exec(s)
  if (dateOnly) return wallClock(+dateOnly[1]!, +dateOnly[2]!, +dateOnly[3]!)
  return null
}

const DMY = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/
// Written-out forms, matched on diacritics-folded text: "ngày 15 tháng 10 năm 2019", "15 tháng 10, 2019".
// Month names as WordPress and other localised CMSs print them ("Tháng Ba", "tháng Mười Hai"), folded;
// longest first so "muoi hai" is not read as "muoi".
const MONTH_NAMES = [
  'muoi hai',
  'muoi mot',
  'mot',
  'hai',
  'ba',
  'tu',
  'bon',
  'nam',
  'sau',
  'bay',
  'tam',
  'chin',
  'muoi',
]
const MONTH_NUMBER: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  'muoi mot': 11,
  'muoi hai': 12,
}
const MONTH = `(\\d{1,2}|${MONTH_NAMES.join('|')})`
const DMY_WORDS = new RegExp(
  `(?<!\\d)(\\d{1,2})\\s+thang\\s+${MONTH}\\b\\s*(?:,|\\s)\\s*(?:nam\\s+)?(\\d{4})(?!\\d)`
)
// Month first, as WordPress's "F j, Y" prints in Vietnamese: "Tháng Ba 5, 2018", "Tháng 3 5, 2018".
const MDY_WORDS = new RegExp(`\\bthang\\s+${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)`)
// WordPress's Vietnamese short months ("Th6", "Th12"): "12 Th6, 2024" (j M, Y) and "Th6 12, 2024" (M j, Y).
const DMY_ABBR = /(?<!\d)(\d{1,2})\s+th(\d{1,2})\b,?\s+(\d{4})(?!\d)/
const MDY_ABBR = /\bth(\d{1,2})\s+(\d{1,2}),?\s+(\d{4})(?!\d)/
const monthOf = (m: string): number => MONTH_NUMBER[m] ?? +m
// A clock time ("10:15", "10h15", "10 giờ 15 phút"), with an optional 12-hour marker: AM/PM, or SA
// (sáng) / CH (chiều) folded.
const TIME =
  /(?<!\d)(\d{1,2})\s*(?::|h|gio)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)(?:\s*(?:phut\s*)?(am|pm|sa|ch|sang|chieu|toi|trua|dem)\b)?/

/** Hour on the 24-hour clock: "12:00 AM" is midnight, "3:05 PM" is 15:05. */
const hour24 = (h: number, meridiem: string | undefined): number => {
  if (meridiem === 'am' || meridiem === 'sa' || meridiem === 'sang') return h === 12 ? 0 : h
  if (meridiem === 'pm' || meridiem === 'ch' || meridiem === 'chieu' || meridiem === 'toi')
    return h < 12 ? h + 12 : h
  // "1:30 trưa" is 13:30 but "11:30 trưa" is 11:30; "11 giờ đêm" is 23:00 but "2 giờ đêm" is 02:00.
  if (meridiem === 'trua') return h < 6 ? h + 12 : h
  if (meridiem === 'dem') return h >= 9 && h < 12 ? h + 12 : h
  return h
}
const RELATIVE = /(\d+)\s*(giay|phut|gio|ngay|tuan)\s*truoc/
const UNIT_MS: Record<string, number> = {
  giay: 1000,
  phut: 60_000,
  gio: 3600_000,
  ngay: 86_400_000,
  tuan: 7 * 86_400_000,
}

const toDate = (ref: Date | string): Date => (typeof ref === 'string' ? new Date(ref) : ref)

const fromRelative = (folded: string, reference: Date | string | null | undefined): string | null => {
  if (!reference) return null
  const ref = toDate(reference)
  if (Number.isNaN(ref.getTime())) return null
  const rel = RELATIVE.exec(folded)
  if (rel) return toVietnamIso(new Date(ref.getTime() - +rel[1]! * UNIT_MS[rel[2]!]!))
  const day = /hom qua/.test(folded) ? -1 : /hom nay/.test(folded) ? 0 : null
  if (day === null) return null
  const local = new Date(ref.getTime() + VN_OFFSET_MS + day * 86_400_000)
  const time = TIME.exec(folded)
  return wallClock(
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    time ? hour24(+time[1]!, time[4]) : 0,
    time ? +time[2]! : 0,
    time?.[3] ? +time[3] : 0
  )
}

/**
 * Parses one date string as printed by a Vietnamese site ("Thứ ba - 22/10/2019 15:50",
 * "09:11 | 09/09/2022 GMT+7", "Ngày đăng tin: 22/10/2019", ISO with or without offset, the broken
 * NukeViet ISO, "2 giờ trước" …) into "YYYY-MM-DDTHH:MM:SS+07:00". Weekday names and labels are
 * ignored; a missing time becomes 00:00:00. Returns null when no valid date is present.
 */
export const parseVietnameseDate = (
  text: string | null | undefined,
  opts: DateParseOptions = {}
): string | null => {
  if (!text) return null
  const s = cleanInline(text)
  if (s.length === 0) return null
  const iso = fromIso(s)
  if (iso) return iso
  // ISO embedded in a longer label ("Cập nhật: 2019-10-22T15:50:00+07:00").
  const embedded = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/i.exec(
    s
  )
  if (embedded) {
    const e = fromIso(embedded[0])
    if (e) return e
  }
  const folded = foldVietnamese(s)
  const mdy = MDY_WORDS.exec(folded) ?? MDY_ABBR.exec(folded)
  // Day, month, year in that order whatever the form ("Tháng Ba 5, 2018" → 5, 3, 2018).
  const dmy =
    DMY.exec(folded) ??
    DMY_WORDS.exec(folded) ??
    DMY_ABBR.exec(folded) ??
    (mdy ? [mdy[0], mdy[2], mdy[1], mdy[3]] : null)
  if (dmy) {
    // Look for the time outside the date itself, before or after it ("15:45 21/06/2024").
    const at = folded.indexOf(dmy[0]!)
    const rest = folded.slice(0, at) + ' ' + folded.slice(at + dmy[0]!.length)
    const time = TIME.exec(rest)
    return wallClock(
      +dmy[3]!,
      monthOf(dmy[2]!),
      +dmy[1]!,
      time ? hour24(+time[1]!, time[4]) : 0,
      time ? +time[2]! : 0,
      time?.[3] ? +time[3] : 0
    )
  }
  return fromRelative(folded, opts.reference)
}

/** Like parseVietnameseDate but only for machine-readable values (datetime attributes, meta, JSON-LD). */
export const parseMachineDate = (value: string | null | undefined): string | null => {
  if (!value) return null
  const s = value.trim()
  return fromIso(s) ?? parseVietnameseDate(s)
}

// What a printed date line says besides its numbers, folded: weekday, "ngày", "cập nhật", "đăng
// lúc", hour words, time zone ("Thứ hai, 20/10/2025 - 11:02 (GMT+7)", "Cập nhật: 20-10-2025").
const DATE_LINE_WORDS =
  /\b(?:thu|hai|ba|tu|nam|sau|bay|chu|nhat|ngay|thang|cap|dang|luc|gio|phut|sang|chieu|toi|gmt|am|pm|sa|ch)\b/g

/** A line that is only a date, as printed under a headline: no place, no other words. */
export const isBareDateLine = (line: string): boolean =>
  line.length <= 60 &&
  foldVietnamese(line)
    .replace(DATE_LINE_WORDS, '')
    .replace(/[\d\s,.:;/|()+\-–]/g, '') === '' &&
  parseVietnameseDate(line) !== null
