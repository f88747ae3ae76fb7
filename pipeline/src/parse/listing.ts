/**
 * Listing pages ("Tin tức - Sự kiện", category archives, paginated news lists) look like short
 * articles to a text-density extractor: a headline, a date and a snippet. What gives them away is
 * structure: their text sits in *teasers*, a heading whose text is a link to another page, with a
 * date and a snippet under it. An article body may end with a few related-news teasers, but its
 * own prose outweighs them; a listing is (nearly) all teasers.
 */
import type { AnyNode, Element } from 'domhandler'
import { textOf } from './blocks.ts'
import { SKIP_TAGS } from './boilerplate.ts'
import { isHomeUrl } from './page-kind.ts'

/** A teaser's item (heading + date + snippet) is short; anything longer is prose around it. */
const MAX_ITEM_CHARS = 900

/** A teaser's item opens with its headline: at most a date or a label may come before it. */
const MAX_CHARS_BEFORE_HEADLINE = 30

/** Text of its own that keeps a body with a single teaser an article. */
const MIN_OWN_PROSE = 80

/** Share of the body text held by teaser items from which the page is a listing. */
const LISTING_SHARE = 0.5

const bareHost = (u: URL): string => u.host.replace(/^www\./, '')

const samePage = (a: URL, b: URL): boolean =>
  bareHost(a) === bareHost(b) &&
  a.pathname.replace(/\/+$/, '') === b.pathname.replace(/\/+$/, '') &&
  a.search === b.search

/** Link targets that lead to another page (not an anchor, script, or the page itself). */
const otherPage = (href: string | undefined, page: URL | null): boolean => {
  if (!href) return false
  const h = href.trim()
  if (h === '' || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return false
  try {
    const u = new URL(h, page ?? undefined)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false
    // A link to a home page is the site's name or logo, not a teaser for another article.
    if (isHomeUrl(u.toString())) return false
    return page === null || !samePage(u, page)
  } catch {
    return false
  }
}

/** Text length inside links to other pages, below a node. */
const linkedChars = (node: AnyNode, page: URL | null): number => {
  if (node.type !== 'tag') return 0
  if (node.name === 'a') return otherPage(node.attribs.href, page) ? textOf(node).length : 0
  let n = 0
  for (const c of node.children) n += linkedChars(c, page)
  return n
}

/** A heading whose text is (almost) all a link to another page: a teaser's headline. */
export const isTeaserHeading = (el: Element, page: URL | null): boolean => {
  const len = textOf(el).length
  return len >= 10 && linkedChars(el, page) >= 0.8 * len
}

/** Length of the text that precedes `target` inside `root` (stops counting past `limit`). */
const charsBefore = (root: Element, target: Element, limit: number): number => {
  let n = 0
  const visit = (node: AnyNode): boolean => {
    if (node === target) return true
    if (node.type === 'text') n += node.data.trim().length
    else if (node.type === 'tag') for (const c of node.children) if (visit(c) || n > limit) return true
    return false
  }
  visit(root)
  return n
}

export interface ListingEvidence {
  readonly teasers: number
  /** Characters of body text inside teaser items. */
  readonly teaserChars: number
  readonly bodyChars: number
}

const HEADLINE_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
// Headlines some templates write without a heading tag: <p class="title"><a>, <a class="news-title">.
const HEADLINE_CLASS_TAGS = new Set(['p', 'div', 'span', 'strong', 'b', 'a'])
const HEADLINE_CLASS = /title|tieu-?de|heading|headline/i

const isHeadline = (el: Element): boolean =>
  HEADLINE_TAGS.has(el.name) ||
  (HEADLINE_CLASS_TAGS.has(el.name) && HEADLINE_CLASS.test(el.attribs.class ?? ''))

const LIST_ITEMS = new Set(['li', 'article', 'dt'])

/**
 * A bare link opening a list item that goes on with a snippet: `<li><a>headline</a> date snippet</li>`.
 * (A list of links alone — attached documents, related titles — is not a list of teasers.)
 */
const isListItemHeadline = (a: Element, page: URL | null): boolean => {
  const item = a.parent as Element | null
  if (a.name !== 'a' || item?.type !== 'tag' || !LIST_ITEMS.has(item.name)) return false
  if (!otherPage(a.attribs.href, page)) return false
  const headline = textOf(a).length
  if (headline < 20 || charsBefore(item, a, MAX_CHARS_BEFORE_HEADLINE) > MAX_CHARS_BEFORE_HEADLINE)
    return false
  return textOf(item).length >= headline + 40
}

/** Teaser headlines below a node (the node itself included), in document order. */
const teasersIn = (node: AnyNode, page: URL | null, out: Element[] = []): Element[] => {
  if (node.type !== 'tag') return out
  if ((isHeadline(node) && isTeaserHeading(node, page)) || isListItemHeadline(node, page)) {
    out.push(node)
    return out
  }
  if (HEADLINE_TAGS.has(node.name)) return out
  for (const c of node.children) teasersIn(c, page, out)
  return out
}

/** Is there more than `limit` characters of non-space text below a node? Stops counting early. */
const moreTextThan = (node: AnyNode, limit: number): boolean => {
  let n = 0
  const visit = (x: AnyNode): boolean => {
    if (x.type === 'text') {
      const d = x.data
      for (let i = 0; i < d.length; i++) if (d.charCodeAt(i) > 32) n++
      return n > limit
    }
    if (x.type !== 'tag' || SKIP_TAGS.has(x.name)) return false
    for (const c of x.children) if (visit(c)) return true
    return false
  }
  return visit(node) || textOf(node).length > limit
}

/**
 * The teaser item enclosing a body root: a short ancestor that opens with a teaser headline placed
 * before the root (the root is then only a teaser's snippet), or null. Headlines after the root do
 * not count: a short article followed by a "Tin mới" sidebar is not a snippet of the sidebar.
 */
const enclosingTeaser = (root: Element, page: URL | null): Element | null => {
  let branch: AnyNode = root
  for (let a = root.parent as Element | null; a && a.type === 'tag'; a = a.parent as Element | null) {
    if (a.name === 'body' || moreTextThan(a, MAX_ITEM_CHARS)) return null
    for (const c of a.children) {
      if (c === branch) break
      const headline = teasersIn(c, page)[0]
      if (headline && charsBefore(a, headline, MAX_CHARS_BEFORE_HEADLINE) <= MAX_CHARS_BEFORE_HEADLINE)
        return a
    }
    branch = a
  }
  return null
}

/**
 * Teasers in or around the article body roots and the share of the body text they hold. A teaser's
 * item grows from its headline up to the largest ancestor (within the body) that opens with the
 * headline, holds no other teaser and stays short; a root that sits inside such an item (the
 * snippet under a headline) counts whole.
 */
export const listingEvidence = (roots: ReadonlyArray<Element>, pageUrl: string): ListingEvidence => {
  const rootSet = new Set(roots)
  let page: URL | null = null
  try {
    page = new URL(pageUrl)
  } catch {
    // Relative links then count as other pages.
  }
  let teasers = 0
  let teaserChars = 0
  let bodyChars = 0
  for (const root of roots) {
    if (enclosingTeaser(root, page)) {
      teasers++
      teaserChars += textOf(root).length
      continue
    }
    const inside = teasersIn(root, page)
    if (inside.length === 0) continue
    teasers += inside.length
    const teaserSet = new Set(inside)
    const countTeasers = (node: AnyNode): number => {
      if (node.type !== 'tag') return 0
      let n = teaserSet.has(node) ? 1 : 0
      for (const c of node.children) n += countTeasers(c)
      return n
    }
    const items = new Set<Element>()
    for (const t of inside) {
      let item = t
      while (!rootSet.has(item)) {
        const parent = item.parent as Element | null
        if (parent?.type !== 'tag') break
        if (charsBefore(parent, t, MAX_CHARS_BEFORE_HEADLINE) > MAX_CHARS_BEFORE_HEADLINE) break
        if (countTeasers(parent) > 1 || moreTextThan(parent, MAX_ITEM_CHARS)) break
        item = parent
      }
      items.add(item)
    }
    for (const it of items) teaserChars += textOf(it).length
  }
  // The denominator is only needed when there is something to compare.
  if (teasers > 0) for (const root of roots) bodyChars += textOf(root).length
  return { teasers, teaserChars, bodyChars }
}

/** Why the body looks like a list of teasers rather than an article, or null. */
export const listingReason = (roots: ReadonlyArray<Element>, pageUrl: string): string | null => {
  const e = listingEvidence(roots, pageUrl)
  if (e.teasers === 0 || e.teaserChars < LISTING_SHARE * e.bodyChars) return null
  // One teaser beside a paragraph of its own is a short article with a "see also" link; one
  // teaser with (nearly) nothing else is a listing of one item.
  if (e.teasers === 1 && e.bodyChars - e.teaserChars >= MIN_OWN_PROSE) return null
  return `listing page: ${e.teasers} teaser${e.teasers === 1 ? '' : 's'} (headline links to other pages) hold ${Math.round((100 * e.teaserChars) / Math.max(e.bodyChars, 1))}% of the text`
}
