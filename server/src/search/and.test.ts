/**
 * The shortcuts of issue #18 answer as the plain reading does: intersections through bitsets (and.ts)
 * equal the merge of every list, and the word-pair boost read from pair postings (biwords.ts) equals
 * scanning each article's title and body, on random lists and token sequences.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { andAll, Bitsets, keepInAll } from './and.ts'
import { buildBiwords, pairBoosts } from './biwords.ts'
import { holdsRun, intersectAll } from './postings.ts'

const N = 300

const listArb = fc
  .array(fc.boolean(), { minLength: N, maxLength: N })
  .chain((flags) => fc.constant(Uint32Array.from(flags.flatMap((on, i) => (on ? [i] : [])))))
/** Lists from very short to nearly every article. */
const skewedArb = fc.oneof(
  listArb,
  fc
    .uniqueArray(fc.integer({ min: 0, max: N - 1 }), { maxLength: 12 })
    .map((xs) => Uint32Array.from(xs.sort((a, b) => a - b)))
)

const stampsOf = (n: number) => {
  let mark = 0
  return {
    stamp: new Uint32Array(n),
    marks: (count: number) => {
      const base = mark + 1
      mark += count + 1
      return base
    },
  }
}

describe('andAll', () => {
  it('equals intersecting every list, with and without bitsets', () => {
    let viaBits = 0
    fc.assert(
      fc.property(
        fc.array(skewedArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 200 }),
        (lists, min) => {
          const bitsets = new Bitsets(N, min)
          for (const l of lists) bitsets.add(l)
          if (lists.slice(1).some((l) => bitsets.get(l))) viaBits++
          const want = [...intersectAll(lists)]
          expect([...andAll(lists, N, stampsOf(N), bitsets)]).toEqual(want)
          expect([...andAll(lists, N, stampsOf(N), new Bitsets(N, N))]).toEqual(want)
        }
      ),
      { numRuns: 400 }
    )
    expect(viaBits).toBeGreaterThan(100)
  })

  it('keeps the articles whose bits are set in every set, in order', () => {
    const bitsets = new Bitsets(100, 1)
    const evens = Uint32Array.from({ length: 50 }, (_, i) => 2 * i)
    const threes = Uint32Array.from({ length: 34 }, (_, i) => 3 * i)
    bitsets.add(evens)
    bitsets.add(threes)
    const sets = [bitsets.get(evens), bitsets.get(threes)] as Uint32Array[]
    expect([
      ...keepInAll(
        Uint32Array.from({ length: 100 }, (_, i) => i),
        sets
      ),
    ]).toEqual(Array.from({ length: 17 }, (_, i) => 6 * i))
    expect(bitsets.size.lists).toBe(2)
  })
})

describe('pairBoosts', () => {
  it('equals scanning the title and the body for each pair', () => {
    const articleArb = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 8 }),
      fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 30 })
    )
    const pairArb = fc.tuple(fc.integer({ min: -1, max: 7 }), fc.integer({ min: 0, max: 7 }))
    fc.assert(
      fc.property(
        fc.array(articleArb, { minLength: 1, maxLength: 30 }),
        fc.array(pairArb, { minLength: 1, maxLength: 3 }),
        (articles, pairs) => {
          const seq = Uint32Array.from(articles.flatMap(([t, b]) => [...t, ...b]))
          const seqStart = new Uint32Array(articles.length + 1)
          articles.forEach(([t, b], i) => {
            seqStart[i + 1] = (seqStart[i] as number) + t.length + b.length
          })
          const titleTokens = Uint32Array.from(articles, ([t]) => t.length)
          const df = new Array<number>(8).fill(0)
          for (const [t, b] of articles) for (const tok of new Set([...t, ...b])) df[tok] = (df[tok] ?? 0) + 1
          // tokens 6 and 7 are made rare: their pairs are not indexed and are scanned for
          df[6] = 0
          df[7] = 0
          const biwords = buildBiwords(seq, seqStart, df, articles.length)
          const boost = pairBoosts({ seq, seqStart, titleTokens, biwords }, pairs)
          articles.forEach((_, doc) => {
            const start = seqStart[doc] as number
            const mid = start + (titleTokens[doc] as number)
            const end = seqStart[doc + 1] as number
            let want = 0
            for (const p of pairs)
              want += (holdsRun(seq, start, mid, p) ? 2 : 0) + (holdsRun(seq, mid, end, p) ? 1 : 0)
            expect(boost(doc)).toBe(want)
          })
        }
      ),
      { numRuns: 300 }
    )
  })
})
