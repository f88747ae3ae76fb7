/**
 * A plan's campaign ("Kế hoạch … phát động phong trào thi đua “…”", launches) and a congress's plan
 * ("Kế hoạch tổ chức Đại hội thi đua yêu nước tỉnh … lần thứ VI", organizes), sentence by sentence.
 */
import type { CampaignMention, EventMention } from '../domain/extraction.ts'
import { LAUNCH, ORGANIZE } from './relation-patterns.ts'
import type { Sentence } from './relation-text.ts'
import { type Ctx, push, subjectBefore } from './relations-core.ts'

/** The plan a campaign or congress phrase belongs to: before the verb, or the "(Kế hoạch số …)" after it. */
function planFor(ctx: Ctx, s: Sentence, inSentence: number[], at: number): number | null {
  const before = subjectBefore(ctx, inSentence, at, 200, new Set())
  if (before !== null) return before
  for (const i of inSentence) {
    const d = ctx.docs[i]!
    if (d.start > at && /\(\s*$/.test(ctx.text.slice(Math.max(s.start, d.start - 3), d.start))) {
      // Only when the sentence names the document kind before the verb ("Kế hoạch tổ chức …").
      const lead = ctx.text.slice(s.start, at)
      if (
        /(?:kế hoạch|chỉ thị|chương trình|quyết định|hướng dẫn)\s+[^\s]*\s*$/iu.test(lead) ||
        /kế hoạch|chỉ thị/iu.test(lead)
      )
        return i
    }
  }
  return null
}

export function campaignRelations(
  ctx: Ctx,
  s: Sentence,
  inSentence: number[],
  campaigns: ReadonlyArray<CampaignMention>
) {
  for (const c of campaigns) {
    if (c.start === undefined || c.end === undefined || c.start < s.start || c.start >= s.end) continue
    const win = ctx.text.slice(Math.max(s.start, c.start - 70), c.start)
    const m = LAUNCH.exec(win)
    if (!m) continue
    const at = Math.max(s.start, c.start - 70) + m.index
    const from = planFor(ctx, s, inSentence, at)
    if (from === null) continue
    const f = ctx.docs[from]!
    push(ctx, {
      relation: 'launches',
      from,
      to: null,
      campaign: c.id,
      start: Math.min(f.start, at),
      end: Math.max(f.end, c.end),
    })
  }
}

export function eventRelations(
  ctx: Ctx,
  s: Sentence,
  inSentence: number[],
  events: ReadonlyArray<EventMention & { index: number }>
) {
  events.forEach((e) => {
    const at = e.start
    if (at === undefined || e.end === undefined || at < s.start || at >= s.end) return
    // A plan organizes its own congress, not the national one it leads up to.
    if (e.scope === 'national') return
    const w0 = Math.max(s.start, at - 120, ...inSentence.map((i) => ctx.docs[i]!.end).filter((x) => x <= at))
    const m = ORGANIZE.exec(ctx.text.slice(w0, at))
    if (!m) return
    const trigger = w0 + m.index
    const from = planFor(ctx, s, inSentence, trigger)
    if (from === null) return
    const f = ctx.docs[from]!
    if (f.type !== 'plan' && f.type !== 'decision' && f.type !== 'guideline' && f.type !== 'directive') return
    push(ctx, {
      relation: 'organizes',
      from,
      to: null,
      event: e.index,
      start: Math.min(f.start, trigger),
      end: Math.max(f.end, e.end),
    })
  })
}
