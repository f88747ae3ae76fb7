/**
 * Declarative selector tables: a platform says where each part of an article sits, one line a part
 * (`part  selector | selector …`, alternatives in order of preference), and `tableAdapter` reads a page
 * with it. What no table can say (a date found by its shape, a category cut from the date line) goes
 * in an optional `refine` step of the platform.
 */
import type { Element } from 'domhandler'
import { splitAuthors, stripAuthorLabel } from '../../parse/authors.ts'
import { textOf } from '../../parse/blocks.ts'
import type { Doc } from '../../parse/doc.ts'
import { allBylineAuthors, authorsOf, firstBylineAuthors } from './bylines.ts'
import { allTexts, attrOf, firstElement, firstText, present, textOrNull } from './dom.ts'
import type { Adapter, AdapterInput, AdapterOutput } from './types.ts'

/**
 * The parts a table may name. `pick` parts take the first alternative that matches; `all` parts read
 * every match of the whole line (a CSS selector list, in document order).
 */
const PARTS = {
  title: 'pick', // first non-empty text
  date: 'pick', // machine-readable date: `selector@attribute`
  updated: 'pick', // machine-readable last edit: `selector@attribute`
  'date-text': 'pick', // visible date text
  'date-line': 'all', // first match whose text holds a d/m/yyyy date
  lead: 'pick', // the sapo element (also opens the body)
  figure: 'pick', // a lead photo printed before the sapo
  body: 'pick', // the body element
  authors: 'pick', // one byline text, split into names
  'authors-first': 'all', // the names of the first byline that has any (newspapers)
  'authors-all': 'all', // the distinct names of every byline and source line (portals)
  'authors-labelled': 'all', // the distinct names of every "Tác giả:"-labelled line
  poster: 'pick', // the CMS account that posted the page
  'poster-all': 'all', // every CMS account named
  category: 'pick',
  crumbs: 'all', // breadcrumb links: the last one is the category
  tags: 'all',
} as const

export type Part = keyof typeof PARTS
export type SelectorTable = Readonly<Partial<Record<Part, ReadonlyArray<string>>>>

/** Parses a table; an unknown part or an empty line of selectors is a programming error. */
export const selectorTable = (text: string): SelectorTable => {
  const table: Partial<Record<Part, string[]>> = {}
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const m = /^(\S+)\s+(.+)$/.exec(line)
    const part = m?.[1] as Part | undefined
    if (!m || !part || !(part in PARTS)) throw new Error(`selector table: bad line "${line}"`)
    table[part] = PARTS[part] === 'all' ? [m[2]!.trim()] : m[2]!.split(' | ').map((s) => s.trim())
  }
  return table
}

const DMY = /\d{1,2}\/\d{1,2}\/\d{4}/

const machine = (doc: Doc, alternatives: ReadonlyArray<string> | undefined): string | null => {
  for (const alt of alternatives ?? []) {
    const at = alt.lastIndexOf('@')
    const v = attrOf(doc, alt.slice(0, at), alt.slice(at + 1))
    if (v) return v
  }
  return null
}

const dateLine = (doc: Doc, selector: string): string | null => {
  for (const el of doc.all(selector)) {
    const t = textOf(el)
    if (DMY.test(t)) return t
  }
  return null
}

const labelledAuthors = (doc: Doc, selector: string): string[] => {
  const authors: string[] = []
  for (const el of doc.all(selector)) {
    const names = stripAuthorLabel(textOf(el))
    if (names) for (const n of splitAuthors(names)) if (!authors.includes(n)) authors.push(n)
  }
  return authors
}

const authorsBy = (doc: Doc, t: SelectorTable): string[] => {
  if (t.authors) return authorsOf(firstText(doc, t.authors))
  if (t['authors-first']) return firstBylineAuthors(doc, t['authors-first'][0]!)
  if (t['authors-all']) return allBylineAuthors(doc, t['authors-all'][0]!)
  if (t['authors-labelled']) return labelledAuthors(doc, t['authors-labelled'][0]!)
  return []
}

const categoryBy = (doc: Doc, t: SelectorTable): string | null => {
  const crumbs = t.crumbs ? allTexts(doc.all(t.crumbs[0]!)) : []
  if (crumbs.length > 0) return crumbs[crumbs.length - 1]!
  return t.category ? firstText(doc, t.category) : null
}

/** The elements a table found, for a platform's refine step. */
export interface Picked {
  readonly lead: Element | null
  readonly body: Element | null
}

export type Refine = (input: AdapterInput, out: AdapterOutput, picked: Picked) => AdapterOutput

const readTable = (doc: Doc, t: SelectorTable): { out: AdapterOutput; picked: Picked } => {
  const lead = t.lead ? firstElement(doc, t.lead) : null
  const figure = t.figure ? firstElement(doc, t.figure) : null
  const body = t.body ? firstElement(doc, t.body) : null
  const dateText = t['date-text']
    ? firstText(doc, t['date-text'])
    : t['date-line']
      ? dateLine(doc, t['date-line'][0]!)
      : null
  const out: AdapterOutput = {
    title: t.title ? firstText(doc, t.title) : null,
    lead: textOrNull(lead),
    dateText,
    ...(t.date ? { dateMachine: machine(doc, t.date) } : {}),
    ...(t.updated ? { updatedMachine: machine(doc, t.updated) } : {}),
    authors: authorsBy(doc, t),
    // Only a table that names the poster says "none found"; otherwise the generic reader may fill it.
    ...(t.poster ? { posterAuthors: authorsOf(firstText(doc, t.poster)) } : {}),
    ...(t['poster-all'] ? { posterAuthors: allTexts(doc.all(t['poster-all'][0]!)) } : {}),
    category: categoryBy(doc, t),
    tags: t.tags ? allTexts(doc.all(t.tags[0]!)) : [],
    body: present([figure, lead, body]),
  }
  return { out, picked: { lead, body } }
}

/** An adapter reading pages with a selector table, then the platform's own refinements. */
export const tableAdapter = (platform: string, table: SelectorTable, refine?: Refine): Adapter => ({
  platform,
  parse: (input) => {
    const { out, picked } = readTable(input.doc, table)
    return refine ? refine(input, out, picked) : out
  },
})
