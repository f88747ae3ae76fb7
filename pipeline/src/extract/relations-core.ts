/**
 * What every relation reader of one text shares (issue #16): the text, its document mentions, the
 * relations found so far, and the subject a verb belongs to. Used by relations.ts and its helpers.
 */
import type { DocumentMention, RelationMention } from '../domain/extraction.ts'
import { ISSUED, ISSUES_UNNUMBERED, NEW_ITEM, NEW_SUBJECT } from './relation-patterns.ts'

const sameDoc = (a: DocumentMention, b: DocumentMention): boolean =>
  a.type === b.type &&
  a.number === b.number &&
  (a.symbol === null || b.symbol === null || a.symbol === b.symbol)

export interface Ctx {
  readonly text: string
  /** One entry per mention (a merged document has several), with that mention's span. */
  readonly docs: ReadonlyArray<DocumentMention>
  /** The extraction's document index of each entry of `docs`. */
  readonly owner: ReadonlyArray<number>
  /** Relations with `from`/`to` indexing `docs` (mapped to documents at the end). */
  readonly out: RelationMention[]
  readonly seen: Set<string>
  /** The text's own document when the text is one ("Số: 594/KH-UBND" in its header), as a `docs` index. */
  readonly self: number | null
}

export const push = (ctx: Ctx, r: RelationMention) => {
  const from = ctx.owner[r.from]!
  const to = r.to === null ? null : ctx.owner[r.to]!
  const key = `${r.relation}|${from}|${to ?? ''}|${r.campaign ?? ''}|${r.event ?? ''}`
  if (ctx.seen.has(key)) return
  const f = ctx.docs[r.from]
  const t = r.to === null ? undefined : ctx.docs[r.to]
  if (f && t && (from === to || sameDoc(f, t))) return
  ctx.seen.add(key)
  ctx.out.push(r)
}

/** The document a verb at `at` belongs to: the nearest one before it in the sentence, with no other between. */
export function subjectBefore(
  ctx: Ctx,
  inSentence: number[],
  at: number,
  maxGap: number,
  skip: Set<number>
): number | null {
  let best: number | null = null
  for (const i of inSentence) {
    const d = ctx.docs[i]!
    if (d.end <= at && !skip.has(i)) best = i
  }
  if (best === null) return null
  const gap = ctx.text.slice(ctx.docs[best]!.end, at)
  // A clause boundary with a new actor ("…, các sở thực hiện …") would make the verb someone else's.
  // (\b is ASCII-only in JS: "đề nghị" needs letter lookarounds.)
  if (gap.length > maxGap || /(?<!\p{L})(?:yêu cầu|đề nghị|giao)(?!\p{L})/iu.test(gap)) return null
  // "Trên cơ sở Kế hoạch số 90, huyện xây dựng kế hoạch thực hiện …", "Căn cứ …; Sở Nội vụ …": the clause
  // after a new subject or an unnumbered document is someone else's.
  if (NEW_SUBJECT.test(gap) || ISSUES_UNNUMBERED.test(gap)) return null
  return best
}

/** After the targets: the documents the sentence says were issued ("…, UBND tỉnh ban hành Kế hoạch số …"). */
export function issuedAfter(ctx: Ctx, inSentence: number[], after: number, skip: Set<number>): number[] {
  const out: number[] = []
  let from = after
  for (const i of inSentence) {
    const d = ctx.docs[i]!
    if (d.start < after || skip.has(i)) continue
    // "…; - Căn cứ Quy định … ban hành kèm theo Quyết định số 5": a later grounds item names its own document.
    const lead = ctx.text.slice(Math.max(from, d.start - 60), d.start)
    if (NEW_ITEM.test(ctx.text.slice(after, d.start)) && /kèm theo\s*$/iu.test(lead)) break
    if (ISSUED.test(ctx.text.slice(Math.max(from, d.start - 60), d.start))) out.push(i)
    else if (out.length > 0) break
    from = d.end
  }
  return out
}
