/**
 * Issue dates of document references: right after the number, after the issuer, later in the sentence
 * ("… (ban hành ngày 5-5-2018)") or on a day that opens the sentence issuing it. Split from documents.ts
 * (issue #15).
 */
import type { DocumentMention } from '../domain/extraction.ts'
import { inferYear, isoDay, type parsePublished } from './dates.ts'
import { ISSUER_SRC } from './issuers.ts'

export type Pub = ReturnType<typeof parsePublished>

export const DATE_SRC =
  // "ngày 30 tháng11 năm 2011": portals glue words to numbers (issue #11).
  '\\d{1,2}\\s?\\/\\s?\\d{1,2}\\s?\\/\\s?\\d{4}|\\d{1,2}\\s*tháng\\s*\\d{1,2}\\s*năm\\s*\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4}'
// Also a bracketed day alone, with its year: "Kế hoạch số 45/KH-UBND (12/3/2024)".
export const DATE_AFTER = new RegExp(
  `\\s*[,(]?\\s*(?:được\\s+)?(?:ban hành\\s+|ký\\s+)?(?:vào\\s+)?ng[àa]y\\s*:?\\s*(${DATE_SRC}|\\d{1,2}[-.]\\d{1,2}[-.]\\d{4}|\\d{1,2}\\s?\\/\\s?\\d{1,2})(?![\\p{N}/])|\\s*\\(\\s*(${DATE_SRC}|\\d{1,2}[-.]\\d{1,2}[-.]\\d{4})\\s*\\)`,
  'uy'
)

// Any written day a document date may take, with "ngày 5/3" (year from the symbol or publication).
// "Ngày 24-10, UBND tỉnh có văn bản số …": also a day and month joined by a dash (issue #11).
const ANY_DATE = `${DATE_SRC}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{1,2}\\s?\\/\\s?\\d{1,2}|\\d{1,2}-\\d{1,2}(?![\\p{N}-])`
// "… của UBND tỉnh X ban hành ngày 11 tháng 9 năm 2024", "… (ban hành ngày 5-5-2018)": an issue date
// written after the issuer or the topic. Only "ban hành"/"ký" make it the document's: a bare "ngày"
// later in the sentence is as likely the day of the event the document plans.
const ISSUED_ON_LATER = new RegExp(
  `(?<![\\p{L}])(?<![Đđ]ăng\\s)(?:được\\s+)?(?:ban hành|ký ban hành|ký)\\s+(?:vào\\s+)?ngày\\s*:?\\s*(${ANY_DATE})(?![\\p{N}/])`,
  'u'
)
// "… của UBND tỉnh ngày 11/9/2024": a day right after the issuer, with no comma between.
export const DATE_AFTER_ISSUER = new RegExp(`\\s+ngày\\s+(${DATE_SRC})(?![\\p{N}/])`, 'uy')
// "Ngày 30-11-2020, Tỉnh ủy X ban hành Chỉ thị số 09-CT/TU …": a sentence that opens with a day and
// reports a document being issued dates the document right after "ban hành", and only that one.
// Since issue #11 also "có Công văn số …", "ký …", "thông qua Nghị quyết số …".
const ISSUE_VERB = '(?:ký\\s+)?[Bb]an hành|có|ký|thông qua|ra'
const ISSUED_BEFORE_CUE = new RegExp(`(?<![\\p{L}])(?:${ISSUE_VERB})\\s+(?:(?:các|bản)\\s+)?$`, 'u')
const OPENING_DAY_ISSUE = new RegExp(
  `(?:Vào ngày|[Nn]gày|(?:Sáng|Chiều|Tối|Trưa)(?:\\s+ngày)?)\\s+(${ANY_DATE})(?![\\p{N}/])\\s*(?:vừa qua\\s*)?,?\\s+` +
    `((?:TP\\.|[^.;:!?\\n])*?)\\s+(?:(?:vừa|đã|mới|cũng|chính thức)\\s+)*(?:${ISSUE_VERB})\\s+(?:(?:các|bản)\\s+)?$`,
  'u'
)
// "…, ngày 12/3/2024, UBND tỉnh đã ban hành Kế hoạch …": a day followed by a clause that issues a document
// belongs to that document, not to a reference written just before the day.
export const DAY_THEN_ISSUING =
  /^\s*,\s*(?:TP\.|[^.;:!?\n,])*?\s(?:(?:vừa|đã|mới|cũng|chính thức)\s+)*(?:ký\s+)?ban hành\s/u

export function parseDate(raw: string, yearHint: number | null, pub: Pub): string | null {
  // "30 tháng11 năm 2011": portals glue words to numbers.
  const s = raw
    .replace(/\s+/g, ' ')
    .replace(/(\d)(tháng|năm)/gu, '$1 $2')
    .replace(/(tháng|năm)(\d)/gu, '$1 $2')
  let m = /^(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{4})$/.exec(s)
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]))
  m = /^(\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/.exec(s)
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]))
  m = /^(\d{1,2}) ?[/-] ?(\d{1,2})$/.exec(s)
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])]
    const y = yearHint ?? inferYear(mo, d, pub)
    return y === null ? null : isoDay(y, mo, d)
  }
  return null
}

// "…, ngày 07/11/2022 Liên minh HTX tỉnh X đã xây dựng ban hành Kế hoạch số …": adverbs and "xây dựng" may
// stand between the issuer and "ban hành".
const ISSUER_FIRST = new RegExp(
  `^(?:${ISSUER_SRC})(?:\\s+[\\p{Lu}][\\p{L}]*){0,3}(?:\\s+(?:vừa|đã|mới|cũng))*(?:\\s+xây dựng(?:\\s+và)?)?$`,
  'u'
)

/**
 * "Ngày 30-11-2020, Tỉnh ủy X ban hành Chỉ thị số 09-CT/TU …": the day that opens the sentence, when the
 * document at `start` is the object of its "ban hành"; else null.
 */
export function openingDayIssue(
  text: string,
  start: number,
  yearHint: number | null,
  pub: Pub
): string | null {
  const near = text.slice(Math.max(0, start - 24), start)
  if (!ISSUED_BEFORE_CUE.test(near)) return null
  let from = Math.max(0, start - 220)
  // A later day in the clause ("Để ngày 12/11/1936 trở thành …, ngày 6/11/1961 Ban … ra Nghị quyết") is
  // tried in its turn: the regex finds the earliest day first.
  for (let tries = 0; tries < 3; tries++) {
    const m = OPENING_DAY_ISSUE.exec(text.slice(from, start))
    if (!m) return null
    // A second day or document between the opening day and "ban hành" would own the day instead.
    if (/\d{1,2}\s?\/\s?\d{1,2}|\d{1,5}\s*[-/]\s*\p{Lu}/u.test(m[2]!)) {
      from += m.index + m[0].indexOf(m[1]!) + m[1]!.length
      continue
    }
    return opensClause(text, from + m.index, m) ? parseDate(m[1]!, yearHint, pub) : null
  }
  return null
}

/** Whether the day of `m` at `at` opens its sentence, a line, a lead-in or (lowercase) a comma-set clause. */
function opensClause(text: string, at: number, m: RegExpExecArray): boolean {
  // The day must open its sentence (or a line, a quote, a lead-in "(Báo X) - ", a dateline "… | 17:45"),
  // or, as a lowercase "ngày", open a clause after a comma ("Thực hiện Chỉ thị …, ngày 12/3/2024, …").
  let k = at - 1
  // A line break ends a sentence (issue #11): skip spaces only, not the break.
  while (k >= 0 && /[^\S\n]/u.test(text[k]!)) k--
  const lower = text[at] === 'n'
  if (k >= 0 && !(lower ? /[,\n]/u : /[.!?\n"“()|:–-]/u).test(text[k]!)) return false
  // A clause-opening day is set off by commas on both sides and the clause has no other comma, or is
  // followed right away by the issuer ("…, ngày 6/11/1961 Ban Thường vụ Khu ủy X đã ra Nghị quyết …").
  if (!lower) return true
  if (m[2]!.includes(',')) return false
  return /^ngày\s+\S+(?:\s+tháng\s+\S+\s+năm\s+\S+)?\s*,/u.test(m[0]) || ISSUER_FIRST.test(m[2]!)
}

// A sentence ends at ". ", "!", "?", ";" or a line break ("TP. Hà Nội" cuts short: a missed date, no wrong one).
const SENTENCE_END = /[.!?;](?=\s|$)|\n/u

/**
 * "Kế hoạch số 45/KH-UBND của UBND tỉnh X về … (ban hành ngày 11/9/2024)": a mention still without a date
 * takes an issue date written later in its sentence, before the next mention.
 */
export function dateFromLaterIssue(text: string, out: DocumentMention[], pub: Pub): void {
  for (let k = 0; k < out.length; k++) {
    const d = out[k]!
    if (d.date !== null) continue
    const next = out[k + 1]
    const stop = Math.min(next ? next.start : text.length, d.end + 260)
    if (stop <= d.end) continue
    let window = text.slice(d.end, stop)
    const cut = SENTENCE_END.exec(window)
    if (cut) window = window.slice(0, cut.index)
    const m = ISSUED_ON_LATER.exec(window)
    if (!m) continue
    const date = parseDate(m[1]!, d.year_in_symbol, pub)
    if (date !== null) out[k] = { ...d, date }
  }
}
