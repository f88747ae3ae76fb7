/**
 * Unknown sites: head metadata first (og:, article:, JSON-LD, microdata — merged in
 * parse-article.ts), then the main content found by text density: every paragraph scores its
 * parent fully and its grandparent by half, scores are damped by link density, and the best
 * container wins. Widgets (nav, aside, related, comments, hidden) never score. The sapo printed
 * just before the body and a right-aligned byline just after it are picked up too.
 */
import type { AnyNode, Element } from 'domhandler'
import { looksLikeByline, splitAuthors, stripAuthorLabel } from '../../parse/authors.ts'
import { isHidden } from '../../parse/boilerplate.ts'
import { textOf } from '../../parse/blocks.ts'
import type { Doc } from '../../parse/doc.ts'
import { type HeadMeta, stripSiteSuffix } from '../../parse/head-meta.ts'
import { mainContent } from '../../parse/density.ts'
import { foldVietnamese } from '../../parse/text.ts'
import { attrOf } from '../read/dom.ts'
import type { Adapter } from '../read/types.ts'

const TITLE_SELECTOR =
  'h1, h2, h3, [class*="title"], [class*="Title"], [id*="title"], [class*="tieude"], [class*="tieu-de"], [class*="headline"]'
// Headings of a box or a section of the site, not of an article.
const SECTION_HEADING =
  /portlet|box-?title|block-?title|module-?title|widget|cat(egory)?-?(title|name)|section-?title|header-?title/i
const NAVIGATION = /(?:^|[\s_-])(?:breadcrumbs?|menu|nav|navbar|footer|copyright)(?:$|[\s_-])/i

/** Levels above a heading searched for a box's class (h1 → header.portlet-topper → section.portlet). */
const BOX_LEVELS = 3

/** The heading of a box or portlet (its own class or that of a close ancestor), not of an article. */
const inBox = (el: Element): boolean => {
  let e: Element | null = el
  for (let level = 0; e && e.type === 'tag' && level <= BOX_LEVELS; level++, e = e.parent as Element | null)
    if (SECTION_HEADING.test(`${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`)) return true
  return false
}

/** Whether a text is printed on the page only as box or portlet headings ("giới thiệu" over a menu). */
export const isBoxHeading = (doc: Doc, text: string): boolean => {
  let seen = false
  for (const el of doc.all(TITLE_SELECTOR)) {
    if (textOf(el) !== text) continue
    if (!inBox(el)) return false
    seen = true
  }
  return seen
}

/** Inside a breadcrumb, menu or footer (the element or an ancestor)? */
const inNavigation = (el: Element): boolean => {
  for (let e: Element | null = el; e && e.type === 'tag'; e = e.parent as Element | null) {
    if (e.name === 'nav' || e.name === 'footer') return true
    if (NAVIGATION.test(`${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`)) return true
  }
  return false
}

/** The best a heading can score: an h1 (20) exactly equal to the JSON-LD/og headline (100). */
const MAX_TITLE_SCORE = 120

interface FoldedTitles {
  readonly strong: ReadonlyArray<string>
  readonly docTitle: string | null
}
// Folded once per page: metaTitleMatch runs for every heading, and refolding the same metadata
// titles for each was a tenth of the parse's allocation on pages with many headings (#15).
const foldedTitles = new WeakMap<HeadMeta, FoldedTitles>()

const metaTitles = (meta: HeadMeta): FoldedTitles => {
  const known = foldedTitles.get(meta)
  if (known) return known
  const titles = {
    strong: [meta.jsonLd?.headline, meta.og['og:title'], meta.microdata.headline]
      .filter((t): t is string => !!t)
      .map(foldVietnamese),
    docTitle: meta.documentTitle
      ? foldVietnamese(stripSiteSuffix(meta.documentTitle, meta.og['og:site_name']))
      : null,
  }
  foldedTitles.set(meta, titles)
  return titles
}

/** How well a folded heading matches the page's metadata titles (0: not at all). */
export const metaTitleMatch = (f: string, meta: HeadMeta): number => {
  const { strong, docTitle } = metaTitles(meta)
  if (strong.some((m) => m === f)) return 100
  if (docTitle === f) return 80
  if (f.length >= 20 && strong.some((m) => m.startsWith(f) || f.startsWith(m))) return 60
  if (f.length >= 20 && docTitle?.includes(f)) return 50
  return 0
}

export interface RankedTitle {
  readonly title: string | null
  /** Whether the heading matches the page's metadata title (not merely the first h1). */
  readonly matched: boolean
}

/**
 * The article's own headline: the visible heading that matches the page's metadata title (JSON-LD
 * headline or og:title first, then the document title without its site suffix), else the first
 * h1; never a breadcrumb, a menu entry, the site name, or a box heading ("Tin tức - Sự kiện") that
 * matches nothing.
 */
export const rankTitle = (doc: Doc, meta: HeadMeta): RankedTitle => {
  const site = meta.og['og:site_name'] ? foldVietnamese(meta.og['og:site_name']) : null
  let best: string | null = null
  let bestScore = Number.NEGATIVE_INFINITY
  let bestMatched = false
  for (const el of doc.all(TITLE_SELECTOR)) {
    const t = textOf(el)
    if (t.length < 8 || t.length > 300) continue
    const f = foldVietnamese(t)
    let score = el.name === 'h1' ? 20 : el.name === 'h2' ? 10 : el.name === 'h3' ? 8 : 6
    const match = metaTitleMatch(f, meta)
    score += match
    // A box heading that matches no metadata title is never the headline.
    if (match === 0 && inBox(el)) continue
    if (f === site) score -= 100
    if (inNavigation(el)) score -= 50
    if (score > bestScore) {
      best = t
      bestScore = score
      bestMatched = match > 0
    }
    // An h1 that is exactly the metadata headline, outside navigation: nothing later can beat it.
    if (bestScore >= MAX_TITLE_SCORE) break
  }
  return bestScore > 0 ? { title: best, matched: bestMatched } : { title: null, matched: false }
}

const SAPO_CLASS = /sapo|lead|desc|summary|intro|chapeau|tomtat|tom-tat|excerpt/i

const isBoldOnly = (el: Element): boolean => {
  const text = textOf(el)
  let bold = ''
  const visit = (n: AnyNode): void => {
    if (n.type !== 'tag') return
    const e = n as Element
    if (e.name === 'b' || e.name === 'strong') bold += ` ${textOf(e)}`
    else e.children.forEach(visit)
  }
  visit(el)
  return text.length > 0 && bold.trim().length >= text.length * 0.9
}

/** A sapo printed just before the body: a lead-classed or all-bold block of 40–800 characters. */
const findLeadBefore = (body: Element, title: string | null, description: string | null): Element | null => {
  const foldedTitle = title ? foldVietnamese(title) : null
  const foldedDesc = description ? foldVietnamese(description) : null
  let node: Element | null = body
  for (let depth = 0; depth < 4 && node; depth++) {
    let prev = node.prev
    for (let steps = 0; prev && steps < 4; prev = prev.prev) {
      if (prev.type !== 'tag') continue
      steps++
      const el = prev as Element
      if (isHidden(el.attribs)) continue
      const t = textOf(el)
      if (t.length === 0) continue
      const f = foldVietnamese(t)
      if (f === foldedTitle) return null // reached the title: no sapo between title and body
      if (t.length < 40 || t.length > 800) continue
      if (
        SAPO_CLASS.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`) ||
        isBoldOnly(el) ||
        f === foldedDesc
      )
        return el
    }
    node = node.parent as Element | null
    if (node?.name === 'body') break
  }
  return null
}

/** A byline just after the body (right-aligned or author-classed), e.g. "Xuân Bách - Bảo Ngọc". */
const findBylineAfter = (doc: Doc, roots: ReadonlyArray<Element>): string[] => {
  for (const el of doc.all(
    '[align="right"], [style*="right"], [class*="author"], [class*="tacgia"], .byline'
  )) {
    if (roots.some((r) => r.children.includes(el))) continue
    const t = textOf(el)
    const labelled = stripAuthorLabel(t)
    const names = labelled ? splitAuthors(labelled) : looksLikeByline(t) ? splitAuthors(t) : []
    if (names.length > 0) return names
  }
  return []
}

export const genericAdapter: Adapter = {
  platform: 'generic',
  parse: ({ doc, meta }) => {
    const { roots } = mainContent(doc)
    const body = roots[0] ?? null
    const title = rankTitle(doc, meta).title
    // Dates: only an <article>'s own <time>; the date finder (date-finder.ts) reads the rest, the
    // line printed next to the headline included (a class="date" anywhere may be the header clock).
    const dateMachine = attrOf(doc, 'article time[datetime]', 'datetime')
    const lead = body ? findLeadBefore(body, title, meta.og['og:description'] ?? meta.description) : null
    return {
      title,
      lead: lead ? textOf(lead) : null,
      dateText: null,
      dateMachine,
      authors: body ? findBylineAfter(doc, roots) : [],
      category: null,
      tags: [],
      body: lead ? [lead, ...roots] : roots,
    }
  },
}
