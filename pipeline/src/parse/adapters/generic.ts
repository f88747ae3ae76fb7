/**
 * Unknown sites: head metadata first (og:, article:, JSON-LD, microdata — merged in
 * parse-article.ts), then the main content found by text density: every paragraph scores its
 * parent fully and its grandparent by half, scores are damped by link density, and the best
 * container wins. Widgets (nav, aside, related, comments, hidden) never score. The sapo printed
 * just before the body and a right-aligned byline just after it are picked up too.
 */
import type { AnyNode, Element } from 'domhandler'
import { looksLikeByline, splitAuthors, stripAuthorLabel } from '../authors.ts'
import { isHidden, isStructuralBoilerplate } from '../boilerplate.ts'
import { textOf } from '../blocks.ts'
import type { Doc } from '../doc.ts'
import type { HeadMeta } from '../head-meta.ts'
import { measureText, type TextStats } from '../text-stats.ts'
import { foldVietnamese } from '../text.ts'
import { attrOf } from './dom.ts'
import type { Adapter } from './types.ts'

const EXCLUDED_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form', 'script', 'style', 'noscript'])

const selfExcluded = (e: Element): boolean =>
  EXCLUDED_TAGS.has(e.name) ||
  isHidden(e.attribs) ||
  (e.name !== 'body' &&
    e.name !== 'html' &&
    isStructuralBoilerplate(`${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`))

// Memo per element (elements belong to one parsed page, so entries go with the page).
const excludedMemo = new WeakMap<Element, boolean>()

/** Inside navigation, chrome, a widget or a hidden element (the element itself or an ancestor)? */
const excluded = (el: Element | null): boolean => {
  if (el?.type !== 'tag') return false
  let v = excludedMemo.get(el)
  if (v === undefined) {
    v = selfExcluded(el) || excluded(el.parent as Element | null)
    excludedMemo.set(el, v)
  }
  return v
}

const CANDIDATE_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'div'])

/** The element holding the main text, or null when the page has no paragraph-like text. */
export const densestContainer = (doc: Doc): Element | null => {
  const stats = new Map<Element, TextStats>()
  for (const body of doc.byTag('body')) if (!stats.has(body)) measureText(body, stats)
  const inBody = new Set(stats.keys())
  const scores = new Map<Element, number>()
  const add = (el: Element | null, s: number) => {
    if (el && el.type === 'tag') scores.set(el, (scores.get(el) ?? 0) + s)
  }
  for (const el of doc.elements) {
    if (!CANDIDATE_TAGS.has(el.name) || el.name === 'body') continue
    if (!inBody.has(el)) continue
    const st = stats.get(el)!
    if (el.name === 'div' || el.name === 'td') {
      // Divs and cells count only for text written directly inside them (br-separated layouts).
      let own = 0
      for (const c of el.children) if (c.type === 'text') own += c.data.trim().length
      if (own < 80) continue
    }
    if (st.chars < 25) continue
    if (excluded(el)) continue
    const score = 1 + st.punct + Math.min(st.chars / 100, 3)
    const parent = el.parent as Element | null
    add(parent, score)
    add(parent?.parent as Element | null, score / 2)
  }
  let best: Element | null = null
  let bestScore = 0
  for (const [el, s] of scores) {
    // Containers above <body> (its <html> parent) are measured only when they score.
    const st = stats.get(el) ?? measureText(el, stats).get(el)!
    const len = st.chars || 1
    const adjusted = s * (1 - Math.min(st.linkChars / len, 1))
    if (adjusted > bestScore) {
      best = el
      bestScore = adjusted
    }
  }
  return best
}

/** The visible heading that matches the page's metadata title, else the first h1. */
const findTitle = (doc: Doc, meta: HeadMeta): string | null => {
  const metaTitles = [meta.jsonLd?.headline, meta.og['og:title'], meta.documentTitle]
    .filter((t): t is string => !!t)
    .map(foldVietnamese)
  let h1: string | null = null
  let matched: string | null = null
  for (const el of doc.all('h1, h2, [class*="title"], [class*="Title"], [id*="title"]')) {
    if (excluded(el)) continue
    const t = textOf(el)
    if (t.length < 8 || t.length > 300) continue
    if (!h1 && el.name === 'h1') h1 = t
    const f = foldVietnamese(t)
    if (metaTitles.some((m) => m === f || (m.startsWith(f) && f.length >= 20))) {
      matched = t
      break
    }
  }
  return matched ?? h1
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
const findBylineAfter = (doc: Doc, body: Element): string[] => {
  for (const el of doc.all(
    '[align="right"], [style*="right"], [class*="author"], [class*="tacgia"], .byline'
  )) {
    if (body.children.includes(el)) continue
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
    const body = densestContainer(doc)
    const title = findTitle(doc, meta)
    // Dates: only an <article>'s own <time>; the date finder (date-finder.ts) reads the rest, the
    // line printed next to the headline included (a class="date" anywhere may be the header clock).
    const dateMachine = attrOf(doc, 'article time[datetime]', 'datetime')
    const lead = body ? findLeadBefore(body, title, meta.og['og:description'] ?? meta.description) : null
    return {
      title,
      lead: lead ? textOf(lead) : null,
      dateText: null,
      dateMachine,
      authors: body ? findBylineAfter(doc, body) : [],
      category: null,
      tags: [],
      body: body ? (lead ? [lead, body] : [body]) : [],
    }
  },
}
