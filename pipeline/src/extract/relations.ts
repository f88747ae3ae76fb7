/**
 * Relations between the documents of one text, with the span that states them (issue #16):
 * "Thực hiện Chỉ thị số 41-CT/TW …, UBND tỉnh ban hành Kế hoạch số 45/KH-UBND" (implements),
 * "Quyết định số 12 sửa đổi, bổ sung Quyết định số 3" (amends), "… thay thế Kế hoạch số 9" (replaces),
 * "Căn cứ Luật Thi đua, khen thưởng …, UBND tỉnh ban hành …" (cites), a plan's campaign
 * ("Kế hoạch … phát động phong trào thi đua “…”", launches) and a congress's plan
 * ("Kế hoạch tổ chức Đại hội thi đua yêu nước tỉnh … lần thứ VI", organizes).
 * Pure: reads the NFC text and the extractor's own mentions; sentence-local except the article's
 * subject document (the one the lead says was issued), which carries out what its content requires.
 */
import type {
  CampaignMention,
  DocumentMention,
  EventMention,
  Extraction,
  RelationKind,
  RelationMention,
} from '../domain/extraction.ts'
import {
  ADD_TO,
  AMEND,
  ANAPHOR,
  ANAPHOR_TYPE,
  CITE,
  IMPL,
  GROUNDS_ONLY_BREAK,
  GUIDES,
  ISSUED,
  isCentralLevel,
  LATER,
  LIST_GAP,
  NEW_ACTOR,
  NEW_ITEM,
  NEXT_ISSUES,
  OWN_VERB,
  PASSIVE,
  REPEALED,
  REPLACE,
  UNNUMBERED_ISSUE,
} from './relation-patterns.ts'
import {
  isCoordinated,
  occurrences,
  type Sentence,
  selfDocument,
  sentences,
  subjectDocument,
} from './relation-text.ts'
import { anaphoricTargets } from './relations-anaphor.ts'
import { type Ctx, issuedAfter, push, subjectBefore } from './relations-core.ts'
import {
  AMEND_LONG,
  AMEND_PARTS,
  CITE_WRAPPED,
  GUIDANCE_ITEM,
  groundsListRelations,
  IMPL_PARTS,
  IMPL_PROVISIONS,
} from './relations-grounds.ts'
import { bareItem, itemLimit } from './relations-items.ts'
import { campaignRelations, eventRelations } from './relations-launch.ts'

export { sentences }

/** How far below its subject document an article still reports that document's content. */
const SUBJECT_REACH = 4000

/**
 * "Thực hiện Công văn số 1572 …; Công văn số 385 … . Ngày 21/5, Ban Thường trực … đã ban hành Thông báo
 * số 03": a sentence that states only the grounds speaks for the document the next one opens by issuing.
 */
function issuedNext(ctx: Ctx, s: Sentence, targets: number[]): number | null {
  const tail = ctx.text.slice(ctx.docs[targets[targets.length - 1]!]!.end, s.end)
  if (GROUNDS_ONLY_BREAK.test(tail)) return null
  const i = ctx.docs.findIndex((d) => d.start >= s.end)
  const d = ctx.docs[i]
  if (!d || !LATER.has(d.type)) return null
  return NEXT_ISSUES.test(ctx.text.slice(s.end, d.start)) ? i : null
}

/** "Kế hoạch này thực hiện …": the last document of that kind before the sentence. */
function antecedent(ctx: Ctx, s: Sentence): number | null {
  const m = ANAPHOR.exec(ctx.text.slice(s.start, s.start + 60))
  if (!m) return null
  const word = m[0].trim().toLowerCase()
  const type = ANAPHOR_TYPE.find(([k]) => word.replace(/^[\s\-–•*+]*/u, '').startsWith(k))?.[1]
  // The one said to be issued wins over one it merely names ("ban hành Thông tư 15 thay thế Thông tư 01").
  const issued = (i: number) =>
    ISSUED.test(ctx.text.slice(Math.max(0, ctx.docs[i]!.start - 40), ctx.docs[i]!.start)) ||
    ctx.out.some((r) => ctx.owner[r.from] === ctx.owner[i])
  let best: number | null = null
  ctx.docs.forEach((d, i) => {
    if (d.type !== type || d.end > s.start) return
    if (best === null || issued(i) || (!issued(best) && d.start > ctx.docs[best]!.start)) best = i
  })
  return best
}

/** The targets of a verb: the document right after it and the ones listed with it ("… và Kế hoạch số 9"). */
function listFrom(ctx: Ctx, inSentence: number[], first: number, limit: number): number[] {
  const out = [first]
  const pos = inSentence.indexOf(first)
  // A numbered list ("Số 44/…; số 47/…; số 50/…"): documents named inside an item's description are skipped.
  const numbered = bareItem(ctx, first)
  for (let k = pos + 1; k < inSentence.length; k++) {
    const prev = ctx.docs[out[out.length - 1]!]!
    const next = ctx.docs[inSentence[k]!]!
    if (next.start > limit) break
    const gap = ctx.text.slice(prev.end, next.start)
    const listed = LIST_GAP.test(gap) || GUIDANCE_ITEM.test(gap)
    if (!listed && numbered && !gap.includes(';')) continue
    if (!listed || NEW_ACTOR.test(gap) || ISSUED.test(gap) || IMPL.test(gap) || CITE.test(gap)) break
    const after = inSentence[k + 1]
    // An item of a numbered list may describe itself with a verb ("…; số 50/NQ-CP ban hành … thực hiện …").
    const item = numbered && bareItem(ctx, inSentence[k]!)
    if (after !== undefined && !item && OWN_VERB.test(ctx.text.slice(next.end, ctx.docs[after]!.start))) break
    out.push(inSentence[k]!)
  }
  return out
}

/** How far before a document its governing verb may stand ("Bổ sung … vào Bộ … công bố kèm theo …"). */
const VERB_REACH = 220

function verbBefore(
  ctx: Ctx,
  d: DocumentMention,
  sentenceStart: number
): { kind: RelationKind; at: number } | null {
  const from = Math.max(sentenceStart, d.start - VERB_REACH)
  // A hard wrap inside a verb ("triển khai thực\nhiện các nhiệm vụ tại"): one space per character keeps offsets.
  const before = ctx.text.slice(from, d.start).replace(/[\n\r\t]/g, ' ')
  const tests: Array<[RelationKind, RegExp]> = [
    ['amends', AMEND],
    ['amends', AMEND_LONG],
    ['amends', AMEND_PARTS],
    ['amends', ADD_TO],
    ['replaces', REPLACE],
    ['implements', IMPL],
    ['implements', GUIDES],
    ['implements', IMPL_PROVISIONS],
    ['implements', IMPL_PARTS],
    ['cites', CITE],
    ['cites', CITE_WRAPPED],
  ]
  for (const [kind, re] of tests) {
    const m = re.exec(before)
    if (m) return { kind, at: from + m.index }
  }
  return null
}

interface Sources {
  readonly from: number[]
  /** Found through the article's subject or the text's own document: the span is the verb and targets. */
  readonly bySubject: boolean
  /** Only central targets count (the subject document of a news article). */
  readonly onlyCentral?: boolean
}

/** Who does what `verb` says to `targets`: before it, issued after it, "Kế hoạch này", or the subject. */
function sourcesFor(
  ctx: Ctx,
  s: Sentence,
  inSentence: number[],
  verb: { kind: RelationKind; at: number },
  targets: number[],
  targeted: Set<number>,
  subject: number | null
): Sources {
  // A document already governed by an earlier verb is no actor of this one only when a coordination
  // stands between ("… thực hiện Chỉ thị 39 … và thay thế …"); its own tail ("… của Bộ Nội vụ quy định
  // chi tiết …") keeps it the actor.
  // "và" before a capital joins the words of a name ("Sở Giáo dục và Đào tạo"), not two clauses or items.
  const coordinated = (i: number) => isCoordinated(ctx.text.slice(ctx.docs[i]!.end, verb.at))
  const skip = new Set([...targets, ...[...targeted].filter(coordinated)])
  // A document the sentence repeals is no actor of the clauses after it.
  for (const i of inSentence)
    if (REPEALED.test(ctx.text.slice(Math.max(s.start, ctx.docs[i]!.start - 20), ctx.docs[i]!.start)))
      skip.add(i)
  // A title "VỀ VIỆC SỬA ĐỔI …" opens on its verb as well.
  // So does a new list item ("…; - Căn cứ …"), not a clause joined by ";" ("…; đồng thời sửa đổi …").
  const semi = ctx.text.lastIndexOf(';', verb.at)
  const itemStart = semi >= s.start && NEW_ITEM.test(ctx.text.slice(semi, verb.at + 12)) ? semi + 1 : s.start
  const opening = /^[\s\-–•*+\d.)]*(?:để|nhằm|đồng thời|về việc|v\/v)?\s*$/iu.test(
    ctx.text.slice(itemStart, verb.at)
  )
  const before = opening ? null : subjectBefore(ctx, inSentence, verb.at, 160, skip)
  if (before !== null) return { from: [before], bySubject: false }
  const last = ctx.docs[targets[targets.length - 1]!]!
  const after = issuedAfter(ctx, inSentence, last.end, skip)
  if (after.length > 0) return { from: after, bySubject: false }
  const firstInSentence = inSentence.find((i) => !skip.has(i) && ctx.docs[i]!.start < verb.at)
  const ante = firstInSentence === undefined ? antecedent(ctx, s) : null
  if (ante !== null) return { from: [ante], bySubject: false }
  // A document's own text ("Số: 594/KH-UBND … Thực hiện Chỉ thị …, UBND tỉnh ban hành Kế hoạch như
  // sau"): a clause opening on the verb, or issuing an unnumbered document, speaks for that document.
  const self = ctx.self
  if (self !== null && !skip.has(self) && (opening || UNNUMBERED_ISSUE.test(ctx.text.slice(s.start, s.end))))
    return { from: [self], bySubject: true }
  const next = opening ? issuedNext(ctx, s, targets) : null
  if (next !== null) return { from: [next], bySubject: false }
  // The article's subject document carries out the central documents its content requires; its
  // content follows the lead, so a mention far below (related-news blocks) is not part of it.
  if (verb.kind !== 'implements' || subject === null || skip.has(subject))
    return { from: [], bySubject: false }
  const near = ctx.docs[targets[0]!]!.start - ctx.docs[subject]!.end < SUBJECT_REACH
  const central = targets.some((x) => isCentralLevel(ctx.docs[x]!.issuer_level))
  return { from: near && central ? [subject] : [], bySubject: true, onlyCentral: true }
}

function documentRelations(ctx: Ctx, s: Sentence, inSentence: number[], subject: number | null) {
  const done = new Set<number>()
  for (const ti of inSentence) {
    if (done.has(ti)) continue
    const t = ctx.docs[ti]!
    const prev = inSentence.filter((i) => ctx.docs[i]!.end <= t.start).pop()
    // Passive: "<T> được thay thế bởi <F>".
    if (prev !== undefined) {
      const pm = PASSIVE.exec(ctx.text.slice(ctx.docs[prev]!.end, t.start))
      if (pm) {
        const v = pm[1]!.toLowerCase()
        const kind: RelationKind = v.startsWith('thay')
          ? 'replaces'
          : v.startsWith('sửa')
            ? 'amends'
            : 'implements'
        push(ctx, { relation: kind, from: ti, to: prev, start: ctx.docs[prev]!.start, end: t.end })
        continue
      }
    }
    const verb = verbBefore(ctx, t, s.start)
    if (!verb) continue
    const targets = listFrom(ctx, inSentence, ti, itemLimit(ctx, s, inSentence, verb.at))
    const { from, bySubject, onlyCentral } = sourcesFor(ctx, s, inSentence, verb, targets, done, subject)
    for (const x of targets) done.add(x)
    for (const fi of from) {
      const f = ctx.docs[fi]!
      if (!LATER.has(f.type)) continue
      for (const x of targets) {
        if (onlyCentral && !isCentralLevel(ctx.docs[x]!.issuer_level)) continue
        const start = bySubject ? verb.at : Math.min(f.start, verb.at)
        push(ctx, { relation: verb.kind, from: fi, to: x, start, end: Math.max(f.end, ctx.docs[x]!.end) })
      }
    }
  }
}

/** More document mentions than this in one sentence: no relations are read from it. */
const MAX_DOCS_PER_SENTENCE = 100

export function extractRelations(
  text: string,
  documents: ReadonlyArray<DocumentMention>,
  events: ReadonlyArray<EventMention>,
  campaigns: ReadonlyArray<CampaignMention>
): RelationMention[] {
  const occ = occurrences(documents)
  const docs = occ.map((o) => o.item)
  const self = selfDocument(text, docs)
  const ctx: Ctx = { text, docs, owner: occ.map((o) => o.index), out: [], seen: new Set(), self }
  if (occ.length === 0) return []
  const eventOcc = occurrences(events).map((o) => ({ ...o.item, index: o.index }))
  const campaignOcc = occurrences(campaigns).map((o) => o.item)
  const subject = subjectDocument(text, ctx.docs)
  let k = 0
  for (const s of sentences(text)) {
    while (k < occ.length && occ[k]!.start < s.start) k++
    const inSentence: number[] = []
    for (let j = k; j < occ.length && occ[j]!.start < s.end; j++) inSentence.push(j)
    // A run-on "sentence" naming hundreds of documents is a list or a hostile page, never one clause;
    // reading it costs time quadratic in its mentions (an 880k-character page stalled a run, #18).
    if (inSentence.length === 0 || inSentence.length > MAX_DOCS_PER_SENTENCE) continue
    documentRelations(ctx, s, inSentence, subject)
    anaphoricTargets(ctx, s, inSentence)
    campaignRelations(ctx, s, inSentence, campaignOcc)
    eventRelations(ctx, s, inSentence, eventOcc)
  }
  groundsListRelations(ctx)
  return ctx.out
    .map((r) => ({ ...r, from: ctx.owner[r.from]!, to: r.to === null ? null : ctx.owner[r.to]! }))
    .sort((a, b) => a.start - b.start || a.from - b.from)
}

/** Adds the relations to an extraction (the one hook in extract.ts). */
export const withRelations = <X extends Omit<Extraction, 'relations'>>(
  text: string,
  x: X
): X & Pick<Extraction, 'relations'> => ({
  ...x,
  relations: extractRelations(text, x.documents, x.events, x.campaigns),
})
