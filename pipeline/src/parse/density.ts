/**
 * Main text by density, for pages no adapter knows (issue #12). Paragraph-like blocks (p, pre,
 * blockquote, divs or cells whose own inline text is long: `<br>`-separated lines, table layouts,
 * and short divs that are one sentence each) score their parent fully and their grandparent by
 * half; scores are damped by link density and the best container wins. Then the result judges
 * itself: siblings of the winner's outermost wrapper that carry article-like text, at any depth,
 * join it (a body split by an ad block); when the chosen roots still hold far less of the page's
 * paragraph text than the page has, the deepest container holding most of that text is taken
 * instead; and a lead set apart just before the body, after the headline, is kept.
 *
 * Boilerplate by tag or class (nav, aside, "sidebar", "related" …) never scores, except a block
 * that holds a large share of the page's text: a main column inside `<div class="sidebar-1">` is
 * the article, whatever its class says.
 */
import { type AnyNode, type Element, Element as ElementNode } from 'domhandler'
import { isHidden, isStructuralBoilerplate } from './boilerplate.ts'
import { type Doc, textContent } from './doc.ts'
import { heldBy } from './positions.ts'
import { leadBefore } from './lead.ts'
import {
  INLINE_TAGS,
  linkDensity,
  MIN_OWN_TEXT,
  measureText,
  ownInlineChars,
  type TextStats,
} from './text-stats.ts'

const EXCLUDED_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'script', 'style', 'noscript'])
/** Excluded by tag only when they do not hold the article (templates that misuse them). */
const WAIVABLE_TAGS = new Set(['aside', 'header'])
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote'])
// Blocks whose text is written directly inside them (no <p>): it scores the block itself.
const TEXT_HOLDERS = new Set(['div', 'td', 'th', 'section', 'article', 'center', 'li', 'dd'])

/** Share of the page's non-link text from which a block is the article whatever its class says. */
const PROTECTED_SHARE = 0.4
/** A sibling joins the winner with at least this share of its score and little link text. */
const SIBLING_SHARE = 0.2
const SIBLING_LINK_DENSITY = 0.25
/** The roots must hold this share of the page's paragraph text, else the deepest container holding most of it wins. */
const MIN_COVERAGE = 0.6
const FALLBACK_SHARE = 0.8
const FALLBACK_LINK_DENSITY = 0.3

export interface DensityResult {
  /** The containers holding the article text, in document order (empty when the page has none). */
  readonly roots: Element[]
  /** Which method chose them: the best container, with its siblings, or the coverage fallback. */
  readonly method: 'density' | 'density+siblings' | 'coverage' | 'none'
  /** Characters of paragraph-like text on the whole page outside navigation and widgets. */
  readonly pageChars: number
}

const SENTENCE_END = /[.!?…"”)]\s*$/

/**
 * A short `<div>` that is a line of prose: only text and inline tags in it, no link text, and it
 * ends like a sentence. Editors that write one `<div>` per sentence leave bodies with no `<p>`
 * and no line long enough to count alone; menus and labels are links or end without a full stop.
 */
const isSentenceLine = (el: Element, stats: Stats): boolean => {
  const st = stats.get(el)
  if (!st || st.linkChars > 0) return false
  let last = ''
  for (const c of el.children as AnyNode[]) {
    if (c.type === 'text') last = c.data.trim() || last
    else if (c.type === 'tag' && INLINE_TAGS.has(c.name)) last = textContent(c).trim() || last
    else if (c.type === 'tag' && c.name !== 'br') return false
  }
  return SENTENCE_END.test(last)
}

const cache = new WeakMap<Doc, DensityResult>()

/** The page's main text containers (computed once per parsed page). */
export const mainContent = (doc: Doc): DensityResult => {
  let r = cache.get(doc)
  if (!r) {
    r = computeMainContent(doc)
    cache.set(doc, r)
  }
  return r
}

type Stats = Map<Element, TextStats>

interface ScoredParagraph {
  readonly el: Element
  readonly score: number
  readonly chars: number
  readonly holder: boolean
}

/**
 * Whether an element sits in page chrome (hidden, excluded tag, widget class), memoised for the
 * page. A widget's class on the block that holds the page's text lies and is waived.
 */
const exclusion = (stats: Stats, pageText: number): ((el: Element | null) => boolean) => {
  const memo = new WeakMap<Element, boolean>()
  const selfExcluded = (e: Element): boolean => {
    if (e.name === 'body' || e.name === 'html') return false
    const tagged = EXCLUDED_TAGS.has(e.name)
    const classed = isStructuralBoilerplate(`${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`)
    if (isHidden(e.attribs)) return true
    if (!tagged && !classed) return false
    if (tagged && !WAIVABLE_TAGS.has(e.name)) return true
    const st = stats.get(e)
    return !st || st.chars - st.linkChars < PROTECTED_SHARE * pageText
  }
  return (el) => {
    // Walk up to the first memoised ancestor, then fill the memo on the way down (no recursion).
    const chain: Element[] = []
    let verdict = false
    for (let e = el; e && e.type === 'tag'; e = e.parent as Element | null) {
      const known = memo.get(e)
      if (known !== undefined) {
        verdict = known
        break
      }
      chain.push(e)
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      verdict = verdict || selfExcluded(chain[i]!)
      memo.set(chain[i]!, verdict)
    }
    return verdict
  }
}

/**
 * A list item that opens with a link is a teaser (a headline linking elsewhere, then its
 * summary), not a paragraph: a rail of them must not pass for the page's text.
 */
const opensWithLink = (el: Element): boolean => {
  for (const c of el.children as AnyNode[]) {
    if (c.type === 'text' && !c.data.trim()) continue
    return c.type === 'tag' && c.name === 'a' && textContent(c).trim().length > 0
  }
  return false
}

/** Paragraph-like blocks outside the chrome, with their scores. */
const scoredParagraphs = (
  doc: Doc,
  body: Element,
  stats: Stats,
  excluded: (el: Element | null) => boolean
): ScoredParagraph[] => {
  const paragraphs: ScoredParagraph[] = []
  for (const el of doc.elements) {
    if (!stats.has(el) || el === body) continue
    const st = stats.get(el)!
    let chars: number
    const holder = !PARAGRAPH_TAGS.has(el.name)
    if (!holder) chars = st.chars - st.linkChars
    else if (TEXT_HOLDERS.has(el.name)) {
      chars = ownInlineChars(el, stats)
      if (chars < MIN_OWN_TEXT && !(el.name === 'div' && isSentenceLine(el, stats))) continue
    } else continue
    if (chars < 25 || excluded(el) || (el.name === 'li' && opensWithLink(el))) continue
    paragraphs.push({ el, score: 1 + st.punct + Math.min(chars / 100, 3), chars, holder })
  }
  return paragraphs
}

/** Every paragraph scores its parent fully and its grandparent by half. */
const containerScores = (paragraphs: ReadonlyArray<ScoredParagraph>): Map<Element, number> => {
  const scores = new Map<Element, number>()
  const add = (el: Element | null, s: number) => {
    if (el && el.type === 'tag') scores.set(el, (scores.get(el) ?? 0) + s)
  }
  for (const p of paragraphs) {
    const parent = p.el.parent as Element | null
    if (p.holder) {
      // Text written in the block itself (br-separated lines, a table cell) scores the block.
      add(p.el, p.score)
      add(parent, 0.75 * p.score)
      add(parent?.parent as Element | null, p.score / 2)
    } else {
      add(parent, p.score)
      add(parent?.parent as Element | null, p.score / 2)
    }
  }
  return scores
}

/**
 * The page's body. HTML lets a page omit its <body> tag, and a saved copy may keep only the
 * article's container: then the whole document is read (a detached wrapper over its top nodes).
 */
const bodyOf = (doc: Doc): Element =>
  doc.byTag('body')[0] ?? doc.byTag('html')[0] ?? new ElementNode('body', {}, [...doc.document.children])

const computeMainContent = (doc: Doc): DensityResult => {
  const body = bodyOf(doc)
  const stats = measureText(body)
  const bodyStats = stats.get(body)!
  const excluded = exclusion(stats, Math.max(bodyStats.chars - bodyStats.linkChars, 1))
  const paragraphs = scoredParagraphs(doc, body, stats, excluded)
  if (paragraphs.length === 0) return { roots: [], method: 'none', pageChars: 0 }

  const scores = containerScores(paragraphs)
  const adjusted = (el: Element): number => {
    const st = stats.get(el) ?? measureText(el, stats).get(el)!
    return (scores.get(el) ?? 0) * (1 - linkDensity(st))
  }
  let best: Element | null = null
  let bestScore = 0
  for (const el of scores.keys()) {
    const s = adjusted(el)
    if (s > bestScore) {
      best = el
      bestScore = s
    }
  }
  const total = paragraphs.reduce((n, p) => n + p.chars, 0)
  if (!best) return { roots: [], method: 'none', pageChars: total }

  const held = heldBy(paragraphs, (p) => p.score)
  const bestHeld = held(best)
  const sibling = (c: Element): boolean =>
    adjusted(c) >= SIBLING_SHARE * bestScore || held(c) >= SIBLING_SHARE * bestHeld
  const heldChars = heldBy(paragraphs, (p) => p.chars)
  const own = new Map(paragraphs.map((p) => [p.el, p.chars]))
  let roots = withSiblings(outermostWrapper(best), { joins: sibling, heldChars, own }, stats, excluded)
  let method: DensityResult['method'] = roots.length > 1 ? 'density+siblings' : 'density'
  if (coveredChars(roots, paragraphs) < MIN_COVERAGE * total) {
    const wide = coverageContainer(paragraphs, total, stats)
    if (wide && wide !== body && coveredChars([wide], paragraphs) > coveredChars(roots, paragraphs)) {
      roots = [wide]
      method = 'coverage'
    }
  }
  return { roots: leadBefore(roots, paragraphs, doc, stats), method, pageChars: total }
}

/** Paragraph characters inside the roots (disjoint: siblings, or one wrapper). */
const coveredChars = (roots: ReadonlyArray<Element>, paragraphs: ReadonlyArray<ScoredParagraph>): number => {
  const chars = heldBy(paragraphs, (p) => p.chars)
  return roots.reduce((n, r) => n + chars(r), 0)
}

/**
 * The winner's outermost wrapper that holds nothing else (a block that is its parent's only
 * element child is the same block): its siblings are where the rest of a split body sits.
 */
const outermostWrapper = (el: Element): Element => {
  let e = el
  for (let p = e.parent as Element | null; p?.type === 'tag' && p.name !== 'body' && p.name !== 'html'; ) {
    const alone = p.children.every(
      (c) => c === e || c.type === 'comment' || (c.type === 'text' && !c.data.trim())
    )
    if (!alone) break
    e = p
    p = e.parent as Element | null
  }
  return e
}

interface SiblingTests {
  /** Whether a sibling carries a share of the winner's score (the rest of a split body). */
  readonly joins: (el: Element) => boolean
  /** Paragraph characters below an element. */
  readonly heldChars: (el: Element) => number
  /** Characters of the elements that are paragraphs themselves. */
  readonly own: ReadonlyMap<Element, number>
}

/**
 * The winner and the siblings beside it that carry article-like text, in document order: a
 * sibling scoring a share of the winner, or holding that share of its paragraph scores deeper
 * down (the rest of a body split across two wrappers by an ad block). Then the gaps: a sibling
 * with paragraph text between two joined ones is body too (one short paragraph set apart by an
 * image column scores too little alone), and a full paragraph right before or after the joined
 * run, past blocks without text, continues it (the body's last paragraph after a list), and so
 * does a block of the same tag and class as a joined one (a CMS's closing text block).
 */
const withSiblings = (
  best: Element,
  t: SiblingTests,
  stats: Map<Element, TextStats>,
  excluded: (el: Element | null) => boolean
): Element[] => {
  const parent = best.parent as Element | null
  if (parent?.type !== 'tag' || parent.name === 'body' || parent.name === 'html') return [best]
  const kids = (parent.children as AnyNode[]).filter((c): c is Element => c.type === 'tag')
  const prose = kids.map((c) => {
    const st = stats.get(c)
    return !!st && !excluded(c) && linkDensity(st) <= SIBLING_LINK_DENSITY
  })
  const joined = kids.map((c, i) => c === best || (prose[i]! && t.joins(c)))
  const first = joined.indexOf(true)
  const last = joined.lastIndexOf(true)
  for (let i = first + 1; i < last; i++) if (prose[i] && t.heldChars(kids[i]!) > 0) joined[i] = true
  const textless = (i: number): boolean => (stats.get(kids[i]!)?.chars ?? 0) === 0
  const paragraph = (i: number): boolean => prose[i]! && (t.own.get(kids[i]!) ?? 0) >= MIN_OWN_TEXT
  // A CMS that cuts the body into blocks of one kind ("article__block_text") gives its closing
  // block the same tag and class as the joined ones, however short it is.
  const kindOf = (el: Element): string => `${el.name}.${el.attribs.class ?? ''}`
  const kinds = new Set(kids.filter((_, i) => joined[i]).map(kindOf))
  const sameKindBlock = (i: number): boolean =>
    prose[i]! && kinds.has(kindOf(kids[i]!)) && t.heldChars(kids[i]!) >= MIN_OWN_TEXT
  for (const step of [1, -1]) {
    let i = step > 0 ? last + 1 : first - 1
    for (; i >= 0 && i < kids.length; i += step) {
      if (paragraph(i) || sameKindBlock(i)) joined[i] = true
      else if (!textless(i)) break
    }
  }
  return kids.filter((_, i) => joined[i])
}

/** The deepest container holding most of the page's paragraph text, when its links are few. */
const coverageContainer = (
  paragraphs: ReadonlyArray<{ el: Element; chars: number }>,
  total: number,
  stats: Map<Element, TextStats>
): Element | null => {
  const held = new Map<Element, number>()
  for (const p of paragraphs)
    for (let e: Element | null = p.el; e && e.type === 'tag'; e = e.parent as Element | null)
      held.set(e, (held.get(e) ?? 0) + p.chars)
  let best: Element | null = null
  let bestDepth = -1
  for (const [el, n] of held) {
    if (n < FALLBACK_SHARE * total) continue
    const st = stats.get(el)
    if (!st || linkDensity(st) > FALLBACK_LINK_DENSITY) continue
    let depth = 0
    for (let e = el.parent; e; e = e.parent) depth++
    if (depth > bestDepth) {
      best = el
      bestDepth = depth
    }
  }
  return best
}
