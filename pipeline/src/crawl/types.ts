/** The crawler's vocabulary shared by its parts: options, tasks, summaries, errors. */
import { Data } from 'effect'
import type { DuckDBConnection } from '@duckdb/node-api'
import type { SourceConfig } from '../domain/source.ts'
import type { FetchPolicy } from './http.ts'
import type { CrawlProgress, SourceStats } from './progress.ts'
import type { PageRole } from './store-rows.ts'

export class CrawlError extends Data.TaggedError('CrawlError')<{ readonly message: string }> {}

export type ArticleDetector = (html: string, url: string) => boolean

export interface CrawlOptions {
  /** Database file; also locates the raw archive (`<dbFile>.archive/`). */
  readonly dbFile: string
  /** An open connection to `dbFile` (e.g. the warehouse's); otherwise the crawler opens the file. */
  readonly connection?: DuckDBConnection
  readonly sources: ReadonlyArray<SourceConfig>
  /** Offline: real host → simulator prefix (`<origin>/_h/<host>`). */
  readonly hostMap?: Readonly<Record<string, string>>
  readonly runId: string
  readonly live: boolean
  /** Cap on fetches per source in this run (overrides the sources' `max_pages`); the rest stays queued. */
  readonly maxPages?: number
  readonly onProgress?: (p: CrawlProgress) => void
  /** Overrides for every host (defaults: live 1000 ms / 2, offline 0 ms / 2; sources may set their own). */
  readonly minDelayMs?: number
  readonly maxPerHost?: number
  readonly policy?: Partial<Omit<FetchPolicy, 'allowedHost' | 'robotsAllow'>>
  /** Refetch stored articles with a conditional GET (default false: stored articles are final). */
  readonly revisitArticles?: boolean
  /**
   * Periodic re-check: stored articles last fetched this many days ago or more are fetched again with a
   * conditional GET, oldest first, at most `recheckPerSource` per source and run. Default: 30 live, off
   * offline. Articles a sitemap's lastmod or a feed's update date says changed are revisited regardless.
   */
  readonly recheckAfterDays?: number
  readonly recheckPerSource?: number
  /** Clock for the re-check schedule (epoch ms); tests inject one. */
  readonly now?: () => number
  /** Size cap for attachments (PDF/DOC/DOCX); default 20 MB or the page cap if larger. */
  readonly maxAttachmentBytes?: number
  /** Decides which fetched pages are articles; default: the parser's isArticlePage, else URL shapes. */
  readonly isArticlePage?: ArticleDetector | null
  /** A shared frontier (`redis://host:port`) for several crawler processes; default: in this process. */
  readonly frontier?: string
}

export interface SourceSummary extends SourceStats {
  readonly source_id: string
  /** Stored article pages of this source in the database after the run. */
  readonly articles_total: number
}

export interface CrawlSummary {
  readonly run_id: string
  readonly elapsed_ms: number
  readonly complete: boolean
  readonly sources: ReadonlyArray<SourceSummary>
  readonly totals: SourceStats
}

/** A URL with the role the crawler meant for it. */
export interface Task {
  readonly url: string
  readonly source: SourceConfig
  readonly role: PageRole
  readonly from: string | null
  /** A stored article fetched again (changed per sitemap/feed, or due for its periodic re-check). */
  readonly revisit?: boolean
}
