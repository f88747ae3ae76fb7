/** Small cheerio helpers shared by the adapters. */
import type { Cheerio, CheerioAPI } from 'cheerio'
import type { AnyNode, Element } from 'domhandler'
import { textOf } from '../blocks.ts'
import { cleanInline } from '../text.ts'

/** Text of the first element matching any selector, in order of preference. */
export const firstText = ($: CheerioAPI, selectors: ReadonlyArray<string>): string | null => {
  for (const sel of selectors) {
    const el = $(sel).get(0)
    if (!el) continue
    const t = textOf(el)
    if (t) return t
  }
  return null
}

/** First element matching any selector, in order of preference. */
export const firstElement = ($: CheerioAPI, selectors: ReadonlyArray<string>): Element | null => {
  for (const sel of selectors) {
    const el = $(sel).get(0)
    if (el && el.type === 'tag') return el as Element
  }
  return null
}

export const attrOf = ($: CheerioAPI, selector: string, attr: string): string | null =>
  $(selector).first().attr(attr)?.trim() || null

/** Distinct non-empty texts of all matches. */
export const allTexts = (sel: Cheerio<AnyNode>): string[] => {
  const out: string[] = []
  sel.each((_, el) => {
    const t = cleanInline(textOf(el))
    if (t && !out.includes(t)) out.push(t)
  })
  return out
}

export const present = <T>(xs: ReadonlyArray<T | null | undefined>): T[] =>
  xs.filter((x): x is T => x !== null && x !== undefined)

/** The text written directly inside an element (its own text nodes, not its descendants'). */
export const ownText = (el: Element): string => {
  let out = ''
  for (const c of el.children) if (c.type === 'text') out += (c as unknown as { data: string }).data
  return cleanInline(out)
}

/**
 * The short text (under 80 characters) of the first element whose own text matches `re` — a date
 * line, found without measuring the text of every container on the page.
 */
export const firstShortMatch = ($: CheerioAPI, selector: string, re: RegExp): string | null => {
  let found: string | null = null
  $(selector).each((_, el) => {
    if (found || el.type !== 'tag' || !re.test(ownText(el as Element))) return
    const t = textOf(el)
    if (t.length < 80) found = t
  })
  return found
}
