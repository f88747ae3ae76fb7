/**
 * The publication date of a page and where it came from (issue #12). Candidates in order of trust:
 * the platform adapter's machine-readable date, the date line the adapter found, JSON-LD,
 * microdata, meta tags, a `<time datetime>`, the date line printed near the headline (every
 * Vietnamese form: "Cập nhật : 20-10-2015 - 09:42", "21/12/2012 | 12:00 AM", "ngày 12 tháng 6 năm
 * 2024", "Thứ Tư, 14/07/2021 | 17:45", "Tháng Ba 5, 2018", "05/03/2018 2:30 chiều" …), and last a date in the URL. A date without a time gives
 * way to a later candidate of the same day that has one.
 */
import type { AnyNode, Element } from 'domhandler'
import type { DateSource } from '../domain/article.ts'
import { BLOCK_TAGS } from './blocks.ts'
import { SKIP_TAGS } from './boilerplate.ts'
import type { Doc } from './doc.ts'
import { type DateParseOptions, parseMachineDate, parseVietnameseDate } from './dates.ts'
import type { HeadMeta } from './head-meta.ts'
import { cleanInline, foldVietnamese } from './text.ts'

export interface FoundDate {
  readonly iso: string
  readonly source: DateSource
}

export interface DateInput {
  readonly doc: Doc
  readonly meta: HeadMeta
  readonly url: string
  /** The article's headline, to find the date line printed next to it. */
  readonly title: string | null
  readonly adapterMachine?: string | null
  readonly adapterText?: string | null
  /** Skip microdata datePublished (NukeViet writes the last edit time there). */
  readonly skipMicrodata?: boolean
  readonly reference?: DateParseOptions['reference']
}

/** A date line is short; a paragraph that mentions a date ("Kế hoạch số 138, ngày 10/6/2024 …") is not. */
const MAX_DATE_LINE = 120
const CHUNKS_AFTER_HEADLINE = 14

// Labels that introduce a publication (or update) date line, folded.
const DATE_LABEL =
  /(ngay dang|ngay cap nhat|cap nhat|dang luc|dang ngay|ngay xuat ban|xuat ban|thoi gian dang|ngay ban hanh tin|posted on|published)\s*:?/

const HAS_DATE =
  /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+thang\s+(\d{1,2}|[a-z]{2,4})|thang\s+[a-z0-9 ]{1,9}\s\d{1,2},?\s+\d{4}|\bth\d{1,2}\b,?\s+\d{1,4}|\d+\s*(giay|phut|gio|ngay|tuan)\s*truoc|hom (qua|nay)/
// Dates, times, weekdays and punctuation: what a date line is made of (folded text).
const DATE_PARTS =
  /\d{1,4}\s*[/.:h-]\s*\d{1,2}(\s*[/.:-]\s*\d{2,4})?|\b(thu (hai|ba|tu|nam|sau|bay)|chu nhat|ngay|thang|nam|gmt|am|pm|sa|ch)\b|\d+|[\s,|()+:./-]+/g
/** Letters left in a date line once its date, time, weekday and label are gone. */
const MAX_RESIDUE = 30

/** Block-level text chunks below a node in document order (iterative walk, skipped tags left out). */
const textChunks = (root: AnyNode, out: string[] = [], limit = Number.POSITIVE_INFINITY): string[] => {
  let buf = ''
  const flush = () => {
    const t = cleanInline(buf)
    if (t) out.push(t)
    buf = ''
  }
  // Stack of nodes to visit; `null` marks the end of a block element.
  const stack: Array<AnyNode | null> = [root]
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()
    if (n === null) {
      flush()
      continue
    }
    if (n === undefined) continue
    if (n.type === 'text') {
      buf += n.data
      continue
    }
    if (n.type !== 'tag') continue
    const el = n as Element
    if (SKIP_TAGS.has(el.name)) continue
    const block = BLOCK_TAGS.has(el.name) || el.name === 'td' || el.name === 'th'
    if (block) {
      flush()
      stack.push(null)
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!)
  }
  flush()
  return out
}

const HEADLINE_SELECTOR = 'h1, h2, h3, [class*="title"], [class*="Title"], [class*="tieude"], [id*="title"]'

/** The element printing the headline (its text is the title, give or take a label). */
const headlineElement = (doc: Doc, title: string): Element | null => {
  const folded = foldVietnamese(cleanInline(title))
  if (folded.length < 8) return null
  for (const el of doc.all(HEADLINE_SELECTOR)) {
    const chunks = textChunks(el, [], 3)
    const f = foldVietnamese(chunks.join(' '))
    if (f === folded || (f.length <= folded.length + 40 && f.includes(folded))) return el
  }
  return null
}

/** Chunks that follow an element in document order: its next siblings, then its ancestors' next siblings. */
const chunksAfter = (el: Element, max: number): string[] => {
  const out: string[] = []
  for (let node: AnyNode | null = el; node && out.length < max; node = node.parent) {
    if (node.type === 'root' || (node.type === 'tag' && node.name === 'body')) break
    for (let sib = node.next; sib && out.length < max; sib = sib.next) textChunks(sib, out, max)
  }
  return out
}

/** Most ancestors climbed to read the lines above a headline (h1 → cell → row in table layouts). */
const TITLE_BLOCK_LEVELS = 3
/** Text an ancestor may hold beyond the headline and still be its title block (not the article). */
const TITLE_BLOCK_EXTRA = 150

/**
 * Chunks just before a headline, nearest first: the previous siblings of the headline and of its
 * ancestors while they are still a small title block (a cell, a row, a header div).
 */
const chunksBefore = (el: Element): string[] => {
  const out: string[] = []
  const limit = textChunks(el).join(' ').length + TITLE_BLOCK_EXTRA
  let node: AnyNode = el
  for (let level = 0; level <= TITLE_BLOCK_LEVELS; level++) {
    let n = 0
    for (let sib = node.prev; sib && n < 2; sib = sib.prev) {
      if (sib.type !== 'tag' && sib.type !== 'text') continue
      const chunks = textChunks(sib)
      if (chunks.length === 0) continue
      n++
      out.push(...chunks.reverse())
    }
    const parent: AnyNode | null = node.parent
    if (parent?.type !== 'tag' || parent.name === 'body') break
    if (textChunks(parent).join(' ').length > limit) break
    node = parent
  }
  return out
}

/** Text of a chunk that is not date, time, weekday or a date label: a date line has little. */
const residue = (folded: string): string => folded.replace(DATE_LABEL, ' ').replace(DATE_PARTS, '')

/** The date of a chunk that is a date line (short, mostly date), else null. */
const dateLine = (chunk: string, opts: DateParseOptions): string | null => {
  if (chunk.length > MAX_DATE_LINE) return null
  const f = foldVietnamese(chunk)
  if (!HAS_DATE.test(f) || residue(f).length > MAX_RESIDUE) return null
  return parseVietnameseDate(chunk, opts)
}

/** Prose (a sapo, the text) rather than a line of chrome: the scan for a date line stops there. */
const isProse = (chunk: string): boolean => residue(foldVietnamese(chunk)).length > 2 * MAX_RESIDUE

/**
 * The date printed next to the headline: the first short chunk with a date after it, else just
 * before it (some templates print the date above the title). Without a headline on the page, a
 * labelled line ("Ngày đăng: …", "Cập nhật: …") anywhere.
 */
export const printedDate = (doc: Doc, title: string | null, opts: DateParseOptions = {}): string | null => {
  const headline = title ? headlineElement(doc, title) : null
  if (headline) {
    for (const c of chunksAfter(headline, CHUNKS_AFTER_HEADLINE)) {
      const d = dateLine(c, opts)
      if (d) return d
      // The sapo or the text has begun: a date further on belongs to what the text talks about.
      if (isProse(c)) break
    }
    for (const c of chunksBefore(headline)) {
      const d = dateLine(c, opts)
      if (d) return d
    }
  }
  return labelledDate(doc, opts)
}

const RAW_DATE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{2}-\d{2}/

/**
 * A labelled date line anywhere ("Ngày đăng: 01/07/2015"): only elements whose own text holds a
 * date are looked at, with the text of their nearest block (the label may sit in a sibling span).
 */
const labelledDate = (doc: Doc, opts: DateParseOptions): string | null => {
  const seen = new Set<Element>()
  for (const el of doc.elements) {
    let own = ''
    for (const c of el.children) if (c.type === 'text') own += c.data
    if (own.length < 8 || own.length > 3 * MAX_DATE_LINE || !RAW_DATE.test(own)) continue
    let block: Element = el
    while (!BLOCK_TAGS.has(block.name) && block.parent?.type === 'tag') block = block.parent as Element
    if (seen.has(block) || SKIP_TAGS.has(block.name)) continue
    seen.add(block)
    const chunk = textChunks(block, [], 2)[0]
    if (!chunk || chunk.length > MAX_DATE_LINE || !DATE_LABEL.test(foldVietnamese(chunk))) continue
    const d = dateLine(chunk, opts)
    if (d) return d
  }
  return null
}

const URL_DATE_TIME = /-(20\d{2}|19\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{0,6}\.html?$/i
const URL_SLASHED = /\/((?:20|19)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?:\/|$)/
const URL_DASHED = /(?:^|[/_-])((?:20|19)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/
const URL_COMPACT = /(?:^|[/_-])((?:20|19)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/

/** A date written in the URL path: /2024/06/12/, -2024-06-12-, /20240612/, or a newspaper id -20240612101530123.htm. */
export const urlDate = (url: string): string | null => {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return null
  }
  const dt = URL_DATE_TIME.exec(path)
  if (dt) {
    const iso = parseMachineDate(`${dt[1]}-${dt[2]}-${dt[3]}T${dt[4]}:${dt[5]}:${dt[6]}`)
    if (iso) return iso
  }
  const m = URL_SLASHED.exec(path) ?? URL_DASHED.exec(path) ?? URL_COMPACT.exec(path)
  return m ? parseMachineDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`) : null
}

const noTime = (iso: string): boolean => iso.slice(11, 19) === '00:00:00'

/** The first candidate; but a date-only one gives way to a later one of the same day with a time. */
const pickFound = (candidates: ReadonlyArray<FoundDate>): FoundDate | null => {
  const first = candidates[0]
  if (!first || !noTime(first.iso)) return first ?? null
  return candidates.find((c) => c.iso.slice(0, 10) === first.iso.slice(0, 10) && !noTime(c.iso)) ?? first
}

/** The publication date and its source, or null when the page gives none. */
export const findPublished = (input: DateInput): FoundDate | null => {
  const { doc, meta } = input
  const opts: DateParseOptions = { reference: input.reference ?? null }
  const timeAttr = doc.first('time[datetime]')?.attribs.datetime ?? null
  // Cheap candidates first; the printed line and the URL are only read when nothing else dates the page.
  const lazy: ReadonlyArray<[DateSource, () => string | null]> = [
    ['markup', () => parseMachineDate(input.adapterMachine)],
    ['printed', () => parseVietnameseDate(input.adapterText, opts)],
    ['json-ld', () => parseMachineDate(meta.jsonLd?.datePublished)],
    ['microdata', () => (input.skipMicrodata ? null : parseMachineDate(meta.microdata.datePublished))],
    ['meta', () => parseMachineDate(meta.og['article:published_time'])],
    ['meta', () => parseMachineDate(meta.publishedMeta)],
    ['time', () => parseMachineDate(timeAttr)],
  ]
  const found: FoundDate[] = []
  for (const [source, get] of lazy) {
    const iso = get()
    if (iso) found.push({ iso, source })
  }
  if (found.length === 0 || noTime(found[0]!.iso)) {
    const printed = printedDate(doc, input.title, opts)
    if (printed) found.push({ iso: printed, source: 'printed' })
  }
  if (found.length === 0) {
    const fromUrl = urlDate(input.url)
    if (fromUrl) found.push({ iso: fromUrl, source: 'url' })
  }
  return pickFound(found)
}
