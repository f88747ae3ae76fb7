/** Table columns every list of events shares: the planned window, the day held and the delay. */
import { fmtWindow } from '../app/dates.ts'
import { type Lang, translator } from '../app/translate.ts'
import type { PlannedHeld } from '../charts/timeline.ts'
import type { Column } from './DataTable.tsx'

/** `blank` is what an empty date shows ('' in the dense compare table, '—' elsewhere). */
export const plannedHeldColumns = <R extends PlannedHeld>(lang: Lang, blank: string): Array<Column<R>> => {
  const t = translator(lang)
  return [
    {
      key: 'planned_start',
      label: t('Dự kiến', 'Planned'),
      render: (r) => (r.planned_start ? fmtWindow(lang, r.planned_start, r.planned_end) : blank),
    },
    {
      key: 'held_on',
      label: t('Tổ chức', 'Held'),
      render: (r) => (r.held_on ? fmtWindow(lang, r.held_on) : blank),
    },
    { key: 'delay_days', label: t('Trễ (ngày)', 'Delay (days)'), numeric: true },
  ]
}
