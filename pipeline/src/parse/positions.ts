/**
 * Sums over the density pass's paragraphs by document position (issue #12). An element's
 * descendants hold the element indexes from its own to its last descendant's (doc.ts numbers
 * elements in pre-order in `startIndex`), so prefix sums over the paragraphs, which are in document
 * order, total those below any element in log time.
 */
import type { Element } from 'domhandler'

/** A paragraph of the density pass: its element and the weights summed here. */
export interface Positioned {
  readonly el: Element
  readonly score: number
  readonly chars: number
}

const positionCache = new WeakMap<ReadonlyArray<Positioned>, number[]>()

/** The paragraphs' document positions (element indexes, increasing: they are in document order). */
export const positions = (paragraphs: ReadonlyArray<Positioned>): number[] => {
  let pos = positionCache.get(paragraphs)
  if (!pos) {
    pos = paragraphs.map((p) => p.el.startIndex ?? 0)
    positionCache.set(paragraphs, pos)
  }
  return pos
}

/** Index of the first position at or after `x` (binary search). */
export const firstAtOrAfter = (pos: ReadonlyArray<number>, x: number): number => {
  let lo = 0
  let hi = pos.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pos[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Each element's sum of a weight (score, characters) of the paragraphs anywhere below it. An element's descendants
 * hold the positions from its own to its last descendant's, so prefix sums answer in log time
 * (walking every paragraph's ancestors is quadratic on deep pages).
 */
export const heldBy = (
  paragraphs: ReadonlyArray<Positioned>,
  weight: (p: Positioned) => number
): ((el: Element) => number) => {
  const pos = positions(paragraphs)
  const prefix = [0]
  for (const p of paragraphs) prefix.push(prefix[prefix.length - 1]! + weight(p))
  return (el) => {
    let last = el
    // Only parsed elements carry a position; one added later ends the walk down.
    for (
      let c = lastElementChild(last);
      c && c.startIndex !== null && c.startIndex !== undefined;
      c = lastElementChild(c)
    )
      last = c
    const from = firstAtOrAfter(pos, el.startIndex ?? 0)
    const to = firstAtOrAfter(pos, (last.startIndex ?? Number.MAX_SAFE_INTEGER) + 1)
    return prefix[to]! - prefix[from]!
  }
}

const lastElementChild = (el: Element): Element | null => {
  for (let k = el.children.length - 1; k >= 0; k--) {
    const c = el.children[k]!
    if (c.type === 'tag' || c.type === 'script' || c.type === 'style') return c as Element
  }
  return null
}
