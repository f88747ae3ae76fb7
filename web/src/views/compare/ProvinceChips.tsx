/** Province chips of the compare view: up to eight provinces, the newest choice pushing out the oldest. */
import { useT } from '../../app/i18n.tsx'
import type { ProvinceRow } from '../../app/reference.ts'

const MAX_PROVINCES = 8

export const ProvinceChips = ({
  provinces,
  selected,
  onChange,
}: {
  provinces: ReadonlyArray<ProvinceRow>
  selected: ReadonlyArray<string>
  onChange: (next: ReadonlyArray<string>) => void
}) => {
  const t = useT()
  const toggle = (code: string) =>
    onChange(
      selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code].slice(-MAX_PROVINCES)
    )
  return (
    <fieldset className="chips">
      <legend>{t('Tỉnh (tối đa 8)', 'Provinces (max 8)')}</legend>
      {provinces
        .filter((p) => p.articles > 0 || selected.includes(p.code))
        .map((p) => (
          <label key={p.code} className={selected.includes(p.code) ? 'chip on' : 'chip'}>
            <input type="checkbox" checked={selected.includes(p.code)} onChange={() => toggle(p.code)} />
            {p.name_vi}
          </label>
        ))}
    </fieldset>
  )
}
