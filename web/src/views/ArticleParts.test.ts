import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CHUNK_CHARS,
  chunk,
  type Entity,
  focusChunk,
  pieces,
  SENTENCE_RADIUS,
  sentenceWindow,
} from './ArticleParts.ts'

const ent = (start: number, end: number, kind: Entity['kind'] = 'document'): Entity => ({
  kind,
  start,
  end,
  surface: '',
  span_source: 'extracted',
  label: '',
  ref: null,
  sentence_start: 0,
  sentence_end: end,
})

/** The plain quadratic form the view used before: for each cut, look the covering entity up. */
const plainPieces = (body: string, entities: Entity[], focus: { start: number; end: number } | null) => {
  const kept: Entity[] = []
  let at = 0
  for (const e of [...entities].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (e.start < at) continue
    kept.push(e)
    at = e.end
  }
  const cuts = new Set([0, body.length, ...kept.flatMap((e) => [e.start, e.end])])
  if (focus) cuts.add(focus.start).add(focus.end)
  const s = [...cuts].filter((c) => c >= 0 && c <= body.length).sort((a, b) => a - b)
  return s.slice(0, -1).flatMap((a, i) => {
    const b = s[i + 1] ?? a
    if (b <= a) return []
    const entity = kept.find((k) => k.start <= a && b <= k.end) ?? null
    return [{ text: body.slice(a, b), entity, focus: focus !== null && focus.start <= a && b <= focus.end }]
  })
}

const case_ = fc.string({ minLength: 1, maxLength: 300 }).chain((body) =>
  fc.tuple(
    fc.constant(body),
    fc.array(
      fc
        .tuple(fc.nat({ max: body.length }), fc.nat({ max: 40 }))
        .map(([s, n]) => ent(s, Math.min(body.length, s + n + 1))),
      { maxLength: 20 }
    ),
    fc.option(
      fc.tuple(fc.nat({ max: body.length }), fc.nat({ max: body.length })).map(([a, b]) => ({
        start: Math.min(a, b),
        end: Math.max(a, b),
      }))
    )
  )
)

describe('article text model', () => {
  it('cuts the body into the same pieces as the plain form, covering it exactly', () => {
    fc.assert(
      fc.property(case_, ([body, entities, focus]) => {
        const got = pieces(body, entities, focus)
        expect(got).toEqual(plainPieces(body, entities, focus))
        expect(got.map((p) => p.text).join('')).toBe(body)
      })
    )
  })

  it('packs pieces into chunks of at most a screen, keeping every character in order', () => {
    fc.assert(
      fc.property(case_, fc.integer({ min: 5, max: 50 }), ([body, entities, focus], size) => {
        const chunks = chunk(pieces(body, entities, focus), size)
        expect(
          chunks
            .flat()
            .map((p) => p.text)
            .join('')
        ).toBe(body)
        for (const c of chunks) {
          const len = c.reduce((n, p) => n + p.text.length, 0)
          // only a single entity longer than the chunk may exceed it
          if (len > size) expect(c.length === 1 && c[0]?.entity !== null).toBe(true)
        }
      })
    )
  })

  it('cuts a giant repeated sentence into many chunks and finds the focus chunk', () => {
    const body = 'Thi đua yêu nước là trách nhiệm của mỗi người. '.repeat(20_000)
    const at = body.length - 100
    const chunks = chunk(pieces(body, [ent(at, at + 10)], { start: at - 5, end: at + 20 }))
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(body.length / CHUNK_CHARS))
    expect(focusChunk(chunks)).toBe(chunks.length - 1)
    expect(focusChunk(chunk(pieces(body, [], null)))).toBe(-1)
  })

  it('shows a window of the sentence round the entity, not the whole sentence', () => {
    const body = `${'x'.repeat(500_000)}Kế hoạch số 45/KH-UBND${'y'.repeat(500_000)}`
    const e = { start: 500_000, end: 500_022, sentence_start: 0, sentence_end: body.length }
    const w = sentenceWindow(body, e)
    expect(w.mark).toBe('Kế hoạch số 45/KH-UBND')
    expect(w.before).toBe(`…${'x'.repeat(SENTENCE_RADIUS)}`)
    expect(w.after).toBe(`${'y'.repeat(SENTENCE_RADIUS)}…`)
    const short = sentenceWindow('Ngày 10/3 ban hành.', {
      start: 5,
      end: 9,
      sentence_start: 0,
      sentence_end: 19,
    })
    expect(short).toEqual({ before: 'Ngày ', mark: '10/3', after: ' ban hành.' })
  })
})
