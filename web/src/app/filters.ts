/**
 * One filter model for a view (unit system, provinces, years, source kind, campaign), read from and
 * written to the URL. Every figure of a view asks the API with `filterQuery(model)`, so a filter can
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

/** The API query string of a model (the names the server's filters use), without a leading `?`. */
export const filterQuery = (m: FilterModel, keep: ReadonlyArray<keyof FilterModel> | null = null): string => {
  const on = (k: keyof FilterModel) => keep === null || keep.includes(k)
  const q = new URLSearchParams()
  if (on('system')) q.set('system', m.system)
  if (on('provinces') && m.provinces.length) q.set('province', m.provinces.join(','))
  if (on('fromYear') && m.fromYear !== null) q.set('from_year', String(m.fromYear))
  if (on('toYear') && m.toYear !== null) q.set('to_year', String(m.toYear))
  if (on('sourceKind') && m.sourceKind) q.set('source_kind', m.sourceKind)
  if (on('campaign') && m.campaign) q.set('campaign', m.campaign)
  return q.toString()
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
