/**
 * What one crawler process knows while it runs: pages from earlier runs and this one, URLs taken into
 * the frontier, content hashes, change dates from feeds and sitemaps, per-source counters and budgets.
 */
import type { SourceConfig } from '../domain/source.ts'
import { isPermanentFailure } from './http.ts'
import { emptyStats, type SourceStats } from './progress.ts'
import type { KnownPage, LinkRow, PageRole, PageRow, QueuedRow } from './store-rows.ts'
import type { Task } from './types.ts'

export const emptyPage = (url: string, source_id: string, role: PageRole, from: string | null): PageRow => ({
  url,
  source_id,
  role,
  state: 'queued',
  is_article: null,
  content_kind: null,
  discovered_from: from,
  http_status: null,
  content_type: null,
  etag: null,
  last_modified: null,
  content_hash: null,
  bytes: null,
  encoding: null,
  record_id: null,
  duplicate_of: null,
  redirect_to: null,
  attempts: null,
  last_error: null,
  fetched_at: null,
})

const FINAL_STATES = new Set(['stored', 'duplicate', 'redirected'])

export class CrawlState {
  readonly known = new Map<string, KnownPage>()
  /** URLs this process took into the frontier in this run. */
  readonly seen = new Set<string>()
  readonly knownArticlesAtStart = new Set<string>()
  readonly hashOwner = new Map<string, string>()
  readonly changedAt = new Map<string, number>()
  readonly stats: Map<string, SourceStats>
  private readonly fetches = new Map<string, number>()
  readonly budgetHit = new Set<string>()

  constructor(
    readonly sources: ReadonlyArray<SourceConfig>,
    knownPages: ReadonlyArray<KnownPage>,
    readonly completeBefore: ReadonlySet<string>,
    readonly listingLinks: ReadonlyMap<string, LinkRow[]>,
    private readonly opts: { readonly maxPages?: number; readonly revisitArticles?: boolean }
  ) {
    this.stats = new Map(sources.map((s) => [s.id, emptyStats()]))
    for (const k of knownPages) {
      this.known.set(k.url, k)
      if (k.state === 'stored' && k.is_article) this.knownArticlesAtStart.add(k.url)
      if (k.state === 'stored' && k.content_hash) this.hashOwner.set(k.content_hash, k.url)
    }
  }

  statsOf(id: string): SourceStats {
    return this.stats.get(id) as SourceStats
  }

  /** Whether a task goes into the frontier now (marks it seen); stored articles are final unless changed. */
  admit(t: Task): boolean {
    if (this.seen.has(t.url)) return false
    const k = this.known.get(t.url)
    const finalArticle =
      k !== undefined &&
      FINAL_STATES.has(k.state) &&
      (k.is_article === true || t.role === 'article' || t.role === 'attachment')
    const changed = k?.fetched_ms != null && (this.changedAt.get(t.url) ?? 0) > k.fetched_ms
    if (finalArticle && !this.opts.revisitArticles && !t.revisit && !changed) return false
    if (k?.state === 'failed' && isPermanentFailure(k.http_status, k.last_error)) return false
    this.seen.add(t.url)
    this.statsOf(t.source.id).queued++
    return true
  }

  /** Counts a fetch against the source's budget; false once the budget is spent (the URL stays queued). */
  spend(source: SourceConfig): boolean {
    const used = this.fetches.get(source.id) ?? 0
    if (used >= (this.opts.maxPages ?? source.max_pages ?? Number.POSITIVE_INFINITY)) {
      this.budgetHit.add(source.id)
      return false
    }
    this.fetches.set(source.id, used + 1)
    return true
  }

  mergeChangedAt(dates: ReadonlyMap<string, number>): void {
    for (const [u, t] of dates) this.changedAt.set(u, Math.max(t, this.changedAt.get(u) ?? t))
  }

  /** URLs seen for the first time, marked known at once so no other page queues them again. */
  claimNew(tasks: ReadonlyArray<Task>): QueuedRow[] {
    const out: QueuedRow[] = []
    for (const t of tasks) {
      if (this.known.has(t.url) || this.seen.has(t.url)) continue
      const row: QueuedRow = { url: t.url, source_id: t.source.id, role: t.role, discovered_from: t.from }
      this.remember(emptyPage(row.url, row.source_id, row.role, row.discovered_from))
      this.statsOf(row.source_id).discovered++
      out.push(row)
    }
    return out
  }

  remember(row: PageRow): void {
    this.known.set(row.url, {
      url: row.url,
      source_id: row.source_id,
      role: row.role,
      state: row.state,
      is_article: row.is_article,
      etag: row.etag,
      last_modified: row.last_modified,
      content_hash: row.content_hash,
      record_id: row.record_id,
      discovered_from: row.discovered_from,
      http_status: row.http_status,
      last_error: row.last_error,
      fetched_ms: row.fetched_at ? Date.parse(row.fetched_at) : (this.known.get(row.url)?.fetched_ms ?? null),
    })
  }

  /** Stored article pages per source. */
  articleTotals(): Map<string, number> {
    const out = new Map<string, number>()
    for (const k of this.known.values())
      if (k.state === 'stored' && k.is_article) out.set(k.source_id, (out.get(k.source_id) ?? 0) + 1)
    return out
  }

  queuedOf(sourceId: string): number {
    let n = 0
    for (const k of this.known.values()) if (k.source_id === sourceId && k.state === 'queued') n++
    return n
  }
}
