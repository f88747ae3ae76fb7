/**
 * Search snippets that mark only real matches: a word is marked when its folded form is a query token
 * and, where the query wrote that token with diacritics, its own diacritics agree ("đua" never marks
 * "đưa"); with two or more query words only runs of consecutive matching words are marked (or one word
 * holding several, like "138/KH-UBND"), so "thi dua lang son" does not mark every "Thị" in names. The
 * window is cut from the body around the first marked run, whole words only, HTML escaped; the title
 * when the body has no match. Only a window of the body is scanned, so a huge article costs no more;
 * words where no query token can stand (snippet-prefilter.ts) are never analysed.
 */
import { isJsSpace } from '../../../pipeline/src/page/whitespace.ts'
import { fold } from '../routes/search-snippet.ts'
import type { SearchQuery } from './query.ts'
import { prefilterOf } from './snippet-prefilter.ts'

const WINDOW = 220
const LEAD = 60
/** Bodies are scanned up to this many characters for the first match (long articles stay cheap). */
const SCAN_LIMIT = 200_000

const HTML_SPECIAL = /[&<>]/
const escapeHtml = (s: string): string =>
  HTML_SPECIAL.test(s) ? s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;') : s
const EDGE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su

export interface Matcher {
  /** Query tokens with the accented words that fix their diacritics (empty = any). */
  readonly tokens: ReadonlyMap<string, ReadonlySet<string>>
  readonly needRuns: boolean
  /** Where a query token could stand in a raw text (null: nowhere, the query has no token). */
  readonly prefilter: RegExp | null
}

/** A page's rows share their query object: its matcher is built once. */
const matchers = new WeakMap<SearchQuery, Matcher>()

export const matcherOf = (s: SearchQuery): Matcher => {
  const known = matchers.get(s)
  if (known) return known
  const tokens = new Map<string, Set<string>>()
  for (const t of s.clauses.flat()) {
    for (const tok of t.tokens) if (!tokens.has(tok)) tokens.set(tok, new Set())
    for (const w of t.accented) tokens.get(fold(w))?.add(w)
  }
  const m = { tokens, needRuns: tokens.size >= 2, prefilter: prefilterOf(tokens.keys()) }
  matchers.set(s, m)
  return m
}

/** The first place at or after a position where a query token could stand (Infinity: none). */
const possibleMatches = (text: string, re: RegExp | null): ((from: number) => number) => {
  // a search from `from` found `next` first: no match starts in between, so later asks reuse it
  let from = -1
  let next = -1
  return (at) => {
    if (from >= 0 && at >= from && at <= next) return next
    if (!re) return Number.POSITIVE_INFINITY
    re.lastIndex = at
    from = at
    next = re.exec(text)?.index ?? Number.POSITIVE_INFINITY
    return next
  }
}

/** A word's letter runs, lowercased, each with its folded form (e.g. "Đại," → [["đại", "dai"]]). */
type Pieces = ReadonlyArray<readonly [string, string]>

/** Words recur across articles: their analysis is kept (cleared when it grows past this many). */
const PIECES_CACHE = 100_000
const piecesCache = new Map<string, Pieces>()

const piecesOf = (word: string): Pieces => {
  let p = piecesCache.get(word)
  if (p) return p
  p = word
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((piece) => [piece, fold(piece)] as const)
  if (piecesCache.size >= PIECES_CACHE) piecesCache.clear()
  piecesCache.set(word, p)
  return p
}

/** How many query tokens the word holds (0 = no match). */
const hits = (word: string, m: Matcher): number => {
  let n = 0
  for (const [piece, f] of piecesOf(word)) {
    const accents = m.tokens.get(f)
    if (accents === undefined) continue
    if (accents.size > 0 && !accents.has(piece)) continue
    n++
  }
  return n
}

/** Marks per word: true where the word is part of a real match. */
const marks = (words: ReadonlyArray<string>, m: Matcher): boolean[] => {
  const h = words.map((w) => hits(w, m))
  if (!m.needRuns) return h.map((n) => n > 0)
  return h.map((n, i) => n >= 2 || (n > 0 && ((h[i - 1] ?? 0) > 0 || (h[i + 1] ?? 0) > 0)))
}

const render = (words: ReadonlyArray<string>, marked: ReadonlyArray<boolean>): string =>
  words
    .map((w, i) => {
      const e = escapeHtml(w)
      if (!marked[i]) return e
      const x = EDGE.exec(e)
      return x ? `${x[1]}<mark>${x[2]}</mark>${x[3]}` : `<mark>${e}</mark>`
    })
    .join(' ')

/** Where the word holding position `at` starts (`at` itself when it starts one or is a space). */
const wordStart = (text: string, at: number): number => {
  let s = at
  while (s > 0 && !isJsSpace(text.charCodeAt(s - 1))) s--
  return s
}

/**
 * The whitespace-separated words of a text, read only as far as they are asked for: word 0 is the first
 * at or after `anchor` (a word's start), words before it have negative numbers and are read backwards.
 * The words are those of reading the whole text forwards; only their numbering starts at the anchor.
 */
class Words {
  private readonly re = /\S+/g
  private readonly read: string[] = []
  private readonly starts: number[] = []
  /** Words before the anchor, nearest first (word -1, -2, …), and where reading backwards stopped. */
  private readonly back: string[] = []
  private readonly backStarts: number[] = []
  private backAt: number
  private done = false

  constructor(
    readonly text: string,
    anchor = 0
  ) {
    this.re.lastIndex = anchor
    this.backAt = anchor
  }

  at(i: number): string | undefined {
    if (i < 0) return this.before(-i - 1)
    while (!this.done && this.read.length <= i) {
      const m = this.re.exec(this.text)
      if (m) {
        this.read.push(m[0])
        this.starts.push(m.index)
      } else this.done = true
    }
    return this.read[i]
  }

  /** Where word i starts in the text (once read). */
  startOf(i: number): number {
    return (i < 0 ? this.backStarts[-i - 1] : this.starts[i]) as number
  }

  private before(j: number): string | undefined {
    const t = this.text
    while (this.back.length <= j) {
      let end = this.backAt
      while (end > 0 && isJsSpace(t.charCodeAt(end - 1))) end--
      if (end === 0) return undefined
      const start = wordStart(t, end)
      this.back.push(t.slice(start, end))
      this.backStarts.push(start)
      this.backAt = start
    }
    return this.back[j]
  }
}

export const snippetFor = (title: string, bodyText: string, s: SearchQuery): string =>
  snippetWith(title, bodyText, matcherOf(s))

export const snippetWith = (title: string, bodyText: string, m: Matcher): string => {
  const body = bodyText.slice(0, SCAN_LIMIT)
  const possible = possibleMatches(body, m.prefilter)
  const firstPossible = possible(0)
  // no query token anywhere in the body: its title is the snippet, without reading a word
  const none = firstPossible === Number.POSITIVE_INFINITY
  // words are read lazily from the word where a token could first stand (none before it holds one),
  // then the window only: the words before that one are never split
  const words = new Words(body, none ? 0 : wordStart(body, firstPossible))
  const h = new Map<number, number>()
  const hitAt = (i: number): number => {
    const w = words.at(i)
    if (w === undefined) return 0
    let n = h.get(i)
    if (n === undefined) {
      // a word no query token can stand in holds none: not analysed
      const start = words.startOf(i)
      n = possible(start) < start + w.length ? hits(w, m) : 0
      h.set(i, n)
    }
    return n
  }
  const markedAt = (i: number): boolean => {
    const n = hitAt(i)
    return m.needRuns ? n >= 2 || (n > 0 && (hitAt(i - 1) > 0 || hitAt(i + 1) > 0)) : n > 0
  }
  let first = 0
  while (!none && words.at(first) !== undefined && !markedAt(first)) first++
  if (none || words.at(first) === undefined) {
    const tw = title.split(' ')
    return render(tw, marks(tw, m))
  }
  // start about LEAD characters before the first match, on a word boundary
  const len = (i: number) => words.at(i)?.length ?? 0
  let start = first
  let lead = 0
  while (words.at(start - 1) !== undefined && lead + len(start - 1) + 1 <= LEAD) lead += len(--start) + 1
  let end = start
  let width = 0
  while (words.at(end) !== undefined && width + len(end) + 1 <= WINDOW) width += len(end++) + 1
  if (end === start) end = start + 1
  const window = Array.from({ length: end - start }, (_, k) => words.at(start + k) as string)
  const text = render(
    window,
    window.map((_, k) => markedAt(start + k))
  )
  const more = words.at(end) !== undefined || bodyText.length > SCAN_LIMIT
  return `${words.at(start - 1) !== undefined ? '… ' : ''}${text}${more ? ' …' : ''}`
}
