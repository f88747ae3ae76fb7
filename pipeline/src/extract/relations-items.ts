/**
 * List items and their boundaries (issue #16, session 7). A grounds or document list ("…: Số 36-NQ/TW …;
 * số 52-NQ/TW …", "như: Kế hoạch số 86 … về thực hiện Nghị quyết số 18 …; Chương trình số 147 …") gives
 * each item its own description; a verb inside one item's description governs nothing past that item's
 * ";", and a document of an earlier item is no actor of a later item's verb.
 */
import type { Sentence } from './relation-text.ts'
import type { Ctx } from './relations-core.ts'

/** What may stand between an item's ";" or ":" and the document that opens it. */
const ITEM_OPEN = /^[\s\-–•+*]*(?:số\s*)?$/iu

/**
 * Where the targets of a verb at `verbAt` must end: the item's own ";" when the verb sits in the
 * description of a list item (the text since the last ";" or ":" opens on a document), else the sentence end.
 */
export function itemLimit(ctx: Ctx, s: Sentence, inSentence: number[], verbAt: number): number {
  const before = ctx.text.slice(s.start, verbAt)
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'))
  if (cut < 0) return s.end
  const itemStart = s.start + cut + 1
  const opener = inSentence.find((i) => ctx.docs[i]!.start >= itemStart)
  if (opener === undefined || ctx.docs[opener]!.start >= verbAt) return s.end
  if (!ITEM_OPEN.test(ctx.text.slice(itemStart, ctx.docs[opener]!.start))) return s.end
  const end = ctx.text.indexOf(';', verbAt)
  return end < 0 || end > s.end ? s.end : end
}

/** A document opening a list item right after a ";" or ":" ("…; số 47/2020/NĐ-CP", "như: Kế hoạch số 86 …"). */
export const bareItem = (ctx: Ctx, i: number): boolean =>
  /[;:]\s*số\s*$/iu.test(ctx.text.slice(Math.max(0, ctx.docs[i]!.start - 12), ctx.docs[i]!.start)) ||
  /[;:]\s*$/u.test(ctx.text.slice(Math.max(0, ctx.docs[i]!.start - 4), ctx.docs[i]!.start))
