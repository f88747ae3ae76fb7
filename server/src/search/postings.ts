/** Set operations on sorted, distinct Uint32Array posting lists (article numbers ascending). */

/** One token's posting list with its score contributions (built in index-build.ts). */
export interface Postings {
  /** Article numbers, ascending. */
  readonly docs: Uint32Array
  /** BM25F contribution of this token to each article's score. */
  readonly impact: Float64Array
  /** Positions from the highest impact down (impact-top.ts), for lists of ORDER_MIN or more. */
  readonly order: Uint32Array | null
}

export const EMPTY = new Uint32Array(0)

/** First index k ≥ from with a[k] ≥ v (exponential then binary search: cheap for near and far targets). */
export const seek = (a: Uint32Array, v: number, from: number): number => {
  let lo = from
  let step = 1
  let hi = from
  while (hi < a.length && (a[hi] as number) < v) {
    lo = hi + 1
    hi += step
    step *= 2
  }
  if (hi > a.length) hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((a[mid] as number) < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

export const intersect = (a: Uint32Array, b: Uint32Array): Uint32Array => {
  const [small, big] = a.length <= b.length ? [a, b] : [b, a]
  const out = new Uint32Array(small.length)
  let n = 0
  let j = 0
  for (let i = 0; i < small.length && j < big.length; i++) {
    const v = small[i] as number
    j = seek(big, v, j)
    if (big[j] === v) out[n++] = v
  }
  return out.subarray(0, n)
}

export const union = (a: Uint32Array, b: Uint32Array): Uint32Array => {
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x < y) out[n++] = a[i++] as number
    else if (y < x) out[n++] = b[j++] as number
    else {
      out[n++] = x
      i++
      j++
    }
  }
  while (i < a.length) out[n++] = a[i++] as number
  while (j < b.length) out[n++] = b[j++] as number
  return out.subarray(0, n)
}

export const difference = (a: Uint32Array, b: Uint32Array): Uint32Array => {
  const out = new Uint32Array(a.length)
  let n = 0
  let j = 0
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number
    j = seek(b, v, j)
    if (b[j] !== v) out[n++] = v
  }
  return out.subarray(0, n)
}

export const keep = (a: Uint32Array, pred: (doc: number) => boolean): Uint32Array => {
  const out = new Uint32Array(a.length)
  let n = 0
  for (let i = 0; i < a.length; i++) if (pred(a[i] as number)) out[n++] = a[i] as number
  return out.subarray(0, n)
}

export const intersectAll = (lists: ReadonlyArray<Uint32Array>): Uint32Array => {
  const sorted = [...lists].sort((x, y) => x.length - y.length)
  let acc = sorted[0] ?? EMPTY
  for (const l of sorted.slice(1)) {
    if (acc.length === 0) break
    acc = intersect(acc, l)
  }
  return acc
}

export const unionAll = (lists: ReadonlyArray<Uint32Array>): Uint32Array =>
  lists.reduce((acc, l) => (acc.length === 0 ? l : union(acc, l)), EMPTY)

/** For each candidate found in `docs`, calls f(candidate index, index in docs). */
export const eachCommon = (cand: Uint32Array, docs: Uint32Array, f: (i: number, k: number) => void): void => {
  let k = 0
  for (let i = 0; i < cand.length && k < docs.length; i++) {
    k = seek(docs, cand[i] as number, k)
    if (docs[k] === cand[i]) f(i, k)
  }
}

/** Whether `seq[from, to)` holds `ids` contiguously (a plain bounded loop: no view allocated). */
export const holdsRun = (seq: Uint32Array, from: number, to: number, ids: ReadonlyArray<number>): boolean => {
  const m = ids.length
  const first = ids[0]
  if (first === undefined) return false
  for (let at = from; at + m <= to; at++) {
    if (seq[at] !== first) continue
    let k = 1
    while (k < m && seq[at + k] === ids[k]) k++
    if (k === m) return true
  }
  return false
}
