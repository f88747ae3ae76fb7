import { SOURCE_KINDS, type FilterModel } from '../app/filters.ts'
import { useT } from '../app/i18n.tsx'
import { useCampaigns, useProvinces, type System } from '../app/reference.ts'
import { Select } from './Field.tsx'

/** The unit-system switch most views share (34 units since 1 Jul 2025, 63 before). */
export const SystemSelect = ({ value, onChange }: { value: System; onChange: (v: string) => void }) => {
  const t = useT()
  return (
    <Select
      id="system"
      label={t('Hệ đơn vị', 'Unit system')}
      value={value}
      onChange={onChange}
      options={[
        { value: '2025', label: t('34 tỉnh', '34 units') },
        { value: '2008', label: t('63 tỉnh', '63 units') },
      ]}
    />
  )
}

/** Years offered by the filters: the corpus reaches back to the 2008 unit system. */
const YEARS = [
  '',
  ...Array.from({ length: new Date().getFullYear() - 2007 }, (_, i) => String(new Date().getFullYear() - i)),
]

/** The `from_year` / `to_year` pair of selects; `onChange` receives a URL query patch. */
export const YearRange = ({
  from,
  to,
  onChange,
}: {
  from: string
  to: string
  onChange: (patch: { from_year?: string; to_year?: string }) => void
}) => {
  const t = useT()
  const options = YEARS.map((y) => ({ value: y, label: y || t('Tất cả', 'All') }))
  return (
    <>
      <Select
        id="from_year"
        label={t('Từ năm', 'From year')}
        value={from}
        onChange={(v) => onChange({ from_year: v })}
        options={options}
      />
      <Select
        id="to_year"
        label={t('Đến năm', 'To year')}
        value={to}
        onChange={(v) => onChange({ to_year: v })}
        options={options}
      />
    </>
  )
}

const KIND_LABELS: Record<string, [string, string]> = {
  portal: ['Cổng thông tin', 'Portals'],
  newspaper: ['Báo', 'Newspapers'],
  tv: ['Đài PT-TH', 'TV and radio'],
  other: ['Khác', 'Other'],
}

interface Picker {
  readonly value: string
  readonly onChange: (v: string) => void
}

/** The source-kind select; views that only crawl portals and newspapers offer just those two. */
export const SourceKindSelect = ({
  value,
  onChange,
  kinds = SOURCE_KINDS,
  id = 'source_kind',
}: Picker & { kinds?: ReadonlyArray<string>; id?: string }) => {
  const t = useT()
  return (
    <Select
      id={id}
      label={t('Loại nguồn', 'Source kind')}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: t('Tất cả', 'All') },
        ...kinds.map((k) => ({ value: k, label: t(...(KIND_LABELS[k] ?? [k, k])) })),
      ]}
    />
  )
}

/** A province select over the reference list; `onlyCovered` leaves out provinces without articles. */
export const ProvinceSelect = ({
  system,
  value,
  onChange,
  all,
  onlyCovered = false,
}: Picker & { system: System; all: string; onlyCovered?: boolean }) => {
  const t = useT()
  const provinces = useProvinces(system)
  const rows = provinces.state === 'ready' ? provinces.data.rows : []
  const options = rows
    .filter((p) => !onlyCovered || p.articles > 0)
    .map((p) => ({ value: p.code, label: p.name_vi }))
  return (
    <Select
      id="province"
      label={t('Tỉnh', 'Province')}
      value={value}
      onChange={onChange}
      options={[{ value: '', label: all }, ...options]}
    />
  )
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** A campaign select; `all` (when given) heads the list, `maxLength` shortens long names. */
export const CampaignSelect = ({
  value,
  onChange,
  all,
  onlyCovered = false,
  maxLength = Number.POSITIVE_INFINITY,
}: Picker & { all?: string; onlyCovered?: boolean; maxLength?: number }) => {
  const t = useT()
  const campaigns = useCampaigns()
  const rows = campaigns.state === 'ready' ? campaigns.data.rows : []
  const options = rows
    .filter((c) => !onlyCovered || c.articles > 0)
    .map((c) => ({ value: c.campaign_id, label: cut(c.name_vi, maxLength) }))
  return (
    <Select
      id="campaign"
      label={t('Phong trào', 'Campaign')}
      value={value}
      onChange={onChange}
      options={all === undefined ? options : [{ value: '', label: all }, ...options]}
    />
  )
}

/**
 * The filter model's controls (unit system, province, years, source kind, campaign), each writing to
 * the URL; views render the ones they offer and pass the same model to every figure they draw.
 */
export const ModelFilters = ({
  model,
  onChange,
}: {
  model: FilterModel
  onChange: (patch: Record<string, string | null>) => void
}) => {
  const t = useT()
  return (
    <>
      <SystemSelect value={model.system} onChange={(v) => onChange({ system: v, province: null })} />
      <ProvinceSelect
        system={model.system}
        all={t('Tất cả các tỉnh', 'All provinces')}
        value={model.provinces.length === 1 ? (model.provinces[0] ?? '') : ''}
        onChange={(v) => onChange({ province: v || null })}
      />
      <YearRange
        from={model.fromYear ? String(model.fromYear) : ''}
        to={model.toYear ? String(model.toYear) : ''}
        onChange={(p) => onChange(p as Record<string, string | null>)}
      />
      <SourceKindSelect
        value={model.sourceKind ?? ''}
        onChange={(v) => onChange({ source_kind: v || null })}
      />
      <CampaignSelect
        all={t('Tất cả phong trào', 'All campaigns')}
        value={model.campaign ?? ''}
        onChange={(v) => onChange({ campaign: v || null })}
      />
    </>
  )
}
