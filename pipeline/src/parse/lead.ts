/**
 * The lead paragraph that newspapers set apart from the body (issue #12, density.ts): found after
 * the density pass has chosen the body's containers, and put in front of them.
 */
import type { Element } from 'domhandler'
import { isHidden } from './boilerplate.ts'
import type { Doc } from './doc.ts'
import { firstAtOrAfter, type Positioned, positions } from './positions.ts'
import { linkDensity, MIN_OWN_TEXT, ownInlineChars, type TextStats } from './text-stats.ts'

const LEAD_LINK_DENSITY = 0.25

/** How far above the body's first container a lead set apart may branch off. */
const LEAD_LEVELS = 3

/**
 * The roots with the lead paragraph that newspapers style apart from the body (a sapo in its own
 * column, in the article's <header>, or in an <h2> under the headline): the last text block
 * between the page's headline and the body, long, with few links, branching off at most three
 * levels above the body's first container.
 */
export const leadBefore = (
  roots: Element[],
  paragraphs: ReadonlyArray<Positioned>,
  doc: Doc,
  stats: Map<Element, TextStats>
): Element[] => {
  const first = roots[0]
  const h1 = doc.byTag('h1')[0]
  if (!first || !h1 || (first.startIndex ?? 0) < (h1.startIndex ?? 0)) return roots
  const i = firstAtOrAfter(positions(paragraphs), first.startIndex ?? 0)
  const before = i > 0 ? paragraphs[i - 1]! : null
  const scored = before && before.chars >= MIN_OWN_TEXT ? before.el : null
  const lead = leadBlock(doc, h1, first, stats, scored)
  if (!lead || roots.some((r) => contains(r, lead))) return roots
  let a: Element | null = first
  for (let k = 0; a && k <= LEAD_LEVELS; k++, a = a.parent as Element | null) {
    if (a.type !== 'tag' || a.name === 'body' || a.name === 'html') return roots
    if (contains(a, lead)) return [lead, ...roots]
  }
  return roots
}

const LEAD_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'div'])
const LEAD_MAX = 800
const NOT_LEAD = new Set(['figure', 'figcaption', 'table', 'nav', 'aside', 'footer', 'li'])

/**
 * The lead: the scored paragraph just before the body when it follows the headline, else the last
 * block after the headline and before the body holding 80–800 characters of its own prose (an
 * <h2> or a paragraph in the article's <header> never scores as a paragraph).
 */
const leadBlock = (
  doc: Doc,
  h1: Element,
  first: Element,
  stats: Map<Element, TextStats>,
  scored: Element | null
): Element | null => {
  const from = h1.startIndex ?? 0
  if (scored && (scored.startIndex ?? 0) > from) return scored
  for (let k = (first.startIndex ?? 0) - 1; k > from; k--) {
    const el = doc.elements[k]!
    const st = stats.get(el)
    if (!st || !LEAD_TAGS.has(el.name) || linkDensity(st) > LEAD_LINK_DENSITY) continue
    const chars = st.chars - st.linkChars
    if (chars < MIN_OWN_TEXT || chars > LEAD_MAX || contains(el, first)) continue
    if (el.name === 'div' && ownInlineChars(el, stats) < MIN_OWN_TEXT) continue
    let shown = true
    for (let e: Element | null = el; e && e.type === 'tag'; e = e.parent as Element | null)
      if (NOT_LEAD.has(e.name) || isHidden(e.attribs)) shown = false
    if (shown) return el
  }
  return null
}

const contains = (root: Element, node: Element): boolean => {
  for (let e: Element | null = node; e; e = e.parent as Element | null) if (e === root) return true
  return false
}
