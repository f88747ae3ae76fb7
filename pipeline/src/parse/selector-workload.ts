/**
 * The selector workload of a real parse, for the differential test of doc.ts against css-select
 * (doc-differential.test.ts) and bench/selectors.bench.ts: the HTML pages of the offline snapshot
 * and the parser's fixture pages, and the queries (method + selector) the platform adapters send to
 * a page's Doc, recorded by wrapping the Doc rather than copied from the tables by hand.
 */
import { readdirSync, readFileSync } from 'node:fs'
import type { Element } from 'domhandler'
import path from 'node:path'
import { parseHtml, type Doc } from './doc.ts'
import { decodeHtml } from './crawl-utils.ts'
import { readHeadMeta } from './head-meta.ts'
import { ADAPTERS } from '../platforms/index.ts'
import { listSnapshotPages, readSnapshotPage } from '../snapshot/catalog.ts'
import type { Platform } from '../domain/source.ts'

export interface HtmlPage {
  readonly url: string
  readonly html: string
  readonly platform: Platform
}

/** One query a reader sent to a Doc (`el`: the element a `matches` query tested). */
export interface Query {
  readonly method: 'all' | 'first' | 'matches'
  readonly selector: string
  readonly el?: Element
}

/** A Doc that reports every selector it is asked (and answers as `doc` does). */
const recordingDoc = (doc: Doc, sink: (q: Query) => void): Doc => ({
  ...doc,
  all: (selector) => {
    sink({ method: 'all', selector })
    return doc.all(selector)
  },
  first: (selector) => {
    sink({ method: 'first', selector })
    return doc.first(selector)
  },
  matches: (el, selector) => {
    sink({ method: 'matches', selector, el })
    return doc.matches(el, selector)
  },
})

/** Every HTML page of the offline snapshot (status 200), decoded as the crawler decodes it. */
export const snapshotHtmlPages = (): HtmlPage[] =>
  listSnapshotPages()
    .filter((p) => p.status === 200 && p.abs_file !== '' && p.content_type.includes('html'))
    .map((p) => ({
      url: p.url,
      platform: p.platform,
      html: decodeHtml(readSnapshotPage(p), p.content_type).text,
    }))

const fixturesDir = path.join(import.meta.dirname, 'fixtures')

/** The parser's hand-made fixture pages (parse/fixtures/*.html.txt), read as the generic platform. */
export const fixturePages = (): HtmlPage[] =>
  readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.html.txt'))
    .sort()
    .map((f) => ({
      url: `https://fixture.invalid/${f.replace('.html.txt', '')}`,
      platform: 'generic',
      html: readFileSync(path.join(fixturesDir, f), 'utf8'),
    }))

/** The queries the page's own platform adapter sends while reading it (in order, repeats kept). */
export const adapterQueries = (page: HtmlPage, doc: Doc = parseHtml(page.html)): Query[] => {
  const queries: Query[] = []
  const rec = recordingDoc(doc, (q) => queries.push(q))
  ADAPTERS[page.platform].parse({ doc: rec, url: page.url, meta: readHeadMeta(rec) })
  return queries
}

/**
 * Every selector of every platform's table: each adapter reads a page where no selector matches,
 * so every alternative of every part is tried; selectors asked only once something matched come
 * from `pages`, read by every adapter.
 */
export const tableSelectors = (pages: ReadonlyArray<HtmlPage>): string[] => {
  const seen = new Set<string>()
  const sink = (q: Query): void => {
    seen.add(q.selector)
  }
  const blank = parseHtml('<html><head></head><body></body></html>')
  const readers = [blank, ...pages.map((p) => parseHtml(p.html))]
  for (const [i, doc] of readers.entries()) {
    const url = i === 0 ? 'https://blank.invalid/' : pages[i - 1]!.url
    const rec = recordingDoc(doc, sink)
    const meta = readHeadMeta(rec)
    for (const adapter of Object.values(ADAPTERS)) adapter.parse({ doc: rec, url, meta })
  }
  return [...seen].sort()
}
