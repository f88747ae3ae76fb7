/**
 * The article search route's fast path: the version's in-memory index (index-store.ts) answers a
 * search unless it filters on mentions (campaign, document, event), which the index does not hold, or
 * the version has no index yet; then the route runs its SQL (sql.ts), which means the same.
 */
import type { TableResult } from '../db/duck-values.ts'
import { PAGE_COLUMNS, type RouteFilters } from './engine.ts'
import { readySearchWorker } from './index-store.ts'
import type { SearchQuery } from './query.ts'

/** How long a search waits for its version's index to finish building before it runs on SQL. */
const BUILD_WAIT_MS = 10_000

/** The route's parsed parameters the index needs (those of routes/articles.ts). */
export interface IndexedRequest {
  readonly system: '2008' | '2025'
  readonly province: ReadonlyArray<string>
  readonly from: string | null
  readonly to: string | null
  readonly source: string | null
  readonly origin: string | null
  readonly unique: string
  readonly campaign: string | null
  readonly document: string | null
  readonly event: string | null
  readonly event_id: string | null
  readonly limit: number
  readonly offset: number
}

/** The route's filters when a request sets none (all articles, the 2025 provinces). */
export const NO_FILTERS: RouteFilters = {
  system: '2025',
  provinces: [],
  from: null,
  to: null,
  source: null,
  origin: null,
  unique: false,
}

const COLUMNS = [...PAGE_COLUMNS.map((c) => c[0]), 'total']
const TYPES = [...PAGE_COLUMNS.map((c) => c[1]), 'BIGINT']

/** A page with its `total` column (as the SQL path's `count(*) OVER ()`), or null to run the SQL. */
export const indexedSearch = async (
  file: string,
  query: SearchQuery,
  r: IndexedRequest
): Promise<TableResult | null> => {
  if (r.campaign || r.document || r.event || r.event_id) return null
  const worker = await readySearchWorker(file, BUILD_WAIT_MS)
  if (!worker) return null
  const filters: RouteFilters = {
    system: r.system,
    provinces: r.province,
    from: r.from,
    to: r.to,
    source: r.source,
    origin: r.origin,
    unique: r.unique === 'true',
  }
  try {
    const page = await worker.search(query, filters, r.limit, r.offset)
    return { columns: COLUMNS, types: TYPES, rows: page.rows.map((row) => ({ ...row, total: page.total })) }
  } catch {
    return null // the worker stopped (its version was swapped out): SQL answers the same
  }
}
