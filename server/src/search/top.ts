/**
 * The best `k` articles by (score desc, published desc with unknown last, article number asc), with a
 * bounded heap (the worst kept article on top): O(n log k), no sort of all n articles.
 */
/** The result order: true when article a comes before article b. */
export type Better = (a: number, b: number) => boolean

export const betterBy =
  (score: Float64Array, ms: Float64Array) =>
  (a: number, b: number): boolean => {
    const x = score[a] as number
    const y = score[b] as number
    if (x !== y) return x > y
    const p = ms[a] as number
    const q = ms[b] as number
    const pn = Number.isNaN(p)
    const qn = Number.isNaN(q)
    if (pn !== qn) return qn // an unknown date sorts last
    if (!pn && p !== q) return p > q
    return a < b
  }

/** The best `k` articles offered so far (articles offered one at a time, in any order). */
export class TopK {
  private readonly heap: number[] = []

  constructor(
    private readonly k: number,
    private readonly better: (a: number, b: number) => boolean
  ) {}

  get full(): boolean {
    return this.heap.length >= this.k
  }

  /** The worst article kept (the one a newcomer must beat once the heap is full). */
  get worst(): number | undefined {
    return this.heap[0]
  }

  offer(d: number): void {
    const { heap, better } = this
    if (this.k <= 0) return
    if (heap.length < this.k) {
      heap.push(d)
      let at = heap.length - 1
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!better(heap[parent] as number, heap[at] as number)) break
        ;[heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number]
        at = parent
      }
    } else if (better(d, heap[0] as number)) {
      heap[0] = d
      this.siftDown()
    }
  }

  /** The kept articles, best first. */
  sorted(): number[] {
    return this.heap.sort((a, b) => (this.better(a, b) ? -1 : 1))
  }

  /** Restores the heap (worst on top) after its top was replaced. */
  private siftDown(): void {
    const { heap, better } = this
    let at = 0
    for (;;) {
      const l = 2 * at + 1
      const r = l + 1
      let worst = at
      if (l < heap.length && better(heap[worst] as number, heap[l] as number)) worst = l
      if (r < heap.length && better(heap[worst] as number, heap[r] as number)) worst = r
      if (worst === at) return
      ;[heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number]
      at = worst
    }
  }
}

/**
 * `score`, when given, is the score `better` compares first: an article scoring below the worst kept one
 * cannot enter, so most articles are passed over without a comparison.
 */
export const topDocs = (
  docs: Uint32Array,
  k: number,
  better: (a: number, b: number) => boolean,
  score?: Float64Array
): number[] => {
  const top = new TopK(k, better)
  let floor = Number.NEGATIVE_INFINITY
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i] as number
    if (score && (score[d] as number) < floor) continue
    top.offer(d)
    if (score && top.full) floor = score[top.worst as number] as number
  }
  return top.sorted()
}
