/**
 * Selector engine benchmark (issue #15 item 4): the queries the platform adapters send while reading
 * every HTML page of the offline snapshot (recorded per page by selector-workload.ts: head metadata
 * plus the page's own platform table), replayed on the same domhandler DOM by doc.ts and by
 * css-select, in one run. css-select is timed with each selector compiled once (as doc.ts caches its
 * compilation) and with the selector string on every call (as cheerio calls it). The engines must
 * return as many elements per pass (checked: the bench fails otherwise; the test checks the elements). Run on the pages as served
 * and padded to ~80 KB like real portal pages.
 */
import { compile, is, selectAll, selectOne } from 'css-select'
import { type Doc, parseHtml } from '../pipeline/src/parse/doc.ts'
import { loadGoldens } from '../pipeline/src/parse/golden.ts'
import {
  adapterQueries,
  type HtmlPage,
  type Query,
  snapshotHtmlPages,
} from '../pipeline/src/parse/selector-workload.ts'
import { pad } from './parse.bench.ts'

// domhandler's element type, reached through doc.ts (domhandler is the pipeline's dependency).
type Element = Doc['elements'][number]

interface Work {
  readonly doc: Doc
  readonly queries: ReadonlyArray<Query>
}

/** One engine: answers a query with a count (elements returned, or 1/0), so no work is skipped. */
type Engine = (doc: Doc, q: Query) => number

const ours: Engine = (doc, q) =>
  q.method === 'all'
    ? doc.all(q.selector).length
    : q.method === 'first'
      ? Number(doc.first(q.selector) !== null)
      : Number(doc.matches(q.el!, q.selector))

type Compiled = ReturnType<typeof compile<Element, Element>>

const cssSelect = (precompile: boolean): Engine => {
  const cache = new Map<string, Compiled>()
  const query = (s: string): Compiled | string => {
    if (!precompile) return s
    let c = cache.get(s)
    if (!c) {
      c = compile<Element, Element>(s)
      cache.set(s, c)
    }
    return c
  }
  return (doc, q) => {
    const roots = doc.document.children as Element[]
    if (q.method === 'all') return selectAll<Element, Element>(query(q.selector), roots).length
    if (q.method === 'first') return Number(selectOne<Element, Element>(query(q.selector), roots) !== null)
    return Number(is<Element, Element>(q.el!, query(q.selector)))
  }
}

/**
 * Passes over the whole workload, the engines taking turns (so a burst of load on the shared machine
 * hits all of them) until `minMs` elapsed; per engine the median ms of a pass and the answers' sum.
 */
const time = (
  work: ReadonlyArray<Work>,
  engines: ReadonlyArray<Engine>,
  minMs: number
): Array<{ ms: number; answers: number }> => {
  const pass = (engine: Engine): number => {
    let answers = 0
    for (const w of work) for (const q of w.queries) answers += engine(w.doc, q)
    return answers
  }
  const answers = engines.map(pass) // warm-up (and compilation)
  const samples: number[][] = engines.map(() => [])
  const start = performance.now()
  while (samples[0]!.length < 3 || performance.now() - start < minMs)
    engines.forEach((engine, i) => {
      const t = performance.now()
      pass(engine)
      samples[i]!.push(performance.now() - t)
    })
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[xs.length >> 1]!
  return engines.map((_, i) => ({ ms: median(samples[i]!), answers: answers[i]! }))
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits))

type Timed = { ms: number; answers: number }

/** The workload over `pages`, timed for each engine. */
const measure = (pages: ReadonlyArray<HtmlPage>): Record<string, number> => {
  const parseStart = performance.now()
  const docs = pages.map((p) => parseHtml(p.html))
  const parseMs = performance.now() - parseStart
  const work: Work[] = pages.map((p, i) => ({ doc: docs[i]!, queries: adapterQueries(p, docs[i]!) }))
  const queries = work.reduce((n, w) => n + w.queries.length, 0)
  const [doc, compiled, strings] = time(work, [ours, cssSelect(true), cssSelect(false)], 6000) as [
    Timed,
    Timed,
    Timed,
  ]
  if (doc.answers !== compiled.answers || doc.answers !== strings.answers)
    throw new Error(
      `engines disagree: doc.ts ${doc.answers}, css-select ${compiled.answers}/${strings.answers}`
    )
  const perPage = (ms: number): number => round(ms / pages.length, 4)
  return {
    pages: pages.length,
    kb_per_page: round(pages.reduce((n, p) => n + p.html.length, 0) / pages.length / 1024, 1),
    queries_per_page: round(queries / pages.length, 1),
    distinct_selectors: new Set(work.flatMap((w) => w.queries.map((q) => q.selector))).size,
    answers_per_pass: doc.answers,
    parse_with_indexes_ms_per_page: perPage(parseMs),
    doc_ts_ms_per_page: perPage(doc.ms),
    css_select_compiled_ms_per_page: perPage(compiled.ms),
    css_select_string_ms_per_page: perPage(strings.ms),
    speedup_vs_compiled: round(compiled.ms / doc.ms, 2),
    speedup_vs_string: round(strings.ms / doc.ms, 2),
  }
}

export const run = async (): Promise<Record<string, unknown>> => {
  const pages = snapshotHtmlPages()
  // Snapshot pages are small (~3 KB); real portal pages are ~80 KB of menus and lists around the
  // article, which a whole-tree walk pays for: the same pages padded as bench/parse.bench.ts pads them.
  const titles = loadGoldens().map((g) => g.expected.title)
  return {
    as_served: measure(pages),
    padded_80kb: measure(pages.map((p) => ({ ...p, html: pad(p.html, titles) }))),
  }
}
