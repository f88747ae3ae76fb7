/**
 * Top-k without scoring every candidate (issue #18): the threshold algorithm over impact-ordered
 * postings. Each scored token's postings are walked from the highest impact down, one candidate per
 * token per round; an article met is scored in full (its other tokens looked up), so the k best met
 * so far are exact. The walk stops once the k-th best beats the sum of the impacts still ahead in every
 * list, which no article not met yet can reach. Scores (same sums in the same order) and the order of
 * the page are those of scoring every candidate; only the work differs.
 */
import { type Postings, seek } from './postings.ts'
import { TopK } from './top.ts'

const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)

/** The bits of x (≥ 0) rounded up to a float32: they sort as the numbers do. */
const upBits = (x: number): number => {
  f32[0] = x
  if ((f32[0] as number) < x) u32[0] = (u32[0] as number) + 1
  return u32[0] as number
}

/** x (≥ 0) rounded up to a float32: the bound of every impact ordered after it. */
const up = (x: number): number => {
  upBits(x)
  return f32[0] as number
}

/** Postings shorter than this keep no order (scoring them in full costs little). */
export const ORDER_MIN = 256

const SHIFT = 2 ** 21

/**
 * Positions in `impact` from the highest impact down (rounded up to float32, so the walk's bounds are
 * those very keys): one native sort of (bits, position) packed exactly into doubles.
 */
export const impactOrder = (impact: Float64Array): Uint32Array => {
  const n = impact.length
  const out = new Uint32Array(n)
  if (n >= SHIFT) {
    // too long to pack into a double exactly
    for (let i = 0; i < n; i++) out[i] = i
    return out.sort((a, b) => upBits(impact[b] as number) - upBits(impact[a] as number))
  }
  const keys = new Float64Array(n)
  for (let k = 0; k < n; k++) keys[k] = upBits(impact[k] as number) * SHIFT + k
  keys.sort()
  for (let i = 0; i < n; i++) out[i] = (keys[n - 1 - i] as number) % SHIFT
  return out
}

/** The engine's per-article scratch: candidates carry the stamp `inCand` (inCand + 1 marks them met). */
export interface Scratch {
  readonly stamp: Uint32Array
  readonly acc: Float64Array
  readonly inCand: number
}

/**
 * The best `k` of `cand` by the sum of the `lists`' impacts (in list order, as the exhaustive path adds
 * them), their scores left in `acc`; null when the walk passes `budget` postings (scoring every
 * candidate is then cheaper).
 */
export const topByImpact = (
  lists: ReadonlyArray<Postings>,
  cand: Uint32Array,
  k: number,
  better: (a: number, b: number) => boolean,
  sc: Scratch,
  budget: number
): number[] | null => {
  const { stamp, acc, inCand } = sc
  const met = inCand + 1
  const m = lists.length
  const orders = lists.map((p) => p.order ?? impactOrder(p.impact))
  const pos = new Array<number>(m).fill(0)
  const top = new TopK(k, better)
  const scoreOf = (doc: number, j: number, kj: number): number => {
    let s = 0
    for (let t = 0; t < m; t++) {
      const p = lists[t] as Postings
      if (t === j) s += p.impact[kj] as number
      else {
        const at = seek(p.docs, doc, 0)
        if (p.docs[at] === doc) s += p.impact[at] as number
      }
    }
    return s
  }
  let walked = 0
  for (;;) {
    let live = 0
    let bound = 0
    for (let j = 0; j < m; j++) {
      const ord = orders[j] as Uint32Array
      const p = lists[j] as Postings
      let i = pos[j] as number
      while (i < ord.length) {
        const kj = ord[i++] as number
        const doc = p.docs[kj] as number
        if (stamp[doc] !== inCand) continue
        stamp[doc] = met
        acc[doc] = scoreOf(doc, j, kj)
        top.offer(doc)
        break
      }
      walked += i - (pos[j] as number)
      pos[j] = i
      if (i < ord.length) {
        live++
        bound += up(p.impact[ord[i] as number] as number)
      }
    }
    if (walked > budget) return null
    if (live === 0) break
    // the margin covers the rounding of sums taken in another order
    if (top.full && bound * (1 + 1e-9) < (acc[top.worst as number] as number)) return top.sorted()
  }
  // every list walked: candidates in none of them score 0
  for (let i = 0; i < cand.length; i++) {
    const doc = cand[i] as number
    if (stamp[doc] !== inCand) continue
    acc[doc] = 0
    top.offer(doc)
  }
  return top.sorted()
}
