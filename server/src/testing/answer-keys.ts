/**
 * The keys of each typed answer (routes/*-types.ts) for the wire-contract tests (routes/contract.test.ts,
 * dashboard-routes.test.ts). Each list is checked against its type by `satisfies KeySpec<T>`: a missing,
 * extra or mis-marked key is a type error, so the lists cannot drift from the types they stand for.
 */
import { expect } from 'vitest'
import type { ArticleDetail, ArticleRecord, ArticleRow } from '../routes/articles-types.ts'
import type { EntitySpan } from '../routes/entity-spans.ts'
import type {
  ChainRow,
  CitationRow,
  DocRow,
  DocumentCitations,
  DocumentInfo,
  Implementation,
  ImplementationRow,
  ImplementationSummary,
} from '../routes/documents-types.ts'
import type { OverviewFigures } from '../routes/overview-types.ts'
import type { CampaignRow, ProvinceListRow } from '../routes/reference-types.ts'
import type { Milestone, TimelineItem } from '../routes/timelines-types.ts'
import type {
  PlannedHeld,
  ProfileCampaign,
  ProfileDocument,
  ProfileEvent,
  ProfileProvince,
  ProfileSource,
  ProvinceProfile,
} from '../routes/province-profile-types.ts'

/** Every named key of T (not its index signature), marked as the type declares it. */
export type KeySpec<T> = {
  readonly [K in keyof T as string extends K ? never : K]-?: Partial<Pick<T, K>> extends Pick<T, K>
    ? 'optional'
    : 'required'
}

export const ARTICLE = {
  article_id: 'required',
  title: 'required',
  published_at: 'required',
  source_id: 'required',
  url: 'required',
  province_code_2008: 'required',
  province_code_2025: 'required',
  snippet: 'required',
  score: 'required',
  origin: 'required',
  is_copy: 'required',
  mention_start: 'optional',
  mention_end: 'optional',
} as const satisfies KeySpec<ArticleRow>

export const ARTICLE_DETAIL = {
  article: 'required',
  entities: 'required',
  mentions: 'required',
} as const satisfies KeySpec<ArticleDetail>
export const ARTICLE_RECORD = {
  article_id: 'required',
  source_id: 'required',
  source_name: 'required',
  url: 'required',
  title: 'required',
  published_at: 'required',
  published_date: 'required',
  province_code_2008: 'required',
  province_name_2008: 'required',
  province_code_2025: 'required',
  province_name_2025: 'required',
  body_text: 'required',
  origin: 'required',
  cluster_id: 'required',
  cluster_size: 'required',
} as const satisfies KeySpec<ArticleRecord>
export const ENTITY = {
  kind: 'required',
  start: 'required',
  end: 'required',
  surface: 'required',
  span_source: 'required',
  label: 'required',
  ref: 'required',
  sentence_start: 'required',
  sentence_end: 'required',
  status: 'optional',
} as const satisfies KeySpec<EntitySpan>

export const DOCUMENT = {
  document_id: 'required',
  type: 'required',
  number: 'required',
  symbol: 'required',
  display_symbol: 'required',
  label: 'required',
  issued_on: 'required',
  issuer: 'required',
  is_central: 'required',
  province_code_2008: 'required',
  province_code_2025: 'required',
  mention_count: 'required',
  article_count: 'required',
  first_cited: 'required',
  last_cited: 'required',
  province_name: 'required',
} as const satisfies KeySpec<DocumentInfo>
export const DOC_ROW = { ...DOCUMENT, citing_provinces: 'required' } as const satisfies KeySpec<DocRow>
export const CITATION = {
  province_code: 'required',
  province_name: 'required',
  citing_articles: 'required',
  first_cited: 'required',
  last_cited: 'required',
} as const satisfies KeySpec<CitationRow>
export const CITATIONS = {
  document: 'required',
  citations: 'required',
} as const satisfies KeySpec<DocumentCitations>

export const IMPLEMENTATION = {
  document: 'required',
  system: 'required',
  tracked: 'required',
  summary: 'required',
  provinces: 'required',
  implementing: 'required',
  not_yet: 'required',
  above: 'required',
  below: 'required',
  attachment: 'required',
} as const satisfies KeySpec<Implementation>
export const IMPLEMENTATION_ROW = {
  province_code: 'required',
  province_name: 'required',
  implementing_document_id: 'required',
  implementing_label: 'required',
  issued_on: 'required',
  lag_days: 'required',
  date_basis: 'required',
  via_predecessor: 'required',
  predecessor_code: 'required',
  predecessor_name: 'required',
  article_id: 'required',
  article_url: 'required',
  article_title: 'required',
  days_waiting: 'required',
  attachment_url: 'required',
} as const satisfies KeySpec<ImplementationRow>
export const CHAIN = {
  direction: 'required',
  relation: 'required',
  document_id: 'required',
  label: 'required',
  issued_on: 'required',
  campaign_id: 'required',
  campaign_name: 'required',
  event_id: 'required',
  event_label: 'required',
  article_id: 'required',
  articles: 'required',
  evidence: 'required',
  is_central: 'required',
  province_code_2025: 'required',
} as const satisfies KeySpec<ChainRow>
export const SUMMARY = {
  provinces_total: 'required',
  provinces_answered: 'required',
  median_lag_days: 'required',
  min_lag_days: 'required',
  max_lag_days: 'required',
} as const satisfies KeySpec<ImplementationSummary>

export const PROFILE = {
  province: 'required',
  period: 'required',
  version: 'required',
  documents: 'required',
  events: 'required',
  campaigns: 'required',
  sources: 'required',
} as const satisfies KeySpec<ProvinceProfile>
export const PROFILE_PROVINCE = {
  code: 'required',
  name_vi: 'required',
  system: 'required',
  merged_from: 'required',
  merged_into: 'required',
  articles: 'required',
} as const satisfies KeySpec<ProfileProvince>
export const PROFILE_DOCUMENT = {
  document_id: 'required',
  type: 'required',
  display_symbol: 'required',
  label: 'required',
  issued_on: 'required',
  issuer: 'required',
  article_count: 'required',
  old_code: 'required',
  old_name: 'required',
} as const satisfies KeySpec<ProfileDocument>
const PLANNED_HELD = {
  status: 'required',
  planned_start: 'required',
  planned_end: 'required',
  held_on: 'required',
  delay_days: 'required',
  article_id: 'required',
} as const satisfies KeySpec<PlannedHeld>
export const PROFILE_EVENT = {
  event_id: 'required',
  item_date: 'required',
  ...PLANNED_HELD,
  label: 'required',
  item_kind: 'required',
  organization: 'required',
  old_code: 'required',
  old_name: 'required',
} as const satisfies KeySpec<ProfileEvent>
export const PROFILE_CAMPAIGN = {
  campaign_id: 'required',
  campaign_name: 'required',
  first_mention: 'required',
  articles: 'required',
  lag_days: 'required',
  national_median_lag_days: 'required',
  provinces_reached: 'required',
} as const satisfies KeySpec<ProfileCampaign>
export const PROFILE_SOURCE = {
  source_id: 'required',
  name: 'required',
  base_url: 'required',
  last_published: 'required',
  kind: 'required',
  last_success: 'required',
  articles: 'required',
  failed: 'required',
  last_error: 'required',
} as const satisfies KeySpec<ProfileSource>

export const FIGURES = {
  articles: 'required',
  all_articles: 'required',
  provinces_with_data: 'required',
  provinces_total: 'required',
  campaigns: 'required',
  central_documents: 'required',
  first_article: 'required',
  latest_article: 'required',
  captured: 'required',
  rebuilt: 'required',
  attachments: 'required',
  extractor_version: 'required',
} as const satisfies KeySpec<OverviewFigures>

export const PROVINCE_ROW = {
  code: 'required',
  name_vi: 'required',
  system: 'required',
  articles: 'required',
  sources: 'required',
} as const satisfies KeySpec<ProvinceListRow>
export const CAMPAIGN_ROW = {
  campaign_id: 'required',
  name_vi: 'required',
  launched_on: 'required',
  articles: 'required',
  provinces_2025: 'required',
} as const satisfies KeySpec<CampaignRow>

export const TIMELINE_ITEM = {
  ...PLANNED_HELD,
  province_code: 'required',
  province_name: 'required',
  item_date: 'required',
  item_kind: 'required',
  organization: 'required',
  origin_code_2008: 'required',
  origin_name: 'required',
  from_merged_province: 'required',
  label: 'required',
  event_id: 'required',
  document_id: 'required',
  reports: 'required',
  has_conflict: 'required',
} as const satisfies KeySpec<TimelineItem>
export const MILESTONE = {
  id: 'required',
  date: 'required',
  event_vi: 'required',
  document: 'required',
} as const satisfies KeySpec<Milestone>

export type Spec = Readonly<Record<string, 'required' | 'optional'>>

/** One name of a key list: `name`, or `name?` where the type marks it optional. */
type Entry<W extends string> = W extends `${infer N}?`
  ? { readonly [K in N]: 'optional' }
  : { readonly [K in W]: 'required' }
/** A key list written as data: names separated by single spaces. */
type Parsed<S extends string> = S extends `${infer H} ${infer R}` ? Entry<H> & Parsed<R> : Entry<S>
type Flat<T> = { [K in keyof T]: T[K] }
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/**
 * The key spec of T written as one string of names (data rather than a line per key), checked against
 * T when compiled: a missing, extra or mis-marked name makes the call a type error, as `satisfies
 * KeySpec<T>` does for the object lists above.
 */
export const keysOf =
  <T>() =>
  <const S extends string>(
    names: S & (Same<Flat<Parsed<S>>, KeySpec<T>> extends true ? unknown : never)
  ): Spec =>
    Object.fromEntries(
      names.split(' ').map((w) => (w.endsWith('?') ? [w.slice(0, -1), 'optional'] : [w, 'required']))
    )
/** One part of an answer: a label, the objects found there, and the keys they must have. */
export type Part = readonly [string, ReadonlyArray<object>, Spec]

/** Each part must be non-empty (an empty list proves nothing) and each object exactly its spec. */
export const expectParts = (parts: ReadonlyArray<Part>) => {
  for (const [label, objects, spec] of parts) {
    expect(objects.length, `${label}: no objects to check`).toBeGreaterThan(0)
    const required = Object.keys(spec).filter((k) => spec[k] === 'required')
    for (const o of objects) {
      const keys = Object.keys(o)
      expect(
        keys.filter((k) => !(k in spec)),
        `${label}: undeclared keys`
      ).toEqual([])
      expect(
        required.filter((k) => !keys.includes(k)),
        `${label}: missing keys`
      ).toEqual([])
    }
  }
}

/** A province profile and every list in it (the fixture's province must have each kind of row). */
export const expectProfileKeys = (p: ProvinceProfile) =>
  expectParts([
    ['profile', [p], PROFILE],
    ['profile province', [p.province], PROFILE_PROVINCE],
    ['profile documents', p.documents, PROFILE_DOCUMENT],
    ['profile events', p.events, PROFILE_EVENT],
    ['profile campaigns', p.campaigns, PROFILE_CAMPAIGN],
    ['profile sources', p.sources, PROFILE_SOURCE],
  ])
