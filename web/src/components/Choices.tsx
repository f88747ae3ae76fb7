/**
 * Controls over fixed choices, each choice a `[value, Vietnamese, English]` triple so a list and its
 * translation sit together: the unit system, the source kind, and the raw/share measure.
 */
import { SOURCE_KINDS } from '../app/filters.ts'
import { useT } from '../app/i18n.tsx'
import type { System } from '../app/reference.ts'
import { useQuery } from '../app/router.ts'
import { Select, Toggle } from './Field.tsx'

export type Choice = readonly [value: string, vi: string, en: string]
export type Pair = readonly [vi: string, en: string]
export interface Picker {
  readonly value: string
  readonly onChange: (v: string) => void
}

/** A select over fixed choices; unless `all` is false, an "All" choice (the empty value) comes first. */
export const ChoiceSelect = (
  props: Picker & { id: string; label: Pair; choices: ReadonlyArray<Choice>; all?: boolean }
) => {
  const t = useT()
  const { id, label, choices, all = true } = props
  const options = choices.map(([value, vi, en]) => ({ value, label: t(vi, en) }))
  return (
    <Select
      {...{ id, value: props.value, onChange: props.onChange }}
      label={t(...label)}
      options={all ? [{ value: '', label: t('Tất cả', 'All') }, ...options] : options}
    />
  )
}

const SYSTEMS: ReadonlyArray<Choice> = [
  ['2025', '34 tỉnh', '34 units'],
  ['2008', '63 tỉnh', '63 units'],
]
/** The same two systems with their dates, where the switch is the page's main choice. */
export const SYSTEMS_DATED: ReadonlyArray<Choice> = [
  ['2025', '34 tỉnh (từ 1/7/2025)', '34 provinces (since 1 July 2025)'],
  ['2008', '63 tỉnh (trước 1/7/2025)', '63 provinces (before 1 July 2025)'],
]

/** The unit-system switch most views share (34 units since 1 Jul 2025, 63 before). */
export const SystemSelect = ({ value, onChange }: { value: System; onChange: (v: string) => void }) => (
  <ChoiceSelect
    id="system"
    label={['Hệ đơn vị', 'Unit system']}
    choices={SYSTEMS}
    all={false}
    {...{ value, onChange }}
  />
)

const KINDS: ReadonlyArray<Choice> = [
  ['portal', 'Cổng thông tin', 'Portals'],
  ['newspaper', 'Báo', 'Newspapers'],
  ['tv', 'Đài PT-TH', 'TV and radio'],
  ['other', 'Khác', 'Other'],
]

/** The source-kind select; views that only crawl portals and newspapers offer just those two. */
export const SourceKindSelect = ({
  value,
  onChange,
  kinds = SOURCE_KINDS,
  id = 'source_kind',
}: Picker & { kinds?: ReadonlyArray<string>; id?: string }) => (
  <ChoiceSelect
    {...{ id, value, onChange }}
    label={['Loại nguồn', 'Source kind']}
    choices={KINDS.filter(([k]) => kinds.includes(k))}
  />
)

/** Radio buttons over fixed choices (raw or share, one unit system or the other). */
export const ChoiceToggle = (
  props: Picker & { name: string; label: Pair; choices: ReadonlyArray<Choice> }
) => {
  const t = useT()
  return (
    <Toggle
      {...{ name: props.name, value: props.value, onChange: props.onChange }}
      label={t(...props.label)}
      options={props.choices.map(([value, vi, en]) => ({ value, label: t(vi, en) }))}
    />
  )
}

/** The raw/share switch of a view, kept in the URL's `measure` (absent = raw). */
export const useMeasure = (): 'raw' | 'share' => (useQuery()[0].get('measure') === 'share' ? 'share' : 'raw')

export const MeasureToggle = ({ label, raw, share }: { label: Pair; raw: Pair; share: Pair }) => {
  const [, set] = useQuery()
  const choices: ReadonlyArray<Choice> = [
    ['raw', ...raw],
    ['share', ...share],
  ]
  const onChange = (v: string) => set({ measure: v === 'raw' ? null : v })
  return <ChoiceToggle name="measure" value={useMeasure()} {...{ label, choices, onChange }} />
}
