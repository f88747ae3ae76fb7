/**
 * One unit of the run's CPU work, the same in a worker thread and in this one: a page is parsed (with
 * the article check when the crawler gave no verdict) and its body extracted; an article record
 * already parsed is only extracted. The outcome is what the loader writes: rows, a failure, or
 * nothing (not an article). Plain data both ways, since it crosses threads by structured clone.
 * Work marked `extract: false` comes back parsed only (`article`): the run's Extractor service then
 * extracts it in the stream (run/services/extractor.ts).
 */
import type { ArticleRecord } from '../domain/article.ts'
import { extract } from '../extract/extract.ts'
import { isNotArticle, type PageInput, parseSafely } from '../parse/parse-many.ts'
import type { LoadItem } from '../warehouse/rows.ts'
import { articleDigest } from '../warehouse/rows-digest.ts'

/** Work for the pool: a page to parse and extract, or an article record to extract. */
export type Work = (
  | {
      readonly kind: 'page'
      readonly source_id: string | null
      readonly record_id: string | null
      readonly input: PageInput
    }
  | { readonly kind: 'record'; readonly article: ArticleRecord }
) & {
  /** false: leave the extraction to the stream (an Extractor that does not run in the pool). */
  readonly extract?: boolean
}

/** One thing to load: work for the pool, or an outcome already known (skipped, failed early). */
export type Unit =
  | Work
  | { readonly kind: 'skip' }
  | {
      readonly kind: 'failed'
      readonly url: string
      readonly source_id: string | null
      readonly reason: string
    }

export type Outcome =
  | { readonly kind: 'item'; readonly item: LoadItem }
  | { readonly kind: 'article'; readonly article: ArticleRecord; readonly record_id: string | null }
  | { readonly kind: 'not_article' }
  | {
      readonly kind: 'failed'
      readonly url: string
      readonly source_id: string | null
      readonly reason: string
    }

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** The date the extractor anchors relative expressions to ("Chiều 5/3" → the publication year). */
const anchorDate = (a: ArticleRecord): string | null => a.published_at?.slice(0, 10) ?? null

/** The extraction of the body the warehouse stores (spans index into it); throws on an extractor bug. */
export const extractArticle = (article: ArticleRecord) =>
  extract(article.body_text, { id: article.url, published: anchorDate(article) })

const extracted = (article: ArticleRecord, record_id: string | null): Outcome => {
  try {
    const extraction = extractArticle(article)
    // The load's digest (fold + MinHash) is per page too: made here, on the pool's threads (issue #17).
    const digest = articleDigest(article)
    return { kind: 'item', item: { article, extraction, archive_record_id: record_id, digest } }
  } catch (e) {
    // An extractor bug on one page must not stop the run: record it and go on.
    return {
      kind: 'failed',
      url: article.url,
      source_id: article.source_id,
      reason: `unexpected error: ${message(e)}`,
    }
  }
}

const finished = (w: Work, article: ArticleRecord, record_id: string | null): Outcome =>
  w.extract === false ? { kind: 'article', article, record_id } : extracted(article, record_id)

export const doWork = (w: Work): Outcome => {
  if (w.kind === 'record') return finished(w, w.article, null)
  const parsed = parseSafely(w.input)
  if (isNotArticle(parsed)) return { kind: 'not_article' }
  if (!parsed.ok) return { kind: 'failed', url: w.input.url, source_id: w.source_id, reason: parsed.reason }
  return finished(w, { ...parsed.article, source_id: parsed.article.source_id ?? w.source_id }, w.record_id)
}

/** The outcome of a unit that needs no work (skipped or failed before parsing); null for work. */
export const knownOutcome = (u: Unit): Outcome | null =>
  u.kind === 'skip' ? { kind: 'not_article' } : u.kind === 'failed' ? u : null
