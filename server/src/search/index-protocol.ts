/** Messages between the server thread and a version's search worker (index-worker.ts). */
import type { RouteFilters, SearchPage } from './engine.ts'
import type { SearchQuery } from './query.ts'

export interface WorkerRequest {
  readonly id: number
  readonly query: SearchQuery
  readonly filters: RouteFilters
  readonly limit: number
  readonly offset: number
}

/** id 0 announces the index: ready, or the error that left the version without one. */
export type WorkerReply =
  | { readonly id: number; readonly ready: true; readonly stats: IndexStats }
  /** `ms`: the search's own time in the worker (the rest of its round trip is waiting and messaging). */
  | { readonly id: number; readonly page: SearchPage; readonly ms: number }
  | { readonly id: number; readonly error: string }

/** What a built index holds and costs (reported by the benchmark). */
export interface IndexStats {
  readonly articles: number
  readonly postings: number
  readonly tokens: number
  readonly build_seconds: number
  /** The worker's JavaScript heap and typed arrays once built, in MB. */
  readonly heap_mb: number
  readonly arrays_mb: number
}
