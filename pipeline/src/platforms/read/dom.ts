/** Small DOM helpers shared by the adapters (over the indexed document of doc.ts). */
import type { Element } from 'domhandler'
import { textOf } from '../../parse/blocks.ts'
import type { Doc } from '../../parse/doc.ts'
import { cleanInline } from '../../parse/text.ts'

/** Text of the first element matching any selector, in order of preference. */
export const firstText = (doc: Doc, selectors: ReadonlyArray<string>): string | null => {
  for (const sel of selectors) {
    const el = doc.first(sel)
    if (!el) continue
    const t = textOf(el)
    if (t) return t
  }
  return null
}

/** First element matching any selector, in order of preference. */
export const firstElement = (doc: Doc, selectors: ReadonlyArray<string>): Element | null => {
  for (const sel of selectors) {
    const el = doc.first(sel)
    if (el && el.type === 'tag') return el
  }
  return null
}

export const attrOf = (doc: Doc, selector: string, attr: string): string | null =>
  doc.first(selector)?.attribs[attr]?.trim() || null

/** Distinct non-empty texts of all matches. */
export const allTexts = (els: ReadonlyArray<Element>): string[] => {
  const out: string[] = []
  for (const el of els) {
    const t = cleanInline(textOf(el))
    if (t && !out.includes(t)) out.push(t)
  }
  return out
}

export const present = <T>(xs: ReadonlyArray<T | null | undefined>): T[] =>
  xs.filter((x): x is T => x !== null && x !== undefined)

/** The text written directly inside an element (its own text nodes, not its descendants'). */
export const ownText = (el: Element): string => {
  let out = ''
  for (const c of el.children) if (c.type === 'text') out += c.data
  return cleanInline(out)
}

/**
 * The short text (under 80 characters) of the first element whose own text matches `re` — a date
 * line, found without measuring the text of every container on the page.
 */
export const firstShortMatch = (doc: Doc, selector: string, re: RegExp): string | null => {
  for (const el of doc.all(selector)) {
    if (el.type !== 'tag' || !re.test(ownText(el))) continue
    const t = textOf(el)
    if (t.length < 80) return t
  }
  return null
}

/** The text of an optional element (a sapo, say); null when it is missing or empty. */
export const textOrNull = (el: Element | null): string | null => (el ? textOf(el) || null : null)
