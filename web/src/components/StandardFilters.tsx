import { useT } from '../app/i18n.tsx'
import type { System } from '../app/reference.ts'
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
