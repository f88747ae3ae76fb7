/**
 * What buildRows reads from an article's text alone (issue #17): its MinHash signature and whether its
 * folded title or body names the movement. Both are pure and per page, and folding plus hashing was the
 * largest part of building rows, so the page workers compute the digest beside the extraction
 * (run/page-work.ts) and the load's single thread only checks it; an item without one gets it in buildRows.
 */
import type { ArticleRecord } from '../domain/article.ts'
import { foldText, foldTextOnce } from './fold.ts'
import { minhashOfFold, minhashSignature, NUM_HASHES } from './minhash.ts'

export interface ArticleDigest {
  /** null for a text without words (it cannot be compared). */
  readonly signature: Uint32Array | null
  /** "thi đua" or "khen thưởng" in the folded title or body. */
  readonly thiduaWords: boolean
}

const THIDUA_WORDS = /\bthi dua\b|\bkhen thuong\b/

export const articleDigest = (a: Pick<ArticleRecord, 'title' | 'body_text'>): ArticleDigest => {
  // The body is folded once, for the topic words and the MinHash.
  const fold = foldTextOnce(a.body_text)
  const thiduaWords = THIDUA_WORDS.test(foldText(a.title)) || THIDUA_WORDS.test(fold.folded)
  const signature = a.body_text.length > 0 ? minhashOfFold(fold) : minhashSignature(a.title)
  return { signature, thiduaWords }
}

/** A digest as articleDigest makes it (one that went through JSON, say, is not: it is recomputed). */
export const isArticleDigest = (d: unknown): d is ArticleDigest => {
  if (typeof d !== 'object' || d === null) return false
  const { signature, thiduaWords } = d as Record<string, unknown>
  return (
    typeof thiduaWords === 'boolean' &&
    (signature === null || (signature instanceof Uint32Array && signature.length === NUM_HASHES))
  )
}
