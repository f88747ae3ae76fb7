/** Row shapes of the crawl tables (migration 0100) and helpers for multi-row statements. */
export type PageRole = 'entry' | 'home' | 'listing' | 'feed' | 'sitemap' | 'article' | 'attachment'
export type PageState = 'queued' | 'stored' | 'failed' | 'skipped_robots' | 'duplicate' | 'redirected'

export interface PageRow {
  readonly url: string
  readonly source_id: string
  readonly role: PageRole
  readonly state: PageState
  readonly is_article: boolean | null
  readonly content_kind: string | null
  readonly discovered_from: string | null
  readonly http_status: number | null
  readonly content_type: string | null
  readonly etag: string | null
  readonly last_modified: string | null
  readonly content_hash: string | null
  readonly bytes: number | null
  readonly encoding: string | null
  readonly record_id: string | null
  readonly duplicate_of: string | null
  readonly redirect_to: string | null
  readonly attempts: number | null
  readonly last_error: string | null
  readonly fetched_at: string | null
}

export interface LinkRow {
  readonly from_url: string
  readonly to_url: string
  readonly rel: string
}

export interface QueuedRow {
  readonly url: string
  readonly source_id: string
  readonly role: PageRole
  readonly discovered_from: string | null
}

export interface FetchRow {
  readonly source_id: string | null
  readonly url: string
  readonly final_url: string | null
  readonly status: number | null
  readonly bytes: number | null
  readonly attempts: number
  readonly error: string | null
  readonly not_modified: boolean
  readonly elapsed_ms: number
  readonly fetched_at: string
}

/** What the crawler needs to know about a page from earlier runs. */
export interface KnownPage {
  readonly url: string
  readonly source_id: string
  readonly role: PageRole
  readonly state: PageState
  readonly is_article: boolean | null
  readonly etag: string | null
  readonly last_modified: string | null
  readonly content_hash: string | null
  readonly record_id: string | null
  readonly discovered_from: string | null
  readonly http_status: number | null
  readonly last_error: string | null
  /** Epoch milliseconds of the page's last fetch, or null. */
  readonly fetched_ms: number | null
}

export const PAGE_COLUMNS = [
  'url',
  'source_id',
  'role',
  'state',
  'is_article',
  'content_kind',
  'discovered_from',
  'http_status',
  'content_type',
  'etag',
  'last_modified',
  'content_hash',
  'bytes',
  'encoding',
  'record_id',
  'duplicate_of',
  'redirect_to',
  'attempts',
  'last_error',
  'fetched_at',
] as const

export const placeholders = (rows: number, cols: number, extra = ''): string =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(', ')}${extra})`
  ).join(', ')

export const chunked = <T>(items: ReadonlyArray<T>, size: number): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export const FETCH_COLUMNS = [
  'source_id',
  'url',
  'final_url',
  'status',
  'bytes',
  'attempts',
  'error',
  'not_modified',
  'elapsed_ms',
  'fetched_at',
] as const
