/**
 * Every aggregate-backed query beside its direct twin under many filter combinations, built as the
 * routes build them. Tests run both on one published version and require equal answers (columns,
 * types, rows in order): `aggregates.test.ts` on the fixture warehouse, and
 * test/integration/aggregates.test.ts on the embedded database.
 */
import type { Lease } from '../db/published-db.ts'
import * as A from './aggregates.ts'
import { ADOPTION_SQL, CAMPAIGNS_SQL } from './campaigns.ts'
import { COVERAGE_BY_PROVINCE_SQL, COVERAGE_SQL } from './coverage.ts'
import { type DocumentFilter, documentDirectQuery, documentListQuery } from './document-list.ts'
import { CENTRAL_CITATIONS_SQL, DOCUMENT_CITATIONS_SQL } from './documents.ts'
import { OVERVIEW_FIGURES_SQL, OVERVIEW_TREND_SQL, OVERVIEW_UNITS } from './overview.ts'
import { PROVINCE_CAMPAIGNS_SQL, PROVINCE_SQL } from './province-profile.ts'
import { PROVINCES_SQL } from './provinces.ts'
import { inList, type Params, where } from './sql-fragments.ts'
import { TRENDS_SQL } from './trends.ts'

export interface Twin {
  readonly name: string
  readonly direct: string
  readonly aggregate: string
  readonly params: Params
}

/** What the filters range over, read from the data so every branch meets real rows. */
interface Domain {
  readonly campaigns: string[]
  readonly provinces: Record<'2008' | '2025', string[]>
  readonly years: [number, number]
  readonly documents: string[]
}

const readDomain = async (lease: Lease): Promise<Domain> => {
  const col = async (sql: string) => (await lease.query(sql)).rows.map((r) => String(Object.values(r)[0]))
  const campaigns = await col(
    'SELECT campaign_id FROM campaign_mentions WHERE NOT is_candidate GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2'
  )
  const prov = (s: string) =>
    col(
      `SELECT province_code FROM v_article_units WHERE system = '${s}' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3`
    )
  const [y] = (
    await lease.query('SELECT min(year(published_date)) AS a, max(year(published_date)) AS b FROM articles')
  ).rows
  const documents = await col(
    'SELECT document_id FROM documents ORDER BY is_central DESC, article_count DESC, document_id LIMIT 4'
  )
  const years: [number, number] = [Number(y?.a ?? 2020), Number(y?.b ?? 2025)]
  return {
    campaigns,
    provinces: { '2008': await prov('2008'), '2025': await prov('2025') },
    years,
    documents,
  }
}

type System = '2008' | '2025'
interface Filter {
  readonly system: System
  readonly from_year: number | null
  readonly to_year: number | null
  readonly source_kind: string | null
  readonly campaign: string | null
  readonly provinces: string[]
}

const filtersOf = (d: Domain): Filter[] => {
  const mid = Math.floor((d.years[0] + d.years[1]) / 2)
  const out: Filter[] = []
  for (const system of ['2008', '2025'] as const)
    for (const [from_year, to_year] of [
      [null, null],
      [d.years[0], mid],
      [mid + 1, null],
    ] as const)
      for (const source_kind of [null, 'portal', 'newspaper'])
        for (const campaign of [null, ...d.campaigns])
          for (const provinces of [[], d.provinces[system].slice(0, 2)])
            out.push({ system, from_year, to_year, source_kind, campaign, provinces })
  return out
}

const unitParams = (f: Filter): Params => ({
  system: f.system,
  from_year: f.from_year,
  to_year: f.to_year,
  source_kind: f.source_kind,
  campaign: f.campaign,
})

const filteredTwins = (f: Filter, k: string): Twin[] => {
  const tag = `${k} ${JSON.stringify(f)}`
  const cov = (campaignCol: string) => {
    const params = unitParams(f)
    const conds = [inList('a.province_code', f.provinces, params, 'p')]
    if (f.campaign) conds.push(`${campaignCol} = $campaign`)
    return { params, where: where(conds) }
  }
  const d = cov('cm.campaign_id')
  const g = cov('a.campaign_id')
  const ov = unitParams(f)
  const prov = inList('u.province_code', f.provinces, ov, 'p')
  const ad = unitParams(f)
  const adFilter = inList('v.province_code', f.provinces, ad, 'p')
  return [
    {
      name: `coverage ${tag}`,
      direct: COVERAGE_SQL(d.where),
      aggregate: A.COVERAGE_AGG_SQL(g.where),
      params: d.params,
    },
    {
      name: `coverage map ${tag}`,
      direct: COVERAGE_BY_PROVINCE_SQL,
      aggregate: A.COVERAGE_BY_PROVINCE_AGG_SQL,
      params: unitParams(f),
    },
    {
      name: `overview figures ${tag}`,
      direct: OVERVIEW_FIGURES_SQL(prov),
      aggregate: A.OVERVIEW_FIGURES_AGG_SQL(prov, f.campaign !== null, OVERVIEW_UNITS(prov)),
      params: ov,
    },
    {
      name: `overview trend ${tag}`,
      direct: OVERVIEW_TREND_SQL(prov),
      aggregate: A.OVERVIEW_TREND_AGG_SQL(prov, f.campaign !== null),
      params: ov,
    },
    {
      name: `adoption ${tag}`,
      direct: ADOPTION_SQL(adFilter),
      aggregate: ADOPTION_SQL(adFilter, A.ADOPTION_FIRST_AGG),
      params: ad,
    },
  ]
}

/** The documents list (migration 0650) beside the direct query, under each filter and a few pages. */
const documentTwins = (d: Domain, system: System): Twin[] => {
  const all: DocumentFilter = {
    system,
    q: null,
    type: null,
    level: null,
    year: null,
    province: [],
    limit: 500,
    offset: 0,
  }
  const filters: Array<[string, Partial<DocumentFilter>]> = [
    ['all', {}],
    ['page 3', { limit: 7, offset: 14 }],
    ['past the end', { offset: 1_000_000 }],
    ['central', { level: 'central' }],
    ['provincial page 2', { level: 'provincial', limit: 5, offset: 5 }],
    ['plans', { type: 'plan' }],
    ['year', { year: d.years[1] }],
    ['text', { q: 'kh' }],
    ['text with diacritics', { q: 'Chỉ thị' }],
    ...d.provinces[system].map((code): [string, Partial<DocumentFilter>] => [
      `cited in ${code}`,
      { province: [code] },
    ]),
    ['cited in two, central', { province: d.provinces[system].slice(0, 2), level: 'central' }],
  ]
  return filters.map(([name, f]) => {
    const direct = documentDirectQuery({ ...all, ...f })
    const listed = documentListQuery({ ...all, ...f })
    return {
      name: `documents ${system} ${name}`,
      direct: direct.sql,
      aggregate: listed.sql,
      params: { ...direct.params, ...listed.params },
    }
  })
}

const perSystemTwins = (d: Domain, system: System): Twin[] => {
  const out: Twin[] = [
    {
      name: `provinces ${system}`,
      direct: PROVINCES_SQL,
      aggregate: A.PROVINCES_AGG_SQL,
      params: { system },
    },
    {
      name: `central citations ${system}`,
      direct: CENTRAL_CITATIONS_SQL(),
      aggregate: CENTRAL_CITATIONS_SQL(`(${A.CITATIONS_AGG})`),
      params: { system },
    },
  ]
  out.push(...documentTwins(d, system))
  for (const code of d.provinces[system]) {
    for (const [from_year, to_year] of [
      [null, null],
      [d.years[0], d.years[0] + 2],
    ])
      out.push({
        name: `province ${system} ${code} ${from_year}-${to_year}`,
        direct: PROVINCE_SQL(),
        aggregate: PROVINCE_SQL(A.PROVINCE_ARTICLES_AGG),
        params: { system, code, from_year: from_year ?? null, to_year: to_year ?? null },
      })
    out.push({
      name: `province campaigns ${system} ${code}`,
      direct: PROVINCE_CAMPAIGNS_SQL(),
      aggregate: PROVINCE_CAMPAIGNS_SQL(A.ADOPTION_LAGS_AGG),
      params: { system, code },
    })
  }
  for (const id of d.documents)
    out.push({
      name: `document ${id} ${system}`,
      direct: DOCUMENT_CITATIONS_SQL(),
      aggregate: DOCUMENT_CITATIONS_SQL(`(${A.CITATIONS_AGG})`),
      params: { id, system },
    })
  for (const [from, to] of [
    [null, null],
    [`${d.years[0] + 1}-01-01`, `${d.years[1]}-06-01`],
  ])
    out.push({
      name: `trends ${system} ${from}..${to}`,
      direct: TRENDS_SQL('TRUE'),
      aggregate: A.TRENDS_AGG_SQL('TRUE'),
      params: { system, from: from ?? null, to: to ?? null },
    })
  return out
}

/** Runs one side of a twin with the parameters its SQL names (DuckDB refuses unused ones). */
export const runTwin = (lease: Lease, sql: string, params: Params) =>
  lease.query(
    sql,
    Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)))
  )

/** `stride` > 1 keeps every stride-th filter combination (a fast test; the strides walk all dimensions). */
export const aggregateTwins = async (lease: Lease, stride = 1): Promise<Twin[]> => {
  const d = await readDomain(lease)
  return [
    { name: 'campaigns', direct: CAMPAIGNS_SQL, aggregate: A.CAMPAIGNS_AGG_SQL, params: {} },
    ...perSystemTwins(d, '2008'),
    ...perSystemTwins(d, '2025'),
    ...filtersOf(d)
      .filter((_, i) => i % stride === 0)
      .flatMap((f, i) => filteredTwins(f, String(i))),
  ]
}
