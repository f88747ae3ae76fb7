/**
 * Fetching from the API with loading/error state, and client-side CSV export. `ApiRoutes` is the typed
 * contract: each route's answer type is declared once beside the server route (server/src/routes/
 * *-types.ts, imported here as types only) and `useApi(path, args)` answers that type.
 */
import { useEffect, useState } from 'react'
import type { ArticleDetail, ArticleRow } from '../../../server/src/routes/articles-types.ts'
import type { DocRow, DocumentCitations, Implementation } from '../../../server/src/routes/documents-types.ts'
import type { OverviewFigures } from '../../../server/src/routes/overview-types.ts'
import type { ProvinceProfile } from '../../../server/src/routes/province-profile-types.ts'
import type { CampaignRow, ProvinceListRow } from '../../../server/src/routes/reference-types.ts'
import type { Schema } from '../../../server/src/routes/sql-schema-types.ts'
import type { Milestone, TimelineItem } from '../../../server/src/routes/timelines-types.ts'
import { createQueryCache } from './query-cache.ts'
import { href } from './router.ts'

export interface Table<R = Record<string, unknown>> {
  readonly columns: string[]
  readonly rows: R[]
  readonly total?: number
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly vi: string,
    readonly en: string
  ) {
    super(en)
  }
}

export const fetchJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init)
  const body = (await res.json().catch(() => null)) as {
    error?: { message_vi: string; message_en: string }
  } | null
  if (!res.ok)
    throw new ApiFailure(
      res.status,
      body?.error?.message_vi ?? `Lỗi ${res.status}`,
      body?.error?.message_en ?? `Error ${res.status}`
    )
  return body as T
}

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; error: ApiFailure | Error }
  | { state: 'ready'; data: T }

/** GET answers shared by the views for half a minute (see query-cache.ts). */
const queries = createQueryCache({
  fetch: (url) => fetchJson(url),
  now: () => Date.now(),
  ttlMs: 30_000,
  max: 100,
})

/** The answer type of each route the web reads through the typed client (path templates as on the server). */
export interface ApiRoutes {
  '/api/articles': Table<ArticleRow>
  '/api/articles/:id': ArticleDetail
  '/api/campaigns': Table<CampaignRow>
  '/api/documents': Table<DocRow>
  '/api/documents/:id': DocumentCitations
  '/api/documents/:id/implementation': Implementation
  '/api/overview/figures': OverviewFigures
  '/api/provinces': Table<ProvinceListRow>
  '/api/provinces/:code/profile': ProvinceProfile
  '/api/sql/schema': Schema
  '/api/timelines': Table<TimelineItem>
  '/api/timelines/milestones': Table<Milestone>
}
export type ApiPath = keyof ApiRoutes

/** The `:name` parameters of a path template. */
type PathParams<P extends string> = P extends `${string}:${infer N}/${infer R}`
  ? N | PathParams<R>
  : P extends `${string}:${infer N}`
    ? N
    : never

/**
 * What fills a template: its path parameters (required exactly when it has some) and the query, as
 * values (empty ones left out, see `href`) or a ready query string (appended as it is).
 */
export type RouteArgs<P extends ApiPath> = ([PathParams<P>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: Readonly<Record<PathParams<P>, string>> }) & {
  readonly query?: Readonly<Record<string, string | number | null | undefined>> | string
}

/** The URL of a route: each `:name` replaced by its encoded parameter, then the query. */
export const routeUrl = <P extends ApiPath>(path: P, args: RouteArgs<P>): string => {
  const params: Readonly<Record<string, string>> = args.params ?? {}
  const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
  return typeof args.query === 'string' ? `${filled}?${args.query}` : href(filled, args.query ?? {})
}

/** A typed route's answer (`null` args: nothing to fetch yet). */
export function useApi<P extends ApiPath>(path: P, args: RouteArgs<P> | null): Loadable<ApiRoutes[P]>
/** Any other GET URL, its answer type given by the caller (routes not yet in `ApiRoutes`). */
export function useApi<T>(url: string | null): Loadable<T>
export function useApi(target: string | null, args?: RouteArgs<ApiPath> | null): Loadable<unknown> {
  const url = args === undefined ? target : args === null ? null : routeUrl(target as ApiPath, args)
  return useUrl(url)
}

const useUrl = <T>(url: string | null): Loadable<T> => {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' })
  useEffect(() => {
    if (url === null) return
    let live = true
    setValue({ state: 'loading' })
    queries
      .get<T>(url)
      .then((data) => live && setValue({ state: 'ready', data }))
      .catch((error: Error) => live && setValue({ state: 'error', error }))
    return () => {
      live = false
    }
  }, [url])
  return value
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const toCsv = (columns: ReadonlyArray<string>, rows: ReadonlyArray<Record<string, unknown>>): string =>
  `\uFEFF${[columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\r\n')}\r\n`

const downloadBlob = (name: string, blob: Blob): void => {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export const downloadCsv = (
  name: string,
  columns: ReadonlyArray<string>,
  rows: ReadonlyArray<Record<string, unknown>>
): void => downloadBlob(`${name}.csv`, new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }))
