/**
 * How the relation reader cuts and frames a text (issue #16): sentences (hard-wrapped legal lines kept
 * together), coordinations, and the text's own or subject document. Pure helpers of relations.ts.
 */
import type { DocumentMention } from '../domain/extraction.ts'
import { DOC_HEADS, isCentralLevel, LATER, SELF_HEADER_REACH } from './relation-patterns.ts'

export interface Sentence {
  readonly start: number
  readonly end: number
}

/**
 * A single line break before a lowercase word or a document number ("Nghị định số\n42/2010/NĐ-CP") is a
 * hard wrap of a legal database's text, not the end of a sentence.
 */
const SOFT_WRAP = /^[ \t]*(?:\p{Ll}|\d+(?:\/(?:19|20)\d\d)?[/-]\p{Lu})/u
/**
 * A line that ends on a word needing its complement ("Xét đề nghị của Giám đốc Sở\nKế hoạch và Đầu tư",
 * "… tại\nTờ trình") or on a number whose symbol the next line gives ("Nghị quyết số 52\nNQ/TW") goes on.
 */
const HANGING_END = /(?:^|\s)(?:của|và|tại|ngày|cho|với|bởi|đề nghị|Sở|Bộ|Giám đốc|Chủ tịch)[ \t]*$/u
const NUMBER_END = /\bsố\s*\d+[ \t]*$/u
const SYMBOL_START = /^[ \t]*\p{Lu}{1,6}[/-]\p{Lu}/u

// "… kế hoạch đầu tư công trung hạn\n5 năm giai đoạn …": a count and its lowercase noun after a line cut mid-phrase.
const COUNT_START = /^[ \t]*\d+[ \t]+\p{Ll}/u
const LOWER_END = /\p{Ll}[ \t]*$/u

function softWrap(text: string, at: number, next: number): boolean {
  const after = text.slice(next, next + 12)
  if (SOFT_WRAP.test(after)) return true
  const before = text.slice(Math.max(0, at - 24), at)
  if (COUNT_START.test(after) && LOWER_END.test(before)) return true
  return HANGING_END.test(before) || (NUMBER_END.test(before) && SYMBOL_START.test(after))
}

/** Sentence ranges: a line break, or [.!?] followed by space, ends one ("10.6.2024" does not; ";" joins lists). */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  const re = /\n+|[.!?…]+(?=\s)/g
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '\n' && softWrap(text, m.index, re.lastIndex)) continue
    const end = m.index + m[0].length
    if (end > start) out.push({ start, end })
    start = end
  }
  if (start < text.length) out.push({ start, end: text.length })
  return out
}

// No "i" flag: \p{Lu} would then match lowercase too; a document's head is matched on a lowercased copy.
const COORDINATION_WORD = /\s(?:và|đồng thời)(?:\s+|$)/gu
const DOC_HEAD = new RegExp(`^(?:${DOC_HEADS})\\s`, 'u')
/** "… và thay thế", "… và Kế hoạch số 9": a coordination of clauses or items (not "Giáo dục và Đào tạo"). */
export const isCoordinated = (gap: string): boolean =>
  [...gap.matchAll(COORDINATION_WORD)].some((m) => {
    const rest = gap.slice(m.index + m[0].length)
    return !/^\p{Lu}/u.test(rest) || DOC_HEAD.test(rest.toLowerCase())
  })

const NUMBER_ROW = /^\p{L}+(?:\s\p{L}+)?\s+số\s*:/iu
/** Nothing but spaces or a table bar between the span and its line's ends. */
const alone = (text: string, start: number, end: number): boolean =>
  /(?:^|\n)[ \t|]*$/.test(text.slice(Math.max(0, start - 40), start)) &&
  /^[ \t|]*(?:\n|$)/.test(text.slice(end, end + 40))

/** The document whose own text this is: the number its header gives ("Số: 594/KH-UBND"). */
export function selfDocument(text: string, docs: ReadonlyArray<DocumentMention>): number | null {
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!
    if (d.start > SELF_HEADER_REACH) break
    if (/(?:^|\n)[^\n]{0,40}\bSố\s*:?\s*$/u.test(text.slice(Math.max(0, d.start - 48), d.start))) return i
    // A legislative number row alone on its line: "Nghị quyết số: 653/2019/UBTVQH14".
    if (NUMBER_ROW.test(text.slice(d.start, d.end)) && alone(text, d.start, d.end)) return i
  }
  // A letter's own title on the first line: "Công văn số 44/PGD&ĐT V/v hướng dẫn …".
  const first = docs[0]
  if (
    first &&
    /^\s*$/.test(text.slice(0, first.start)) &&
    /^[^\n]{0,30}?\s(?:V\/v|về việc)\s/iu.test(text.slice(first.end))
  )
    return 0
  return null
}

/** The document the lead says was just issued ("UBND tỉnh Lào Cai vừa ban hành Chỉ thị số 01 …"). */
export function subjectDocument(text: string, docs: ReadonlyArray<DocumentMention>): number | null {
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!
    if (d.start > 800) break
    if (isCentralLevel(d.issuer_level) || !LATER.has(d.type)) continue
    if (/ban hành\s*$/iu.test(text.slice(Math.max(0, d.start - 30), d.start))) return i
  }
  return null
}

/** A mention's span (the extractor lists them per merged entity as `mentions`). */
interface Span {
  readonly start: number
  readonly end: number
  readonly surface: string
}

/** Every mention of every entity, as its own (start, end, surface), in text order. */
export const occurrences = <
  T extends { start?: number; end?: number; surface: string; mentions?: ReadonlyArray<Span> },
>(
  items: ReadonlyArray<T>
): Array<{ item: T; index: number; start: number; end: number }> =>
  items
    .flatMap((item, index) =>
      (item.mentions && item.mentions.length > 0 ? item.mentions : [item]).flatMap((m) =>
        m.start === undefined || m.end === undefined
          ? []
          : [{ item: { ...item, ...m }, index, start: m.start, end: m.end }]
      )
    )
    .sort((a, b) => a.start - b.start || a.index - b.index)
