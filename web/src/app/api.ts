/**
 * Fetching from the API with loading/error state, and client-side CSV export. `ApiContract` is the typed
 * contract: each route's answer type is declared once beside the server route (server/src/routes/
 * *-types.ts) and its query type inferred from the parameters the route validates (imported here as
 * types only); `useApi(path, args)` answers that type and accepts only that query.
 */
import { useEffect, useState } from 'react'
import type { AlertsQuery } from '../../../server/src/routes/alerts.ts'
import type { ArticleQuery, ArticlesQuery } from '../../../server/src/routes/articles.ts'
import type { ArticleDetail, ArticleRow } from '../../../server/src/routes/articles-types.ts'
import type { AdoptionQuery, CampaignsQuery } from '../../../server/src/routes/campaigns.ts'
import type { CheckRowsQuery, ChecksQuery } from '../../../server/src/routes/checks.ts'
import type { CoverageProvincesQuery, CoverageQuery } from '../../../server/src/routes/coverage.ts'
import type {
  AdoptionRow,
  CoverageProvinceRow,
  CoverageRow,
  MonthlyTrendRow,
} from '../../../server/src/routes/coverage-types.ts'
import type { ImplementationQuery } from '../../../server/src/routes/document-detail.ts'
import type { DocumentQuery, DocumentsQuery } from '../../../server/src/routes/documents.ts'
import type {
  CentralCitationRow,
  DocRow,
  DocumentCitations,
  Implementation,
} from '../../../server/src/routes/documents-types.ts'
import type { GeoCollection } from '../../../server/src/routes/geo-types.ts'
import type { OverviewQuery } from '../../../server/src/routes/overview.ts'
import type { OverviewFigures, YearRow } from '../../../server/src/routes/overview-types.ts'
import type { LedgerQuery, RunsQuery, SourcesQuery } from '../../../server/src/routes/pipeline.ts'
import type {
  AlertRow,
  CheckRow,
  Health,
  LedgerRow,
  RunDetail,
  RunRow,
  SourceRow,
} from '../../../server/src/routes/pipeline-types.ts'
import type { ProfileQuery } from '../../../server/src/routes/province-profile.ts'
import type { ProvinceProfile } from '../../../server/src/routes/province-profile-types.ts'
import type { LineageQuery, ProvincesQuery } from '../../../server/src/routes/provinces.ts'
import type { CampaignRow, LineageRow, ProvinceListRow } from '../../../server/src/routes/reference-types.ts'
import type { Schema } from '../../../server/src/routes/sql-schema-types.ts'
import type { MilestonesQuery, TimelinesQuery } from '../../../server/src/routes/timelines.ts'
import type { Milestone, TimelineItem } from '../../../server/src/routes/timelines-types.ts'
import type { TrendsQuery } from '../../../server/src/routes/trends.ts'
import type { NoQuery } from '../../../server/src/http/query-schema.ts'
import type { TableAnswer } from '../../../server/src/http/respond.ts'
import { createQueryCache } from './query-cache.ts'
import { href } from './router.ts'

/** A table route's JSON answer, as the server's `sendTable` declares it. */
export type Table<R = Record<string, unknown>> = TableAnswer<R>

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

/** One route of the contract: its answer and the query it accepts, both as the server declares them. */
interface Route<Answer, Query> {
  readonly answer: Answer
  readonly query: Query
}

/**
 * Each route the web reads (path templates as on the server): the answer type declared beside the route
 * (routes/*-types.ts) and the query type the route infers from the parameters it validates, so the web
 * can neither misread an answer nor send a parameter the server does not accept.
 */
export interface ApiContract {
  '/api/alerts': Route<Table<AlertRow>, AlertsQuery>
  '/api/articles': Route<Table<ArticleRow>, ArticlesQuery>
  '/api/articles/:id': Route<ArticleDetail, ArticleQuery>
  '/api/campaigns': Route<Table<CampaignRow>, CampaignsQuery>
  '/api/campaigns/adoption': Route<Table<AdoptionRow>, AdoptionQuery>
  '/api/checks': Route<Table<CheckRow>, ChecksQuery>
  // each check's rows are its own view's columns
  '/api/checks/rows': Route<Table, CheckRowsQuery>
  '/api/coverage': Route<Table<CoverageRow>, CoverageQuery>
  '/api/coverage/provinces': Route<Table<CoverageProvinceRow>, CoverageProvincesQuery>
  '/api/documents': Route<Table<DocRow>, DocumentsQuery>
  '/api/documents/citations': Route<Table<CentralCitationRow>, DocumentQuery>
  '/api/documents/:id': Route<DocumentCitations, DocumentQuery>
  '/api/documents/:id/implementation': Route<Implementation, ImplementationQuery>
  '/api/geo/:system': Route<GeoCollection, NoQuery>
  '/api/health': Route<Health, NoQuery>
  '/api/overview/figures': Route<OverviewFigures, OverviewQuery>
  '/api/overview/trend': Route<Table<YearRow>, OverviewQuery>
  '/api/provinces': Route<Table<ProvinceListRow>, ProvincesQuery>
  '/api/provinces/lineage': Route<Table<LineageRow>, LineageQuery>
  '/api/provinces/:code/profile': Route<ProvinceProfile, ProfileQuery>
  '/api/runs': Route<Table<RunRow>, RunsQuery>
  '/api/runs/:id': Route<RunDetail, NoQuery>
  '/api/sources': Route<Table<SourceRow>, SourcesQuery>
  '/api/sources/ledger': Route<Table<LedgerRow>, LedgerQuery>
  '/api/sql/schema': Route<Schema, NoQuery>
  '/api/timelines': Route<Table<TimelineItem>, TimelinesQuery>
  '/api/timelines/milestones': Route<Table<Milestone>, MilestonesQuery>
  '/api/trends': Route<Table<MonthlyTrendRow>, TrendsQuery>
}
export type ApiPath = keyof ApiContract
/** The answer type of each route. */
export type ApiRoutes = { [P in ApiPath]: ApiContract[P]['answer'] }
/** The query a route accepts. */
export type ApiQuery<P extends ApiPath> = ApiContract[P]['query']

/** The `:name` parameters of a path template. */
type PathParams<P extends string> = P extends `${string}:${infer N}/${infer R}`
  ? N | PathParams<R>
  : P extends `${string}:${infer N}`
    ? N
    : never

/**
 * What fills a template: its path parameters (required exactly when it has some) and the query, whose
 * names must all be the route's (`Q` is the query as written; a name the route does not declare is
 * `never`, so even a query built elsewhere cannot carry one). Empty values are left out (see `href`).
 */
export type RouteArgs<P extends ApiPath, Q extends ApiQuery<P> = ApiQuery<P>> = ([PathParams<P>] extends [
  never,
]
  ? { readonly params?: undefined }
  : { readonly params: Readonly<Record<PathParams<P>, string>> }) & {
  readonly query?: Q & { readonly [K in Exclude<keyof Q, keyof ApiQuery<P>>]: never }
}

/** The URL of a route: each `:name` replaced by its encoded parameter, then the query. */
export const routeUrl = <P extends ApiPath, Q extends ApiQuery<P>>(
  path: P,
  args: RouteArgs<P, Q>
): string => {
  const params: Readonly<Record<string, string>> = args.params ?? {}
  const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
  return href(filled, (args.query ?? {}) as Readonly<Record<string, string | number | null | undefined>>)
}

/** A route's answer, typed by the contract (`null` args: nothing to fetch yet). */
export const useApi = <P extends ApiPath, Q extends ApiQuery<P>>(
  path: P,
  args: RouteArgs<P, Q> | null
): Loadable<ApiRoutes[P]> => useUrl(args === null ? null : routeUrl(path, args))

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
