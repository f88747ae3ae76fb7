/**
 * Runs a parsed search (query.ts) on a version's in-memory index (index-build.ts), with the meaning of
 * the SQL of sql.ts + queries/articles.ts: each term is an intersection of postings (then phrase runs
 * in the token sequences, words with diacritics in their own postings), clauses intersect, NOT terms
 * are removed, filters keep articles; the score is the sum of the stored BM25F impacts of the query's
 * tokens, +100 for citing a document number written in the query, and the word-pair boosts for the best
 * RERANK_DEPTH rows. Order: score, then newest, then article_id. Only the best offset+limit (+ the
 * rerank depth) rows are ever sorted; the total is the size of the filtered set.
 */
import { fold } from '../routes/search-snippet.ts'
import { groupDocs, NO_DAY, type Postings, type SearchIndexData } from './index-build.ts'
import { andAll, Bitsets } from './and.ts'
import { topByImpact } from './impact-top.ts'
import { pairBoosts, pairPostings } from './biwords.ts'
import { difference, EMPTY, holdsRun, keep, seek, unionAll } from './postings.ts'
import type { SearchQuery, Term } from './query.ts'
import { snippetFor } from './snippet.ts'
import { RERANK_DEPTH } from './sql.ts'
import { type Better, betterBy, topDocs } from './top.ts'

/** Candidates below this many are scored in full: the walk would not pay. */
const PRUNE_MIN = 1024

/** The route's own filters (those the index holds; mention filters stay in SQL). */
export interface RouteFilters {
  readonly system: '2008' | '2025'
  readonly provinces: ReadonlyArray<string>
  readonly from: string | null
  readonly to: string | null
  readonly source: string | null
  readonly origin: string | null
  readonly unique: boolean
}

/** (key, article number) pairs of a per-article column, its null keys left out. */
function* docsBy<T>(col: ArrayLike<T>, key: (v: T) => string | null): Iterable<readonly [string, number]> {
  for (let doc = 0; doc < col.length; doc++) {
    const k = key(col[doc] as T)
    if (k !== null) yield [k, doc]
  }
}

const dayOf = (iso: string): number =>
  Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5)

/** One page of hits, each with its snippet, and how many articles match in all. */
export interface SearchPage {
  readonly rows: ReadonlyArray<Record<string, unknown>>
  readonly total: number
}

/** The page's columns and DuckDB types, as the SQL path answers them. */
export const PAGE_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['article_id', 'VARCHAR'],
  ['title', 'VARCHAR'],
  ['published_at', 'VARCHAR'],
  ['source_id', 'VARCHAR'],
  ['url', 'VARCHAR'],
  ['province_code_2008', 'VARCHAR'],
  ['province_code_2025', 'VARCHAR'],
  ['origin', 'VARCHAR'],
  ['is_copy', 'BOOLEAN'],
  ['score', 'DOUBLE'],
  ['snippet', 'VARCHAR'],
]

export class SearchIndex {
  private readonly all: Uint32Array
  private readonly years: Int16Array
  /** Articles by publication year and by province code per system: filters become intersections. */
  private readonly byYear: Map<number, Uint32Array>
  private readonly byProvince: Readonly<Record<'2008' | '2025', Map<string, Uint32Array>>>
  /** Per-article scratch of one search at a time (searches run synchronously): marks and scores. */
  readonly stamp: Uint32Array
  private readonly acc: Float64Array
  private mark = 0
  /** Bitsets of the long lists, for intersections (and.ts). */
  readonly bitsets: Bitsets
  /** False scores every candidate (the reference the pruned top-k is tested and benched against). */
  pruning = true
  /** Searches whose top-k the impact walk found (the others scored every candidate). */
  walked = 0

  constructor(readonly data: SearchIndexData) {
    this.all = Uint32Array.from({ length: data.n }, (_, i) => i)
    this.years = Int16Array.from(data.day, (d) => (d === NO_DAY ? 0 : new Date(d * 864e5).getUTCFullYear()))
    this.byYear = new Map([...groupDocs(docsBy(this.years, String))].map(([y, l]) => [+y, l]))
    this.byProvince = {
      '2008': groupDocs(docsBy(data.p2008, (c) => c)),
      '2025': groupDocs(docsBy(data.p2025, (c) => c)),
    }
    this.stamp = new Uint32Array(data.n)
    this.acc = new Float64Array(data.n)
    this.bitsets = new Bitsets(data.n)
    const lists = [
      Array.from(data.postings.values(), (p) => p.docs),
      data.accented.values(),
      data.types.values(),
    ]
    for (const l of [
      ...lists,
      this.byYear.values(),
      ...Object.values(this.byProvince).map((m) => m.values()),
    ])
      for (const docs of l) this.bitsets.add(docs)
  }

  /** `count` fresh stamp values (the scratch is cleared only when they run out). */
  marks(count: number): number {
    if (this.mark + count + 1 >= 0xffffffff) {
      this.stamp.fill(0)
      this.mark = 0
    }
    const base = this.mark + 1
    this.mark += count + 1
    return base
  }

  private andAll(lists: ReadonlyArray<Uint32Array>): Uint32Array {
    return andAll(lists, this.data.n, this, this.bitsets)
  }

  /** The pair postings of a phrase, or null when one of its pairs holds a rare token (not indexed). */
  private pairsOf(t: Term): Array<{ docs: Uint32Array; pos: Uint32Array }> | null {
    const d = this.data
    const ids = t.tokens.map((tok) => d.tokenIds.get(tok) ?? -1)
    const out: Array<{ docs: Uint32Array; pos: Uint32Array }> = []
    for (let i = 1; i < ids.length; i++) {
      const p = pairPostings(d.biwords, ids[i - 1] as number, ids[i] as number)
      if (!p) return null
      out.push(p)
    }
    return out
  }

  /** A term's posting lists: its tokens' (a phrase's pairs' when indexed), its words with diacritics'. */
  private termLists(t: Term): Uint32Array[] {
    const d = this.data
    const pairs = t.tokens.length > 1 ? this.pairsOf(t) : null
    const lists = pairs ? pairs.map((p) => p.docs) : t.tokens.map((tok) => d.postings.get(tok)?.docs ?? EMPTY)
    for (const w of t.accented) lists.push(d.accented.get(w) ?? EMPTY)
    return lists
  }

  /**
   * Keeps the articles whose token sequence holds the term's tokens in a row (a phrase). A two-word
   * phrase of indexed pairs is exact already; a longer one holds where its pairs first stand one after
   * the other, else its sequence is scanned from the latest first position of its pairs.
   */
  private phrase(t: Term, docs: Uint32Array): Uint32Array {
    const m = t.tokens.length
    if (m < 2 || docs.length === 0) return docs
    const d = this.data
    const pairs = this.pairsOf(t)
    if (pairs && m === 2) return docs
    const ids = t.tokens.map((tok) => d.tokenIds.get(tok) ?? -1)
    const { seq, seqStart } = d
    const at = new Array<number>(pairs?.length ?? 0).fill(0)
    const out = new Uint32Array(docs.length)
    let n = 0
    // title and body as one sequence, as the SQL's folded `title || ' ' || body`
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number
      let from = seqStart[doc] as number
      if (pairs) {
        // the phrase cannot start before any of its pairs first stands (less its place in the phrase)
        let lo = 0
        let inRow = true
        for (let j = 0; j < pairs.length; j++) {
          const p = pairs[j] as { docs: Uint32Array; pos: Uint32Array }
          const k = seek(p.docs, doc, at[j] as number)
          at[j] = k
          const start = (p.pos[k] as number) - j
          if (j > 0 && start !== lo) inRow = false
          if (j === 0 || start > lo) lo = start
        }
        if (inRow) {
          out[n++] = doc
          continue
        }
        from += lo
      }
      if (holdsRun(seq, from, seqStart[doc + 1] as number, ids)) out[n++] = doc
    }
    return out.subarray(0, n)
  }

  private termDocs(t: Term): Uint32Array {
    return this.phrase(t, this.andAll(this.termLists(t)))
  }

  /**
   * Clauses of one term put their lists into one intersection, and their phrases are checked on its
   * result only (the fewest articles); clauses with OR are unions of their terms.
   */
  private candidates(s: SearchQuery, filters: ReadonlyArray<Uint32Array>): Uint32Array {
    const lists: Uint32Array[] = [...filters]
    const phrases: Term[] = []
    for (const c of s.clauses) {
      const only = c.length === 1 ? c[0] : undefined
      if (only) {
        lists.push(...this.termLists(only))
        phrases.push(only)
      } else lists.push(unionAll(c.map((t) => this.termDocs(t))))
    }
    let cand = lists.length ? this.andAll(lists) : this.all
    for (const t of phrases) cand = this.phrase(t, cand)
    const not = unionAll(s.not.map((t) => this.termDocs(t)))
    return not.length && cand.length ? difference(cand, not) : cand
  }

  private citing(numbers: ReadonlyArray<string>): Uint32Array {
    return unionAll(numbers.map((n) => this.data.cites.get(fold(n.replace(/\s+/g, ''))) ?? EMPTY))
  }

  /** `province:` values (a code, in either system, or a name): the articles of the codes they name. */
  private provinceDocs(values: ReadonlyArray<string>): Uint32Array {
    const d = this.data
    const lists: Uint32Array[] = []
    const of = (system: '2008' | '2025', code: string) =>
      lists.push(this.byProvince[system].get(code) ?? EMPTY)
    for (const v of values) {
      if (/^\d{2}$/.test(v)) {
        of('2008', v)
        of('2025', v)
      } else for (const c of d.provinces.get(fold(v)) ?? []) of(c.system, c.code)
    }
    return unionAll(lists)
  }

  /** The filters held as posting lists (fields of the query, the route's provinces): intersected first. */
  private filterLists(s: SearchQuery, f: RouteFilters): Uint32Array[] {
    const d = this.data
    const lists: Uint32Array[] = []
    if (s.types.length) lists.push(unionAll(s.types.map((t) => d.types.get(t) ?? EMPTY)))
    if (s.numbers.length) lists.push(this.citing(s.numbers))
    if (s.provinces.length) lists.push(this.provinceDocs(s.provinces))
    if (s.years.length) lists.push(unionAll(s.years.map((y) => this.byYear.get(y) ?? EMPTY)))
    const byCode = this.byProvince[f.system]
    if (f.provinces.length) lists.push(unionAll(f.provinces.map((c) => byCode.get(c) ?? EMPTY)))
    return lists
  }

  /** The route's other filters, tested on each candidate. */
  private filtered(f: RouteFilters, cand: Uint32Array): Uint32Array {
    const d = this.data
    const preds: Array<(doc: number) => boolean> = []
    if (f.from !== null) {
      const from = dayOf(f.from)
      preds.push((doc) => d.day[doc] !== NO_DAY && (d.day[doc] as number) >= from)
    }
    if (f.to !== null) {
      const to = dayOf(f.to)
      preds.push((doc) => d.day[doc] !== NO_DAY && (d.day[doc] as number) <= to)
    }
    if (f.source !== null) preds.push((doc) => d.sources[doc] === f.source)
    if (f.origin !== null) preds.push((doc) => d.origins[doc] === f.origin)
    if (f.unique) preds.push((doc) => d.isCopy[doc] === 0)
    if (preds.length === 0) return cand
    const test =
      preds.length === 1
        ? (preds[0] as (doc: number) => boolean)
        : (doc: number) => preds.every((p) => p(doc))
    return keep(cand, test)
  }

  /** The postings of the query's scored tokens, each once, in the order their impacts are added. */
  private scored(s: SearchQuery): Postings[] {
    const out: Postings[] = []
    for (const tok of new Set(s.scoreText.split(' ').filter(Boolean))) {
      const p = this.data.postings.get(tok)
      if (p) out.push(p)
    }
    return out
  }

  /**
   * The best k candidates without scoring them all (impact-top.ts), or null where that does not pay:
   * few candidates, or a cited document number's bonus (not a posting list with an order).
   */
  private pruned(s: SearchQuery, cand: Uint32Array, k: number, better: Better): number[] | null {
    if (!this.pruning || s.citedNumbers.length || cand.length < PRUNE_MIN || cand.length < 4 * k) return null
    const lists = this.scored(s)
    // with more words a walk meets most candidates before its bound falls (measured: a loss)
    if (!lists.length || lists.length > 3) return null
    const inCand = this.marks(2)
    for (let i = 0; i < cand.length; i++) this.stamp[cand[i] as number] = inCand
    // ties at the k-th score (short, uniform texts) make a walk long: it gives up early
    return topByImpact(lists, cand, k, better, { stamp: this.stamp, acc: this.acc, inCand }, cand.length / 4)
  }

  /** Scores of the candidates, in the per-article scratch `acc` (read by article number). */
  private scores(s: SearchQuery, cand: Uint32Array): Float64Array {
    const { acc, stamp } = this
    const only = this.scored(s)
    // one word, its own postings the candidates: each score is its one impact (0 + impact, as below)
    if (only.length === 1 && only[0]?.docs === cand && !s.citedNumbers.length) {
      const { impact } = only[0]
      for (let k = 0; k < cand.length; k++) acc[cand[k] as number] = 0 + (impact[k] as number)
      return acc
    }
    const inCand = this.marks(1)
    for (let i = 0; i < cand.length; i++) {
      acc[cand[i] as number] = 0
      stamp[cand[i] as number] = inCand
    }
    // per token: look each candidate up when they are few, else one pass over its postings
    const add = (docs: Uint32Array, impact: Float64Array | null) => {
      if (docs.length > 8 * cand.length) {
        let k = 0
        for (let i = 0; i < cand.length && k < docs.length; i++) {
          const d = cand[i] as number
          k = seek(docs, d, k)
          if (docs[k] === d) acc[d] = (acc[d] as number) + (impact ? (impact[k] as number) : 100)
        }
      } else if (impact) {
        for (let k = 0; k < docs.length; k++) {
          const d = docs[k] as number
          if (stamp[d] === inCand) acc[d] = (acc[d] as number) + (impact[k] as number)
        }
      } else {
        for (let k = 0; k < docs.length; k++) {
          const d = docs[k] as number
          if (stamp[d] === inCand) acc[d] = (acc[d] as number) + 100
        }
      }
    }
    for (const p of only) add(p.docs, p.impact)
    // an article citing a document number written in the query comes first
    if (s.citedNumbers.length) add(this.citing(s.citedNumbers), null)
    return acc
  }

  /** +2 per query word pair standing together in the title, +1 in the body (sql.ts's pair boosts). */
  private pairBoost(s: SearchQuery): ((doc: number) => number) | null {
    const d = this.data
    const words = s.clauses.map((c) => (c.length === 1 && c[0]?.tokens.length === 1 ? c[0].tokens[0] : null))
    const pairs: Array<readonly [number, number]> = []
    for (let i = 1; i < words.length; i++) {
      const a = d.tokenIds.get(words[i - 1] ?? '')
      const b = d.tokenIds.get(words[i] ?? '')
      if (words[i - 1] && words[i]) pairs.push([a ?? -1, b ?? -1])
    }
    return pairs.length ? pairBoosts(d, pairs) : null
  }

  search(s: SearchQuery, f: RouteFilters, limit: number, offset: number): SearchPage {
    const d = this.data
    const cand = this.filtered(f, this.candidates(s, this.filterLists(s, f)))
    const scores = this.acc
    const boost = this.pairBoost(s)
    const better = betterBy(scores, d.publishedMs)
    const depth = boost ? RERANK_DEPTH : 0
    const k = depth + offset + limit
    // rows beyond the best depth+offset+limit by the base score can never reach the page
    let best = this.pruned(s, cand, k, better)
    if (best) this.walked++
    else {
      this.scores(s, cand)
      best = topDocs(cand, k, better, scores)
    }
    if (boost) {
      for (const doc of best.slice(0, depth)) scores[doc] = (scores[doc] as number) + boost(doc)
      best = best.sort((a, b) => (better(a, b) ? -1 : 1))
    }
    const page = best.map((doc) => ({ doc, score: scores[doc] as number }))
    const rows = page.slice(offset, offset + limit).map(({ doc, score }) => ({
      article_id: d.ids[doc],
      title: d.titles[doc],
      published_at: d.publishedAt[doc],
      source_id: d.sources[doc],
      url: d.urls[doc],
      province_code_2008: d.p2008[doc],
      province_code_2025: d.p2025[doc],
      origin: d.origins[doc],
      is_copy: d.isCopy[doc] === 1,
      score,
      snippet: snippetFor(d.titles[doc] ?? '', d.bodies[doc] ?? '', s),
    }))
    return { rows, total: cand.length }
  }
}
