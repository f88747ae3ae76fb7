/**
 * The intersection of posting lists (issue #18). The long lists of the index (a few hundred tokens hold
 * almost all its postings) also keep a bitset of their articles, built once with the index: a shorter
 * list's articles are then tested bit by bit instead of reading the long list. Other lists are
 * intersected by galloping (a short list against a much longer one) or by counting stamps (lists of
 * similar size). The result is the same sorted set whichever way is taken.
 */
import { EMPTY, intersect } from './postings.ts'

/** The bitsets of the lists of at least `min` articles, by list (lists are never changed). */
export class Bitsets {
  private readonly sets = new Map<Uint32Array, Uint32Array>()
  readonly min: number

  /** A list of at least n/32 articles costs as much to read as its n-bit set. */
  constructor(
    private readonly n: number,
    min = Math.max(64, Math.ceil(n / 32))
  ) {
    this.min = min
  }

  /** Keeps the bitset of `list` if it is long enough. */
  add(list: Uint32Array): void {
    if (list.length < this.min || list.length >= this.n || this.sets.has(list)) return
    const bits = new Uint32Array((this.n + 31) >>> 5)
    for (let i = 0; i < list.length; i++) {
      const d = list[i] as number
      bits[d >>> 5] = (bits[d >>> 5] as number) | (1 << (d & 31))
    }
    this.sets.set(list, bits)
  }

  get(list: Uint32Array): Uint32Array | undefined {
    return this.sets.get(list)
  }

  /** How many lists keep a bitset, and their bytes. */
  get size(): { readonly lists: number; readonly bytes: number } {
    return { lists: this.sets.size, bytes: this.sets.size * ((this.n + 31) >>> 5) * 4 }
  }
}

/** The articles of `docs` (order kept) whose bit is set in every one of `sets`. */
export const keepInAll = (docs: Uint32Array, sets: ReadonlyArray<Uint32Array>): Uint32Array => {
  const out = new Uint32Array(docs.length)
  let m = 0
  next: for (let i = 0; i < docs.length; i++) {
    const d = docs[i] as number
    const word = d >>> 5
    const bit = 1 << (d & 31)
    for (let j = 0; j < sets.length; j++)
      if ((((sets[j] as Uint32Array)[word] as number) & bit) === 0) continue next
    out[m++] = d
  }
  return out.subarray(0, m)
}

/** A per-article stamp scratch shared with the scoring: `marks(c)` gives c fresh stamp values. */
export interface Stamps {
  readonly stamp: Uint32Array
  marks(count: number): number
}

/**
 * Articles in every list (`n` articles in all; a list of all of them is left out). Lists with a bitset
 * are tested on the shortest list; of the others, a short one against long ones seeks (galloping), and
 * lists of similar size are counted through the stamps in one pass each.
 */
export const andAll = (
  lists: ReadonlyArray<Uint32Array>,
  n: number,
  scratch: Stamps,
  bitsets: Bitsets
): Uint32Array => {
  // a token in every article keeps every article: nothing to intersect
  const sorted = lists.filter((l) => l.length < n).sort((x, y) => x.length - y.length)
  if (sorted.length === 0) return lists[0] ?? EMPTY
  const sets: Uint32Array[] = []
  let rest: Uint32Array[] = []
  for (const l of sorted.slice(1)) {
    const bits = bitsets.get(l)
    if (bits) sets.push(bits)
    else rest.push(l)
  }
  let acc = sets.length ? keepInAll(sorted[0] as Uint32Array, sets) : (sorted[0] as Uint32Array)
  while (rest.length && acc.length * 16 < (rest[0] as Uint32Array).length) {
    acc = intersect(acc, rest[0] as Uint32Array)
    rest = rest.slice(1)
  }
  if (!rest.length || acc.length === 0) return acc
  const { stamp } = scratch
  const base = scratch.marks(rest.length + 1)
  for (let i = 0; i < acc.length; i++) stamp[acc[i] as number] = base
  rest.forEach((l, j) => {
    const want = base + j
    for (let i = 0; i < l.length; i++) {
      const d = l[i] as number
      if (stamp[d] === want) stamp[d] = want + 1
    }
  })
  const last = base + rest.length
  const out = new Uint32Array(acc.length)
  let m = 0
  for (let i = 0; i < acc.length; i++) if (stamp[acc[i] as number] === last) out[m++] = acc[i] as number
  return out.subarray(0, m)
}
