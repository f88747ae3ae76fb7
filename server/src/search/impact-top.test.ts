/**
 * The pruned top-k (impact-top.ts) equals scoring every candidate: same articles, same order, same
 * scores, on random posting lists (impacts with many ties, dates with ties and unknowns) and on a
 * generated index through the whole engine (random words, pairs, OR, NOT, phrases, filters, pages).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeRng } from '../../../pipeline/src/snapshot/rng.ts'
import { SearchIndex } from './engine.ts'
import { NO_FILTERS } from './indexed.ts'
import { impactOrder, topByImpact } from './impact-top.ts'
import { IndexBuilder, type Postings } from './index-build.ts'
import { parseSearch } from './query.ts'
import { betterBy, topDocs } from './top.ts'

const N = 400

/** Sorted distinct article numbers from a set of flags. */
const docsOf = (flags: ReadonlyArray<boolean>): Uint32Array =>
  Uint32Array.from(flags.flatMap((on, i) => (on ? [i] : [])))

const listArb = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: N, maxLength: N }),
    fc.array(fc.integer({ min: 0, max: 6 }), { minLength: N, maxLength: N })
  )
  .map(([flags, levels]): Postings => {
    const docs = docsOf(flags)
    // few distinct impacts: ties between articles are the rule, not the exception
    const impact = Float64Array.from(docs, (d) => (levels[d] as number) * 0.37 + 0.1)
    return { docs, impact, order: impactOrder(impact) }
  })

describe('topByImpact', () => {
  it('keeps the exhaustive top-k, scores and order', () => {
    fc.assert(
      fc.property(
        fc.array(listArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: N, maxLength: N }),
        fc.array(fc.integer({ min: -1, max: 5 }), { minLength: N, maxLength: N }),
        fc.integer({ min: 1, max: 60 }),
        (lists, candFlags, days, k) => {
          const cand = docsOf(candFlags)
          const ms = Float64Array.from(days, (d) => (d < 0 ? Number.NaN : d * 864e5))
          const want = new Float64Array(N)
          for (const p of lists)
            p.docs.forEach((d, i) => {
              want[d] = (want[d] as number) + (p.impact[i] as number)
            })
          const expected = topDocs(cand, k, betterBy(want, ms))
          // passing over articles below the worst kept score keeps the same top (ties included)
          expect(topDocs(cand, k, betterBy(want, ms), want)).toEqual(expected)
          const acc = new Float64Array(N)
          const stamp = new Uint32Array(N)
          for (const d of cand) stamp[d] = 5
          const got = topByImpact(lists, cand, k, betterBy(acc, ms), { stamp, acc, inCand: 5 }, Infinity)
          expect(got).toEqual(expected)
          expect(got?.map((d) => acc[d])).toEqual(expected.map((d) => want[d]))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('gives up past its budget', () => {
    const impact = Float64Array.from({ length: 2000 }, (_, i) => i % 7)
    const p: Postings = {
      docs: Uint32Array.from({ length: 2000 }, (_, i) => i),
      impact,
      order: impactOrder(impact),
    }
    const stamp = new Uint32Array(2000)
    const acc = new Float64Array(2000)
    const cand = Uint32Array.of(3, 1999) // met only at the far end of the walk
    for (const d of cand) stamp[d] = 1
    const better = betterBy(acc, new Float64Array(2000))
    expect(topByImpact([p], cand, 1, better, { stamp, acc, inCand: 1 }, 50)).toBeNull()
  })
})

const ALL = NO_FILTERS

/** A generated index: a Zipf-like vocabulary, so a few words are in most articles (long lists). */
const generatedIndex = (n: number) => {
  const rng = makeRng(18)
  const vocab = Array.from({ length: 60 }, (_, i) => `tu${i}`)
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(1 / (rng.next() + 0.017)) - 1)] as string
  const text = (len: number) => Array.from({ length: len }, word).join(' ')
  const b = new IndexBuilder()
  for (let i = 0; i < n; i++) {
    const day = rng.next() < 0.1 ? null : 18000 + Math.floor(rng.next() * 30)
    b.add({
      id: `a${String(i).padStart(5, '0')}`,
      title: text(3 + Math.floor(rng.next() * 5)),
      body: text(10 + Math.floor(rng.next() * 60)),
      publishedAt: day === null ? null : new Date(day * 864e5).toISOString(),
      publishedMs: day === null ? null : day * 864e5,
      day,
      sourceId: `s${i % 3}`,
      url: `https://example.org/${i}`,
      p2008: null,
      p2025: String(10 + (i % 5)),
      origin: null,
      clusterId: null,
    })
  }
  return {
    index: new SearchIndex(b.finish({ types: new Map(), cites: new Map(), provinces: new Map() })),
    vocab,
    rng,
  }
}

describe('the engine with pruning', () => {
  it('answers every random query as scoring every candidate does', () => {
    const { index, vocab, rng } = generatedIndex(3000)
    const pick = () => vocab[Math.floor(rng.next() ** 2 * vocab.length)] as string
    const forms = [
      () => pick(),
      () => `${pick()} ${pick()}`,
      () => `${pick()} ${pick()} ${pick()}`,
      () => `${pick()} OR ${pick()}`,
      () => `${pick()} -${pick()}`,
      () => `"${pick()} ${pick()}"`,
    ]
    for (let i = 0; i < 240; i++) {
      const q = parseSearch((forms[i % forms.length] as () => string)())
      const filters = i % 4 === 3 ? { ...ALL, provinces: ['11', '12'] } : ALL
      const [limit, offset] = i % 5 === 4 ? [10, 30] : [20, 0]
      index.pruning = false
      const want = index.search(q, filters, limit, offset)
      index.pruning = true
      const got = index.search(q, filters, limit, offset)
      expect(got).toEqual(want)
    }
    // the walk really ran (else this would only compare the exhaustive path with itself)
    expect(index.walked).toBeGreaterThan(40)
  })
})
