/**
 * The in-memory search index of one published version, built once from its articles (in a worker
 * thread, see index-worker.ts) and then only read:
 *   - token postings in article order (articles numbered by article_id), each with its BM25F impact
 *     computed here (the same formula as the warehouse's `search_article_scores`: k1 1.2, b 0.75, title
 *     weight 2.5), so a query's score is a sum of stored numbers and its count a merge of postings;
 *   - postings of the words written with diacritics ("đua", "đưa"), so a query word with diacritics is
 *     one more posting list, not a regular expression over texts;
 *   - each article's folded token sequence (title then body), for phrases and the word-pair boosts, and
 *     postings of adjacent pairs of frequent tokens (biwords.ts), so a phrase of common words is an
 *     intersection too;
 *   - the columns a result page shows, and the body its snippet is cut from.
 * Tokens are the folded words of `fold` (lowercase, no diacritics, đ → d), split on [^a-z0-9]: the
 * tokenisation of the query parser (query.ts), so query and index agree by construction.
 */
import { fold } from '../routes/search-snippet.ts'
import { type Biwords, buildBiwords } from './biwords.ts'
import { impactOrder, ORDER_MIN } from './impact-top.ts'
import type { Postings } from './postings.ts'

export interface ArticleRow {
  readonly id: string
  readonly title: string
  readonly body: string
  readonly publishedAt: string | null
  readonly publishedMs: number | null
  /** published_date as days since 1970-01-01. */
  readonly day: number | null
  readonly sourceId: string | null
  readonly url: string | null
  readonly p2008: string | null
  readonly p2025: string | null
  readonly origin: string | null
  readonly clusterId: string | null
}

export type { Postings } from './postings.ts'

export interface SearchIndexData {
  readonly n: number
  readonly ids: string[]
  readonly titles: string[]
  readonly bodies: string[]
  readonly publishedAt: Array<string | null>
  readonly urls: Array<string | null>
  readonly sources: Array<string | null>
  readonly p2008: Array<string | null>
  readonly p2025: Array<string | null>
  readonly origins: Array<string | null>
  /** Milliseconds since the epoch, NaN when unknown (sorts last). */
  readonly publishedMs: Float64Array
  /** Days since the epoch of published_date; NO_DAY when unknown. */
  readonly day: Int32Array
  /** 1 when the article is a near-duplicate copy (its cluster's representative is another article). */
  readonly isCopy: Uint8Array
  readonly tokenIds: Map<string, number>
  readonly postings: Map<string, Postings>
  readonly accented: Map<string, Uint32Array>
  /** Token ids of every article, title then body; article i spans seqStart[i]..seqStart[i+1]. */
  readonly seq: Uint32Array
  readonly seqStart: Uint32Array
  readonly titleTokens: Uint32Array
  /** Postings of adjacent frequent-token pairs, with their first position (biwords.ts). */
  readonly biwords: Biwords
  /** Articles by document type they cite, and by the folded display symbol of each cited document. */
  readonly types: Map<string, Uint32Array>
  readonly cites: Map<string, Uint32Array>
  /** Folded province name → its codes per system. */
  readonly provinces: Map<string, Array<{ system: '2008' | '2025'; code: string }>>
}

export const NO_DAY = -2_147_483_648

const HAS_MARK = /[\u0300-\u036f]|đ/u

/** A growable Uint32Array (postings are built one article at a time). */
export class U32List {
  private a = new Uint32Array(8)
  length = 0
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Uint32Array(this.a.length * 2)
      b.set(this.a)
      this.a = b
    }
    this.a[this.length++] = v
  }
  done(): Uint32Array {
    return this.a.slice(0, this.length)
  }
}

interface Chunk {
  readonly tokens: ReadonlyArray<number>
  readonly accented: ReadonlyArray<string>
}

interface TokenAcc {
  readonly docs: U32List
  /** tf in the title << 16 | tf in the body (each capped at 65535). */
  readonly tf: U32List
}

/** Cached analyses of whitespace-separated chunks are dropped past this many (memory stays bounded). */
const CHUNK_CACHE = 200_000

export class IndexBuilder {
  private readonly chunkCache = new Map<string, Chunk>()
  private readonly tokenIds = new Map<string, number>()
  private readonly tokens: TokenAcc[] = []
  private readonly tokenNames: string[] = []
  private readonly accented = new Map<string, U32List>()
  private readonly seq = new U32List()
  private readonly seqStart = new U32List()
  private readonly titleTokens = new U32List()
  private readonly bodyTokens = new U32List()
  private readonly rows: ArticleRow[] = []
  private lastId: string | null = null

  private tokenId(t: string): number {
    let id = this.tokenIds.get(t)
    if (id === undefined) {
      id = this.tokens.length
      this.tokenIds.set(t, id)
      this.tokens.push({ docs: new U32List(), tf: new U32List() })
      this.tokenNames.push(t)
    }
    return id
  }

  private chunk(raw: string): Chunk {
    let c = this.chunkCache.get(raw)
    if (c) return c
    const tokens = fold(raw)
      .split(/[^a-z0-9]+/)
      .filter((t) => t !== '')
      .map((t) => this.tokenId(t))
    const accented = raw
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '' && HAS_MARK.test(w.normalize('NFD')))
    c = { tokens, accented }
    if (this.chunkCache.size >= CHUNK_CACHE) this.chunkCache.clear()
    this.chunkCache.set(raw, c)
    return c
  }

  /** Term counts of the article being added, by token id (reset after each article). */
  private readonly tfTitle: number[] = []
  private readonly tfBody: number[] = []
  private readonly touched: number[] = []

  /** Adds one text's tokens to the sequence and the counts, its words with diacritics to `acc`. */
  private addText(text: string, tf: number[], acc: Set<string>): number {
    let n = 0
    for (const raw of text.split(/\s+/)) {
      if (raw === '') continue
      const c = this.chunk(raw)
      for (const t of c.tokens) {
        this.seq.push(t)
        if (!this.tfTitle[t] && !this.tfBody[t]) this.touched.push(t)
        tf[t] = (tf[t] ?? 0) + 1
        n++
      }
      for (const w of c.accented) acc.add(w)
    }
    return n
  }

  /** Articles must come in ascending article_id order (their number is their position). */
  add(row: ArticleRow): void {
    if (this.lastId !== null && !(row.id > this.lastId)) throw new Error('articles out of order')
    this.lastId = row.id
    const doc = this.rows.length
    this.rows.push(row)
    this.seqStart.push(this.seq.length)
    const acc = new Set<string>()
    this.titleTokens.push(this.addText(row.title, this.tfTitle, acc))
    this.bodyTokens.push(this.addText(row.body, this.tfBody, acc))
    for (const t of this.touched) {
      const a = this.tokens[t] as TokenAcc
      a.docs.push(doc)
      // two 16-bit halves; a real tf never nears 65535, a hostile page is capped there
      a.tf.push(Math.min(this.tfTitle[t] ?? 0, 0xffff) * 0x10000 + Math.min(this.tfBody[t] ?? 0, 0xffff))
      this.tfTitle[t] = 0
      this.tfBody[t] = 0
    }
    this.touched.length = 0
    for (const w of acc) {
      const l = this.accented.get(w) ?? new U32List()
      if (l.length === 0) this.accented.set(w, l)
      l.push(doc)
    }
  }

  /** BM25F impacts of every posting, given every article's title and body lengths in tokens. */
  private postings(): Map<string, Postings> {
    const n = this.rows.length
    const tl = this.titleTokens.done()
    const bl = this.bodyTokens.done()
    let docs = 0
    let sumT = 0
    let sumB = 0
    for (let i = 0; i < n; i++) {
      if ((tl[i] ?? 0) + (bl[i] ?? 0) === 0) continue // as search_docs: articles holding a token
      docs++
      sumT += tl[i] ?? 0
      sumB += bl[i] ?? 0
    }
    const avgT = Math.max(docs ? sumT / docs : 0, 1)
    const avgB = Math.max(docs ? sumB / docs : 0, 1)
    const out = new Map<string, Postings>()
    this.tokens.forEach((acc, t) => {
      const d = acc.docs.done()
      const tf = acc.tf.done()
      const idf = Math.log(1 + (n - d.length + 0.5) / (d.length + 0.5))
      const impact = new Float64Array(d.length)
      for (let k = 0; k < d.length; k++) {
        const doc = d[k] as number
        const v = tf[k] as number
        const w =
          (2.5 * Math.floor(v / 0x10000)) / (0.25 + (0.75 * (tl[doc] ?? 0)) / avgT) +
          (v & 0xffff) / (0.25 + (0.75 * (bl[doc] ?? 0)) / avgB)
        impact[k] = (idf * w * 2.2) / (w + 1.2)
      }
      const order = d.length >= ORDER_MIN ? impactOrder(impact) : null
      out.set(this.tokenNames[t] as string, { docs: d, impact, order })
    })
    return out
  }

  finish(extra: Pick<SearchIndexData, 'types' | 'cites' | 'provinces'>): SearchIndexData {
    const rows = this.rows
    const n = rows.length
    this.seqStart.push(this.seq.length)
    const seq = this.seq.done()
    const seqStart = this.seqStart.done()
    const df = this.tokens.map((t) => t.docs.length)
    const col = <T>(f: (r: ArticleRow) => T): T[] => rows.map(f)
    return {
      n,
      ids: col((r) => r.id),
      titles: col((r) => r.title),
      bodies: col((r) => r.body),
      publishedAt: col((r) => r.publishedAt),
      urls: col((r) => r.url),
      sources: col((r) => r.sourceId),
      p2008: col((r) => r.p2008),
      p2025: col((r) => r.p2025),
      origins: col((r) => r.origin),
      publishedMs: Float64Array.from(rows, (r) => r.publishedMs ?? Number.NaN),
      day: Int32Array.from(rows, (r) => r.day ?? NO_DAY),
      isCopy: Uint8Array.from(rows, (r) => (r.clusterId !== null && r.clusterId !== r.id ? 1 : 0)),
      tokenIds: this.tokenIds,
      postings: this.postings(),
      accented: new Map([...this.accented].map(([w, l]) => [w, l.done()])),
      seq,
      seqStart,
      titleTokens: this.titleTokens.done(),
      biwords: buildBiwords(seq, seqStart, df, n),
      ...extra,
    }
  }
}

/** Groups (key, article number) pairs into sorted, distinct posting lists. */
export const groupDocs = (pairs: Iterable<readonly [string, number]>): Map<string, Uint32Array> => {
  const lists = new Map<string, number[]>()
  for (const [k, d] of pairs) {
    const l = lists.get(k) ?? []
    if (l.length === 0) lists.set(k, l)
    l.push(d)
  }
  const out = new Map<string, Uint32Array>()
  for (const [k, l] of lists) {
    const a = Uint32Array.from(new Set(l)).sort()
    out.set(k, a)
  }
  return out
}
