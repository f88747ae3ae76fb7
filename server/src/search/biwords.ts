/**
 * Postings of adjacent token pairs ("thi dua"), so a phrase of common words is an intersection of pair
 * postings rather than a scan of every candidate's token sequence. Each posting keeps where the pair
 * first stands in the article (offset in its sequence), so a longer phrase is checked in one look.
 * Only pairs of frequent tokens are kept: a phrase holding a rarer token already has few candidates.
 */
import { holdsRun, seek } from './postings.ts'

export interface Biwords {
  /** The pair key (first id × vocabulary size + second id) → its index. */
  readonly index: Map<number, number>
  readonly vocabulary: number
  /** Pair p's postings are docs/pos[start[p] .. start[p+1]). */
  readonly start: Uint32Array
  readonly docs: Uint32Array
  readonly pos: Uint32Array
  /** 1 for the token ids whose pairs are indexed. */
  readonly frequent: Uint8Array
}

/** A token is frequent (its pairs indexed) in at least this share of the articles. */
const FREQUENT_SHARE = 1 / 100

export const buildBiwords = (
  seq: Uint32Array,
  seqStart: Uint32Array,
  df: ArrayLike<number>,
  n: number
): Biwords => {
  const vocabulary = df.length
  const frequent = Uint8Array.from({ length: vocabulary }, (_, t) =>
    (df[t] ?? 0) >= n * FREQUENT_SHARE ? 1 : 0
  )
  const index = new Map<number, number>()
  const counts: number[] = []
  const lastDoc: number[] = []
  // pass 1: how many articles hold each pair
  for (let doc = 0; doc < n; doc++) {
    const end = (seqStart[doc + 1] as number) - 1
    for (let i = seqStart[doc] as number; i < end; i++) {
      const a = seq[i] as number
      const b = seq[i + 1] as number
      if (!frequent[a] || !frequent[b]) continue
      const key = a * vocabulary + b
      let p = index.get(key)
      if (p === undefined) {
        p = counts.length
        index.set(key, p)
        counts.push(0)
        lastDoc.push(-1)
      }
      if (lastDoc[p] !== doc) {
        lastDoc[p] = doc
        counts[p] = (counts[p] as number) + 1
      }
    }
  }
  const start = new Uint32Array(counts.length + 1)
  for (let p = 0; p < counts.length; p++) start[p + 1] = (start[p] as number) + (counts[p] as number)
  const total = start[counts.length] as number
  const docs = new Uint32Array(total)
  const pos = new Uint32Array(total)
  const fill = Uint32Array.from(start.subarray(0, counts.length))
  lastDoc.fill(-1)
  // pass 2: each article's first position of each pair, articles in order
  for (let doc = 0; doc < n; doc++) {
    const from = seqStart[doc] as number
    const end = (seqStart[doc + 1] as number) - 1
    for (let i = from; i < end; i++) {
      const a = seq[i] as number
      const b = seq[i + 1] as number
      if (!frequent[a] || !frequent[b]) continue
      const p = index.get(a * vocabulary + b) as number
      if (lastDoc[p] === doc) continue
      lastDoc[p] = doc
      const k = fill[p] as number
      docs[k] = doc
      pos[k] = i - from
      fill[p] = k + 1
    }
  }
  return { index, vocabulary, start, docs, pos, frequent }
}

/** The postings of the pair (a, b): null when not indexed (a rare token), empty when it never occurs. */
export const pairPostings = (
  b: Biwords,
  first: number,
  second: number
): { docs: Uint32Array; pos: Uint32Array } | null => {
  if (first < 0 || second < 0 || !b.frequent[first] || !b.frequent[second]) return null
  const p = b.index.get(first * b.vocabulary + second)
  if (p === undefined) return { docs: new Uint32Array(0), pos: new Uint32Array(0) }
  const from = b.start[p] as number
  const to = b.start[p + 1] as number
  return { docs: b.docs.subarray(from, to), pos: b.pos.subarray(from, to) }
}

/** An article's tokens (title then body, article i in seq[seqStart[i], seqStart[i+1])) and pair postings. */
export interface TokenSequences {
  readonly seq: Uint32Array
  readonly seqStart: Uint32Array
  readonly titleTokens: Uint32Array
  readonly biwords: Biwords
}

/**
 * The word-pair boost of an article (sql.ts): per pair, +2 if it stands in the title, +1 if in the body.
 * An indexed pair's first position answers without reading the article, unless it first stands in the
 * title (then only the body is scanned); a pair of a rare token is scanned for in both.
 */
export const pairBoosts = (
  d: TokenSequences,
  pairs: ReadonlyArray<readonly [number, number]>
): ((doc: number) => number) => {
  const posts = pairs.map(([a, b]) => pairPostings(d.biwords, a, b))
  return (doc) => {
    const start = d.seqStart[doc] as number
    const titled = d.titleTokens[doc] as number
    const mid = start + titled
    const end = d.seqStart[doc + 1] as number
    let boost = 0
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i] as readonly [number, number]
      const post = posts[i]
      if (!post) {
        boost += (holdsRun(d.seq, start, mid, pair) ? 2 : 0) + (holdsRun(d.seq, mid, end, pair) ? 1 : 0)
        continue
      }
      const k = seek(post.docs, doc, 0)
      if (post.docs[k] !== doc) continue
      const first = post.pos[k] as number
      if (first >= titled)
        boost += 1 // not in the title, and in the body
      else boost += (first + 2 <= titled ? 2 : 0) + (holdsRun(d.seq, mid, end, pair) ? 1 : 0)
    }
    return boost
  }
}
