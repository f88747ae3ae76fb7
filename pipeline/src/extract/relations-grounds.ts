/**
 * Grounds a legal text states in forms the sentence rules of relations.ts do not reach (issue #16,
 * session 5): a list of grounds under its own heading ("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n1. Quyết định số
 * …;\n2. Thông tư …"), the next item of a grounds list led by whose guidance it is ("…; hướng dẫn của Bộ
 * … tại Công văn số …"), and the proposal or amendment phrases hard wraps and glued words break.
 */
import { type Ctx, push } from './relations-core.ts'
import { LATER } from './relation-patterns.ts'

/** "I. CĂN CỨ XÂY DỰNG\nKẾ HOẠCH", "Căn cứ pháp lý:": a heading line (hard-wrapped too) that opens a grounds list. */
const GROUNDS_HEADING =
  /(?:^|\n)[ \t]*(?:[IVX]+\.|\d+\.|[a-z]\)|-)?[ \t]*căn cứ(?:\s+(?:pháp lý|xây dựng|ban hành|để xây dựng|để ban hành))?(?:\s+(?:kế hoạch|quyết định|văn bản|chương trình|hướng dẫn|đề án))?[ \t]*:?[ \t]*(?=\n)/giu
/** Where the list ends: the next section ("II. MỤC ĐÍCH") or an ALL-CAPS line. */
const NEXT_SECTION = /\n[ \t]*(?:(?:[IVX]+|[A-ZĐ])\.[ \t]+\p{Lu}|[^\p{Ll}\n]*\p{Lu}{2}[^\p{Ll}\n]*\n)/u
/** An item's marker, right before the document the item names first ("1. ", "- ", "b) "). */
const ITEM_LEAD = /\n[ \t]*(?:\d+[.)]|[-–•+*]|[a-zđ]\))[ \t]*$/u
/** How far a grounds list may run below its heading, and how many headings a text is read for. */
const LIST_REACH = 4000
const MAX_HEADINGS = 20

/** The text's own document cites the document each item of a grounds list opens with. */
export function groundsListRelations(ctx: Ctx): void {
  const self = ctx.self
  if (self === null || !LATER.has(ctx.docs[self]!.type)) return
  let n = 0
  for (const h of ctx.text.matchAll(GROUNDS_HEADING)) {
    if (++n > MAX_HEADINGS) return
    const from = h.index + h[0].length
    const rest = ctx.text.slice(from, from + LIST_REACH)
    const stop = NEXT_SECTION.exec(rest)
    const end = from + (stop ? stop.index : rest.length)
    ctx.docs.forEach((d, i) => {
      if (d.start < from || d.start >= end || i === self) return
      if (!ITEM_LEAD.test(ctx.text.slice(Math.max(from - 1, d.start - 12), d.start))) return
      push(ctx, { relation: 'cites', from: self, to: i, start: h.index, end: d.end })
    })
  }
}

/**
 * "…; hướng dẫn của Bộ Giáo dục và Đào tạo tại Công văn số 428 …": a grounds list's next item, named by
 * whose guidance, instruction or proposal it is. Tested on the gap between two items.
 */
export const GUIDANCE_ITEM =
  /^[^.;:]{0,260}?;\s*(?:và\s+)?(?:theo\s+)?(?:hướng dẫn|chỉ đạo|ý kiến|đề nghị)\s+(?:của\s+)?[^.;]{0,100}?\s(?:tại|theo)\s*$/iu

/**
 * Proposal and amendment phrases across a hard wrap or a glued word ("Xét đề nghị của Giám đốc Sở\nKế
 * hoạch và Đầu tư tại Công văn số", "tạiTờ trình số", "SỬA ĐỔIKHOẢN 1, ĐIỀU 13 CỦA QUY ĐỊNH … BAN HÀNH
 * KÈM THEO"), tested on the text before a document.
 */
export const CITE_WRAPPED =
  /(?:xét|theo) đề nghị[^;.]{0,120}?\s(?:tại|theo)\s*(?:tờ\s+trình(?:\s+số)?)?\s*$/iu
/** "Thông tư … hướng dẫn thi hành một số quy định của Nghị định số 61": the circular carries out the decree. */
export const IMPL_PROVISIONS =
  /hướng dẫn (?:thực hiện|thi hành)\s+(?:một số\s+)?(?:quy định|nội dung|điều khoản)\s+(?:của\s+)?$/iu
// The parts of a document a verb names before it: "Khoản 2 Mục III Phần I,", "Điều 18 và Điều 20 của".
const PARTS = String.raw`(?:\s+(?:điều|khoản|điểm|mục|phần|chương)\s+[\dIVX]+[a-zđ]?(?:\s*(?:,|và)(?=\s))?)+\s*,?\s*(?:của\s+)?`
/** "sửa\nđổi, bổ sung Khoản 2 Mục III Phần I, Thông tư số 04", "cụ thể hóa Điều 18 và Điều 20 của Thông tư 01". */
export const AMEND_PARTS = new RegExp(String.raw`sửa\s+đổi(?:,?\s*bổ\s+sung)?${PARTS}$`, 'iu')
export const IMPL_PARTS = new RegExp(
  `(?:cụ thể h[oó][aá]|hướng dẫn thi hành|quy định chi tiết)${PARTS}$`,
  'iu'
)
export const AMEND_LONG = /sửa đổi(?:,?\s*bổ sung)?\s*(?:một số\s+)?(?:điều|khoản)[^.;]{0,200}?kèm theo\s*$/iu
