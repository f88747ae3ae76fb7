/**
 * Whether a text reports an event planned or held (issue #11): tense and cue words right before the head
 * ("tiến tới", "phiên trù bị", "Nghị quyết …"), right after its tail ("sẽ diễn ra", "đã thành công tốt
 * đẹp", "… đề ra"), a news lead that opens on the day ("Sáng 15/6, tỉnh X tổ chức …"), else the event's own
 * time or year against the publication date.
 */
import type { EventStatus, TimeMention } from '../domain/extraction.ts'
import { parsePublished } from './dates.ts'

// "văn kiện trình Đại hội", "đoàn đại biểu (đi) (tham) dự Đại hội", "Tiểu ban phục vụ Đại hội", "duyệt hồ sơ
// Đại hội", "dự thảo báo cáo chính trị Đại hội", "hướng về Đại hội", "Ngày mai (29/6), Đại hội …" look ahead to it.
const PLANNED_BEFORE =
  /(?:tiến tới|hướng tới|hướng về|chuẩn bị|sẽ|dự kiến|chào mừng|sắp|từ nay đến|trước thềm|kế hoạch tổ chức|về việc tổ chức|tổ chức trước|đến|(?<![\p{L}])trình|đi dự|đoàn đại biểu (?:đi\s+)?(?:tham\s+)?dự|phục vụ|hồ sơ|dự thảo(?:\s+(?:văn kiện|báo cáo chính trị))?|góp ý (?:vào\s+)?(?:các\s+)?văn kiện|theo (?:kế hoạch|dự kiến)\s*,?|[Nn]gày mai(?:\s*\([^()\n]{1,12}\))?\s*,)(?:\s+(?:tổ chức|diễn ra|các|thành công))*\s*$/iu
// "Nghị quyết Đại hội …": a congress whose resolution is cited was held (issue #11). "tại phiên trù bị
// Đại hội", "phiên trọng thể Đại hội" (session 5), "ngày làm việc đầu tiên Đại hội", "chào mừng thành
// công của Đại hội" report it under way or done; so does "X tổ chức thành công Đại hội …" unless it is asked
// for ("yêu cầu / nhằm / phấn đấu tổ chức thành công", session 7).
// "Căn cứ Nghị quyết số 01-NQ/ĐH ngày 16/10/2020 của Đại hội …": the numbered resolution of a congress (session 8).
const HELD_BEFORE =
  /(?:nghị quyết\s+số\s*[\p{L}\d/.-]{1,24}(?:\s+ngày\s+[\d/.-]{3,12})?\s+của|nghị quyết|đã tổ chức|vừa tổ chức|đã diễn ra|khai mạc|bế mạc|từ sau|sau|tại|kết quả|tổng kết|long trọng tổ chức|đã long trọng tổ chức|(?<![\p{L}])(?<!(?:yêu cầu|nhằm|để|phấn đấu|quyết tâm|bảo đảm|đảm bảo|góp phần|chuẩn bị)\s)tổ chức thành công|đã|vừa|qua|phiên\s+(?:trù bị|khai mạc|bế mạc|bế mạc|chính thức|trọng thể|thứ nhất|thứ hai|làm việc(?:\s+thứ\s+\p{L}+)?)(?:\s+của)?|ngày làm việc\s+(?:đầu tiên|thứ\s+\p{L}+)(?:\s+của)?|thành công\s+của)(?:\s+(?:tổ chức|diễn ra|thành công|trọng thể|long trọng))*[\s,]*$/iu
const PLANNED_AFTER =
  /^[^.;\n]{0,40}?(?:sẽ được tổ chức|sẽ diễn ra|sẽ tổ chức|dự kiến|sắp diễn ra|chuẩn bị)/iu
const HELD_AFTER =
  /^[^.;\n]{0,40}?(?:đã diễn ra|đã được tổ chức|đã tổ chức|khai mạc|bế mạc|diễn ra thành công|tổ chức thành công|thành công tốt đẹp|đã thành công|diễn ra trọng thể|diễn ra long trọng|tổ chức trọng thể)/iu
// Later in the clause, past the words that describe the congress ("… với sự tham dự của gần 2.000 đại biểu
// đã thành công tốt đẹp", "… nhiệm kỳ 2022-2027, bước vào ngày làm việc đầu tiên", "… do Đại hội XIII của
// Đảng đề ra"): the first cue decides; a future word before a verb wins. "diễn ra ngày …" says neither: the
// day against the publication date decides.
const AFTER_CUE =
  /(?<![\p{L}])(?:(sẽ|dự kiến|sắp|chuẩn bị|ngày mai)|(đã thành công|thành công tốt đẹp|chính thức bắt đầu|bước vào|(?:đã\s+)?đề ra|đã thông qua|đã bầu|có sự tham dự|(?:công bố|bầu|ra mắt)\s+Ban [Cc]hấp hành))(?![\p{L}])/iu

// "Ngày 9.9, tỉnh X tổ chức Đại hội …", "Ngày 10-7 Sở X tổ chức …" (no comma, session 8), "Sáng nay, … tổ chức …", "(ĐN)- Trong 2 ngày 15 và 16-9, … tổ chức …",
// "…, sáng 19/5, Sở X tổ chức …", "Cùng ngày, …": a news lead that opens on the day reports the event as it happens (issue #11).
const DAY = '\\d{1,2}(?:\\s*[./-]\\s*\\d{1,2}){0,2}'
const DAY_WORD = `(?:nay|qua|(?:mùng\\s+)?${DAY}(?:\\s*(?:[-–]|và|đến)\\s*(?:mùng\\s+)?${DAY})?)`
const NEWS_LEAD = new RegExp(
  `^\\s*(?:\\([^)\\n]{1,24}\\)\\s*[-–]?\\s*)?(?:[\\p{Lu}][\\p{L}&.]*(?:\\s+[\\p{Lu}][\\p{L}&.]*){0,3}\\s*[-–]\\s*)?(?:[^;!?\\n]{0,160}?,\\s*(?:sáng|chiều|tối|trưa)|Sáng|Chiều|Tối|Trưa|Ngày|Hôm|Cùng ngày|Trong\\s+(?:2|3|hai|ba)\\s+ngày)(?:\\s+${DAY_WORD}\\s*,?|\\s*,)[^;!?\\n]*?(?<!(?:công tác|việc|chuẩn bị|kế hoạch|để|nhằm)\\s)(?:tổ chức|khai mạc|diễn ra)\\s+(?:(?:thành công|phiên chính thức|trọng thể|long trọng)\\s+)?["“]?$`,
  'u'
)
// "TP. Cần Thơ", "TX. Sơn Tây": the dot of a unit's abbreviation ends no sentence.
// "Ngày 29 và 30/8/2022, Đại hội … diễn ra tại Hà Nội": a sentence that opens on the day with the head as
// its subject and a present-tense verb after the tail reports the event as it happens (session 4).
const FULL_DAY = '\\d{1,2}(?:\\s*[./-]\\s*\\d{1,2})?(?:\\s*[./-]\\s*\\d{4})?'
const DAY_LEAD_ONLY = new RegExp(
  `^\\s*(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm)(?:\\s+(?:nay|qua|${FULL_DAY}(?:\\s*(?:[-–]|và|đến)\\s*${FULL_DAY})?))?\\s*,\\s*$`,
  'u'
)
const HAPPENS_AFTER =
  /^[^.;!?\n]{0,90}?(?<!(?:sẽ|dự kiến|sắp|chuẩn bị)\s)(?:diễn ra|khai mạc|bế mạc)(?![\p{L}])/u
const SENTENCE_BREAK = /(?<!(?:TP|Tp|TX))[.!?]\s+(?=[\p{Lu}(])/gu

/** The text from the start of the head's sentence (or line) to the head. */
function leadOf(text: string, headStart: number): string {
  const lineStart = text.lastIndexOf('\n', headStart - 1) + 1
  const window = text.slice(Math.max(lineStart, headStart - 240), headStart)
  let cut = 0
  for (const m of window.matchAll(SENTENCE_BREAK)) cut = m.index + m[0].length
  return window.slice(cut)
}

// "chào mừng Đại hội Đảng các cấp, Đại hội Đảng bộ tỉnh lần thứ XVIII": other congresses listed before the
// head share the cue in front of the list.
const LISTED_BEFORE = /(?:,|và|,\s*và)\s*$/u
const LIST_ITEM = /Đại hội[^,.;:\n]{0,80}?(?:,|\s+và)\s*$/iu

function cueBefore(before: string): EventStatus | null {
  let rest = before
  for (let k = 0; k < 4; k++) {
    const planned = PLANNED_BEFORE.exec(rest)
    const held = HELD_BEFORE.exec(rest)
    if (planned && (!held || planned.index >= held.index)) return 'planned'
    if (held) return 'held'
    if (!LISTED_BEFORE.test(rest)) return null
    const item = LIST_ITEM.exec(rest)
    if (!item) return null
    rest = rest.slice(0, item.index)
  }
  return null
}

function cueAfter(text: string, tailEnd: number): EventStatus | null {
  const after = text.slice(tailEnd, tailEnd + 80)
  if (HELD_AFTER.test(after)) return 'held'
  if (PLANNED_AFTER.test(after)) return 'planned'
  // "2.000 đại biểu": a dot between digits ends no clause.
  const clause = /^(?:[^.;!?\n]|\.(?=\d)){0,100}/u.exec(text.slice(tailEnd, tailEnd + 100))![0]
  const m = AFTER_CUE.exec(clause)
  if (!m) return null
  return m[1] !== undefined ? 'planned' : 'held'
}

export function statusFrom(
  text: string,
  headStart: number,
  tailEnd: number,
  time: TimeMention | null,
  year: number | null,
  published: string | null | undefined
): EventStatus {
  const sentenceStart = Math.max(
    text.lastIndexOf('.', headStart),
    text.lastIndexOf('\n', headStart),
    headStart - 60
  )
  const before = text.slice(sentenceStart + 1, headStart)
  const cue = cueBefore(before) ?? cueAfter(text, tailEnd)
  if (cue) return cue
  // "Kế hoạch ... tổ chức Đại hội ...": an event named in a plan is still to come.
  if (/kế hoạch/iu.test(before)) return 'planned'
  const lead = leadOf(text, headStart)
  if (NEWS_LEAD.test(lead)) return 'held'
  if (DAY_LEAD_ONLY.test(lead) && HAPPENS_AFTER.test(text.slice(tailEnd, tailEnd + 100))) return 'held'
  const pub = parsePublished(published)
  if (!pub) return 'unknown'
  const pubIso = new Date(pub.time).toISOString().slice(0, 10)
  if (time) {
    // An event on the publication day itself is reported as it happens, unless a cue said otherwise.
    if (time.end <= pubIso) return 'held'
    if (time.start > pubIso) return 'planned'
    // "… diễn ra trong hai ngày 29 và 30/8" published on the 29th: under way, so held (session 5).
    if (time.granularity === 'range') return 'held'
  }
  if (year !== null) {
    if (year < pub.year) return 'held'
    if (year > pub.year) return 'planned'
  }
  return 'unknown'
}
