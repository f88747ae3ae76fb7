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
  const provinces = useProvinces(model.system)
  const campaigns = useCampaigns()
  const provinceOptions = [
    { value: '', label: t('Tất cả các tỉnh', 'All provinces') },
    ...(provinces.state === 'ready'
      ? provinces.data.rows.map((r) => ({ value: r.code, label: r.name_vi }))
      : []),
  ]
  const campaignOptions = [
    { value: '', label: t('Tất cả phong trào', 'All campaigns') },
    ...(campaigns.state === 'ready'
      ? campaigns.data.rows.map((r) => ({ value: r.campaign_id, label: r.name_vi }))
      : []),
  ]
  return (
    <>
      <SystemSelect value={model.system} onChange={(v) => onChange({ system: v, province: null })} />
      <Select
        id="province"
        label={t('Tỉnh', 'Province')}
        value={model.provinces.length === 1 ? (model.provinces[0] ?? '') : ''}
        onChange={(v) => onChange({ province: v || null })}
        options={provinceOptions}
      />
      <YearRange
        from={model.fromYear ? String(model.fromYear) : ''}
        to={model.toYear ? String(model.toYear) : ''}
        onChange={(p) => onChange(p as Record<string, string | null>)}
      />
      <Select
        id="source_kind"
        label={t('Loại nguồn', 'Source kind')}
        value={model.sourceKind ?? ''}
        onChange={(v) => onChange({ source_kind: v || null })}
        options={[
          { value: '', label: t('Tất cả', 'All') },
          ...SOURCE_KINDS.map((k) => ({ value: k, label: t(...(KIND_LABELS[k] ?? [k, k])) })),
        ]}
      />
      <Select
        id="campaign"
        label={t('Phong trào', 'Campaign')}
        value={model.campaign ?? ''}
        onChange={(v) => onChange({ campaign: v || null })}
        options={campaignOptions}
      />
    </>
  )
}
