/** The filters most views share: provinces, campaigns, years and dates, and the whole filter model. */
import type { FilterModel } from '../app/filters.ts'
import { useT } from '../app/i18n.tsx'
import type { Loadable, Table } from '../app/api.ts'
import { useCampaigns, useProvinces, type System } from '../app/reference.ts'
import { type Picker, SourceKindSelect, SystemSelect } from './Choices.tsx'
import { Select, TextField } from './Field.tsx'

/** Years offered by the filters: the corpus reaches back to the 2008 unit system. */
const YEARS = [
  '',
  ...Array.from({ length: new Date().getFullYear() - 2007 }, (_, i) => String(new Date().getFullYear() - i)),
]

interface RangeProps<K extends string> {
  readonly from: string
  readonly to: string
  readonly onChange: (patch: Partial<Record<K, string>>) => void
}

/** The `from_year` / `to_year` pair of selects; `onChange` receives a URL query patch. */
export const YearRange = ({ from, to, onChange }: RangeProps<'from_year' | 'to_year'>) => {
  const t = useT()
  const options = YEARS.map((y) => ({ value: y, label: y || t('Tất cả', 'All') }))
  const from_year = {
    id: 'from_year',
    value: from,
    options,
    onChange: (v: string) => onChange({ from_year: v }),
  }
  const to_year = { id: 'to_year', value: to, options, onChange: (v: string) => onChange({ to_year: v }) }
  return (
    <>
      <Select {...from_year} label={t('Từ năm', 'From year')} />
      <Select {...to_year} label={t('Đến năm', 'To year')} />
    </>
  )
}

/** A `from` / `to` pair of month or date inputs; `onChange` receives a URL query patch. */
export const DateRange = ({
  from,
  to,
  onChange,
  type,
}: RangeProps<'from' | 'to'> & { type: 'month' | 'date' }) => {
  const t = useT()
  const [fromLabel, toLabel] =
    type === 'month'
      ? [t('Từ tháng', 'From month'), t('Đến tháng', 'To month')]
      : [t('Từ ngày', 'From'), t('Đến ngày', 'To')]
  return (
    <>
      <TextField
        id="from"
        type={type}
        label={fromLabel}
        value={from}
        onChange={(v) => onChange({ from: v })}
      />
      <TextField id="to" type={type} label={toLabel} value={to} onChange={(v) => onChange({ to: v })} />
    </>
  )
}

interface RefProps extends Picker {
  /** The label of an empty first choice; none when absent. */
  readonly all?: string
  /** Leave out entries without articles. */
  readonly onlyCovered?: boolean
}

/** The options of a select over a loaded reference list. */
const refOptions = <R extends { articles: number }>(
  v: Loadable<Table<R>>,
  p: RefProps,
  option: (r: R) => { value: string; label: string }
) => {
  const rows = v.state === 'ready' ? v.data.rows : []
  const options = rows.filter((r) => !p.onlyCovered || r.articles > 0).map(option)
  return p.all === undefined ? options : [{ value: '', label: p.all }, ...options]
}

/** A province select over the unit system's reference list. */
export const ProvinceSelect = (p: RefProps & { system: System }) => {
  const t = useT()
  const options = refOptions(useProvinces(p.system), p, (r) => ({ value: r.code, label: r.name_vi }))
  return (
    <Select
      id="province"
      label={t('Tỉnh', 'Province')}
      {...{ value: p.value, onChange: p.onChange, options }}
    />
  )
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** A campaign select; `maxLength` shortens long names. */
export const CampaignSelect = (p: RefProps & { maxLength?: number }) => {
  const t = useT()
  const n = p.maxLength ?? Number.POSITIVE_INFINITY
  const options = refOptions(useCampaigns(), p, (c) => ({ value: c.campaign_id, label: cut(c.name_vi, n) }))
  return (
    <Select
      id="campaign"
      label={t('Phong trào', 'Campaign')}
      {...{ value: p.value, onChange: p.onChange, options }}
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
