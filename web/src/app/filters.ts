/**
 * One filter model for a view (unit system, provinces, years, source kind, campaign), read from and
 * written to the URL. Every figure of a view asks the API with `filterParams(model)`, so a filter can
 * never change one chart and leave the others as they were.
 */
import { systemOf, type System } from './reference.ts'

export const SOURCE_KINDS = ['portal', 'newspaper', 'tv', 'other'] as const
type SourceKind = (typeof SOURCE_KINDS)[number]

export interface FilterModel {
  readonly system: System
  readonly provinces: ReadonlyArray<string>
  readonly fromYear: number | null
  readonly toYear: number | null
  readonly sourceKind: SourceKind | null
  readonly campaign: string | null
}

const year = (v: string | null): number | null => (v && /^\d{4}$/.test(v) ? Number(v) : null)

export const readFilters = (q: URLSearchParams): FilterModel => {
  const kind = q.get('source_kind')
  const campaign = q.get('campaign')
  return {
    system: systemOf(q.get('system')),
    provinces: (q.get('province') ?? '').split(',').filter((c) => /^\d{2}$/.test(c)),
    fromYear: year(q.get('from_year')),
    toYear: year(q.get('to_year')),
    sourceKind: (SOURCE_KINDS as ReadonlyArray<string>).includes(kind ?? '') ? (kind as SourceKind) : null,
    campaign: campaign && /^[a-z0-9_:-]+$/i.test(campaign) ? campaign : null,
  }
}

/** The API names of the model's fields (the server's filter parameters, server/src/http/filters.ts). */
const WIRE = {
  system: 'system',
  provinces: 'province',
  fromYear: 'from_year',
  toYear: 'to_year',
  sourceKind: 'source_kind',
  campaign: 'campaign',
} as const
type Wire = typeof WIRE

/** A model's API query: the asked fields under the server's names (checked by the typed client). */
export type FilterParams<K extends keyof FilterModel> = {
  readonly [F in K as Wire[F]]?: string | number | null
}

/** The API query of a model, as `useApi` takes it; `keep` names the fields an endpoint takes. */
export const filterParams = <K extends keyof FilterModel = keyof FilterModel>(
  m: FilterModel,
  keep?: ReadonlyArray<K>
): FilterParams<K> => {
  const value: Record<keyof FilterModel, string | number | null> = {
    system: m.system,
    provinces: m.provinces.join(','),
    fromYear: m.fromYear,
    toYear: m.toYear,
    sourceKind: m.sourceKind,
    campaign: m.campaign,
  }
  // the server's order whatever order `keep` names them in, so equal queries make equal URLs
  const fields = (Object.keys(WIRE) as K[]).filter((k) => keep === undefined || keep.includes(k))
  return Object.fromEntries(fields.map((k) => [WIRE[k], value[k]])) as FilterParams<K>
}

/** A short human description of the active filters, for titles, exports and the print header. */
export const describeFilters = (
  m: FilterModel,
  t: (vi: string, en: string) => string,
  names: { province?: (code: string) => string; campaign?: (id: string) => string } = {}
): string => {
  const parts = [m.system === '2008' ? t('63 tỉnh', '63 units') : t('34 tỉnh', '34 units')]
  if (m.provinces.length) parts.push(m.provinces.map((c) => names.province?.(c) ?? c).join(', '))
  if (m.fromYear !== null || m.toYear !== null) parts.push(`${m.fromYear ?? '…'}–${m.toYear ?? '…'}`)
  if (m.sourceKind) parts.push(t(`nguồn: ${m.sourceKind}`, `sources: ${m.sourceKind}`))
  if (m.campaign) parts.push(names.campaign?.(m.campaign) ?? m.campaign)
  return parts.join(' · ')
}
