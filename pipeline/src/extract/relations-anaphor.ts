/**
 * A relation across sentences (issue #16, session 6): "Ngày 15/12/2024, Bộ Chính trị ban hành Chỉ thị số
 * 41-CT/TW. Để thực hiện Chỉ thị này, Tỉnh ủy ban hành Kế hoạch số 25-KH/TU." The governed document is
 * named only by "<kind> này" (no mention of its own): it is the last document of that kind named before,
 * and the actor is the document the sentence says was issued after the phrase.
 */
import { ANAPHOR_TYPE } from './relation-patterns.ts'
import type { Sentence } from './relation-text.ts'
import { type Ctx, issuedAfter, push } from './relations-core.ts'

const KINDS = ANAPHOR_TYPE.map(([k]) => k).join('|')
// The verb, what may qualify it, then "<kind> này / nói trên / trên" as its object.
const ANAPHORIC_OBJECT = new RegExp(
  String.raw`(?<!\p{L})(?:triển khai|thực hiện|cụ thể h[oó][aá]|quán triệt)(?:\s+(?:thực hiện|triển khai|có hiệu quả|tốt|các nội dung của))*` +
    String.raw`\s+(${KINDS})\s+(?:này|nói trên|trên)(?!\p{L})`,
  'giu'
)

export function anaphoricTargets(ctx: Ctx, s: Sentence, inSentence: number[]): void {
  for (const m of ctx.text.slice(s.start, s.end).matchAll(ANAPHORIC_OBJECT)) {
    const at = s.start + m.index
    const kind = m[1]!.toLowerCase()
    const type = ANAPHOR_TYPE.find(([k]) => k === kind)?.[1]
    let target: number | null = null
    ctx.docs.forEach((d, i) => {
      if (d.type === type && d.end <= at) target = i
    })
    if (target === null) continue
    const to: number = target
    for (const from of issuedAfter(ctx, inSentence, at + m[0].length, new Set()))
      push(ctx, { relation: 'implements', from, to, start: at, end: ctx.docs[from]!.end })
  }
}
