/**
 * What buildRows reads from an article's text alone (issue #17): its MinHash signature and whether its
 * folded title or body names the movement. Both are pure and per page, and folding plus hashing was the
 * largest part of building rows, so the page workers compute the digest beside the extraction
 * (run/page-work.ts) and the load's single thread only checks it; an item without one gets it in buildRows.
 */
import type { ArticleRecord } from '../domain/article.ts'
import { findProvinceNames, type ProvinceCodes } from './attribution.ts'
import { foldText, foldTextOnce } from './fold.ts'
import { minhashOfFold, minhashSignature, NUM_HASHES } from './minhash.ts'

export interface ArticleDigest {
  /** null for a text without words (it cannot be compared). */
  readonly signature: Uint32Array | null
  /** "thi đua" or "khen thưởng" in the folded title or body. */
  readonly thiduaWords: boolean
  /** Province names of the title (weight 3), then of the lead (weight 2), for attribution. */
  readonly headPlaces: ReadonlyArray<ProvinceCodes & { readonly weight: number }>
}

const THIDUA_WORDS = /\bthi dua\b|\bkhen thuong\b/

type Texts = Pick<ArticleRecord, 'title' | 'body_text'> & { readonly lead?: string | null }

/** The gazetteer's matches in the title and the lead: per page, so made with the digest too. */
export const headPlaces = (a: Texts): ArticleDigest['headPlaces'] => {
  const out: Array<ProvinceCodes & { weight: number }> = []
  for (const [text, weight] of [
    [a.title, 3],
    [a.lead ?? '', 2],
  ] as const)
    for (const h of findProvinceNames(text))
      out.push({ code_2008: h.code_2008, code_2025: h.code_2025, weight })
  return out
}

export const articleDigest = (a: Texts): ArticleDigest => {
  // The body is folded once, for the topic words and the MinHash.
  const fold = foldTextOnce(a.body_text)
  const thiduaWords = THIDUA_WORDS.test(foldText(a.title)) || THIDUA_WORDS.test(fold.folded)
  const signature = a.body_text.length > 0 ? minhashOfFold(fold) : minhashSignature(a.title)
  return { signature, thiduaWords, headPlaces: headPlaces(a) }
}

const code = (v: unknown) => v === null || typeof v === 'string'
const isWeightedCodes = (p: unknown): boolean =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as { weight?: unknown }).weight === 'number' &&
  code((p as ProvinceCodes).code_2008) &&
  code((p as ProvinceCodes).code_2025)

/** A digest as articleDigest makes it (one that went through JSON, say, is not: it is recomputed). */
export const isArticleDigest = (d: unknown): d is ArticleDigest => {
  if (typeof d !== 'object' || d === null) return false
  const { signature, thiduaWords, headPlaces } = d as Record<string, unknown>
  return (
    typeof thiduaWords === 'boolean' &&
    Array.isArray(headPlaces) &&
    headPlaces.every(isWeightedCodes) &&
    (signature === null || (signature instanceof Uint32Array && signature.length === NUM_HASHES))
  )
}
