/**
 * Fetching from the API with loading/error state, and client-side CSV export. `ApiContract` is the typed
 * contract: each route's answer type is declared once beside the server route (server/src/routes/
 * *-types.ts) and its query type inferred from the parameters the route validates (imported here as
 * types only); `useApi(path, args)` answers that type and accepts only that query.
 */
import { useEffect, useState } from 'react'
import type { ParamSpec } from '../../../server/src/http/params.ts'
import type { QueryInput } from '../../../server/src/http/query-schema.ts'
import type { TableAnswer } from '../../../server/src/http/respond.ts'
import type { spec as alerts } from '../../../server/src/routes/alerts.ts'
import type { spec as articles } from '../../../server/src/routes/articles.ts'
import type { ArticleDetail, ArticleRow } from '../../../server/src/routes/articles-types.ts'
import type { adoptionParams } from '../../../server/src/routes/campaigns.ts'
import type { rowsSpec as checkRows } from '../../../server/src/routes/checks.ts'
import type { spec as coverage } from '../../../server/src/routes/coverage.ts'
import type {
  AdoptionRow,
  CoverageProvinceRow,
  CoverageRow,
  MonthlyTrendRow,
} from '../../../server/src/routes/coverage-types.ts'
import type { bySystem, spec as documents } from '../../../server/src/routes/documents.ts'
import type {
  CentralCitationRow,
  DocRow,
  DocumentCitations,
  Implementation,
} from '../../../server/src/routes/documents-types.ts'
import type { GeoCollection } from '../../../server/src/routes/geo-types.ts'
import type { spec as overview } from '../../../server/src/routes/overview.ts'
import type { OverviewFigures, YearRow } from '../../../server/src/routes/overview-types.ts'
import type { ledgerSpec, runsSpec, sourcesSpec } from '../../../server/src/routes/pipeline.ts'
import type {
  AlertRow,
  CheckRow,
  Health,
  LedgerRow,
  RunDetail,
  RunRow,
  SourceRow,
} from '../../../server/src/routes/pipeline-types.ts'
import type { spec as profile } from '../../../server/src/routes/province-profile.ts'
import type { ProvinceProfile } from '../../../server/src/routes/province-profile-types.ts'
import type { spec as provinces } from '../../../server/src/routes/provinces.ts'
import type { CampaignRow, LineageRow, ProvinceListRow } from '../../../server/src/routes/reference-types.ts'
import type { Schema } from '../../../server/src/routes/sql-schema-types.ts'
import type { range, spec as timelines } from '../../../server/src/routes/timelines.ts'
import type { Milestone, TimelineItem } from '../../../server/src/routes/timelines-types.ts'
import type { spec as trends } from '../../../server/src/routes/trends.ts'
import type { coverageFilters } from '../../../server/src/http/filters.ts'
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

/** A route without parameters of its own. */
type NoParams = Record<never, never>

/**
 * One route of the contract: its answer, and the parameters it validates (`typeof` the server's own
 * declaration), whose query type `QueryInput` derives.
 */
interface Route<Answer, Params extends ParamSpec> {
  readonly answer: Answer
  readonly query: QueryInput<Params>
}

/**
 * Each route the web reads (path templates as on the server): the answer type declared beside the route
 * (routes/*-types.ts) and the parameters the route validates, so the web can neither misread an answer
 * nor send a parameter the server does not accept.
 */
export interface ApiContract {
  '/api/alerts': Route<Table<AlertRow>, typeof alerts>
  '/api/articles': Route<Table<ArticleRow>, typeof articles>
  '/api/articles/:id': Route<ArticleDetail, NoParams>
  '/api/campaigns': Route<Table<CampaignRow>, NoParams>
  '/api/campaigns/adoption': Route<Table<AdoptionRow>, typeof adoptionParams>
  '/api/checks': Route<Table<CheckRow>, NoParams>
  // each check's rows are its own view's columns
  '/api/checks/rows': Route<Table, typeof checkRows>
  '/api/coverage': Route<Table<CoverageRow>, typeof coverage>
  '/api/coverage/provinces': Route<Table<CoverageProvinceRow>, typeof coverageFilters>
  '/api/documents': Route<Table<DocRow>, typeof documents>
  '/api/documents/citations': Route<Table<CentralCitationRow>, typeof bySystem>
  '/api/documents/:id': Route<DocumentCitations, typeof bySystem>
  '/api/documents/:id/implementation': Route<Implementation, typeof bySystem>
  '/api/geo/:system': Route<GeoCollection, NoParams>
  '/api/health': Route<Health, NoParams>
  '/api/overview/figures': Route<OverviewFigures, typeof overview>
  '/api/overview/trend': Route<Table<YearRow>, typeof overview>
  '/api/provinces': Route<Table<ProvinceListRow>, typeof provinces>
  '/api/provinces/lineage': Route<Table<LineageRow>, NoParams>
  '/api/provinces/:code/profile': Route<ProvinceProfile, typeof profile>
  '/api/runs': Route<Table<RunRow>, typeof runsSpec>
  '/api/runs/:id': Route<RunDetail, NoParams>
  '/api/sources': Route<Table<SourceRow>, typeof sourcesSpec>
  '/api/sources/ledger': Route<Table<LedgerRow>, typeof ledgerSpec>
  '/api/sql/schema': Route<Schema, NoParams>
  '/api/timelines': Route<Table<TimelineItem>, typeof timelines>
  '/api/timelines/milestones': Route<Table<Milestone>, typeof range>
  '/api/trends': Route<Table<MonthlyTrendRow>, typeof trends>
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
