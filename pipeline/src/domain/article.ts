/**
 * The clean article record the parser produces from one fetched page; the warehouse stores it.
 * `pnpm thidua parse` prints exactly this shape as JSON.
 */
import { createHash } from 'node:crypto'

export type Origin = 'captured' | 'rebuilt' | 'generated' | 'unknown'

/** `content_hash`: SHA-256 of the body text, hex — how resume and revisits tell a changed article. */
export const contentHash = (body: string): string => createHash('sha256').update(body).digest('hex')

/**
 * Where published_at was read: the platform adapter's machine-readable date ("markup"), a date line
 * printed on the page, JSON-LD, microdata, a meta tag, a `<time datetime>`, or the URL.
 */
export type DateSource = 'markup' | 'printed' | 'json-ld' | 'microdata' | 'meta' | 'time' | 'url'

export interface ImageRecord {
  readonly src: string
  readonly caption: string | null
}

export interface ArticleRecord {
  /** Canonical URL (see crawl/canonical-url.ts): tracking params dropped, scheme/host normalized, NFC path. */
  readonly url: string
  readonly source_id: string | null
  /** Which adapter produced it: a Platform name or "generic". */
  readonly platform: string
  readonly title: string
  readonly lead: string | null
  /** e.g. "(Baonghean.vn) -" when the body starts with one. */
  readonly dateline: string | null
  readonly authors: ReadonlyArray<string>
  /** ISO 8601 with +07:00 offset (Asia/Ho_Chi_Minh), or null when the page gives none. */
  readonly published_at: string | null
  /** Where published_at came from; null when there is no date (absent on records built elsewhere). */
  readonly date_source?: DateSource | null
  readonly updated_at: string | null
  readonly category: string | null
  readonly tags: ReadonlyArray<string>
  /** Body text, NFC, paragraphs separated by "\n\n", no boilerplate, no image captions. */
  readonly body_text: string
  readonly images: ReadonlyArray<ImageRecord>
  readonly links: ReadonlyArray<string>
  /** sha256 hex of the NFC body_text, for exact-duplicate detection. */
  readonly content_hash: string
  /** From `<meta name="thidua:origin">` of snapshot pages; "unknown" on live pages without it. */
  readonly origin: Origin
  readonly language: string
}

/** What an article known only by its text has: no lead, authors, tags, images or links. */
export type TextArticle = Pick<
  ArticleRecord,
  'url' | 'source_id' | 'platform' | 'title' | 'published_at' | 'body_text' | 'origin'
>

/** The full record of an article given as text (an ingested record, a fixture), hashed like a parsed one. */
export const textArticle = (a: TextArticle): ArticleRecord => ({
  lead: null,
  dateline: null,
  authors: [],
  date_source: null,
  updated_at: null,
  category: null,
  tags: [],
  images: [],
  links: [],
  content_hash: contentHash(a.body_text),
  language: 'vi',
  ...a,
})

/** A page that could not be turned into an article; recorded and retried on the next run. */
export interface ParseFailure {
  readonly url: string
  readonly reason: string
}
