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
