/** The compare view's data: its filters from the URL, the timeline items, the milestones and the chart. */
import { useMemo } from 'react'
import { useApi } from '../../app/api.ts'
import { useLang } from '../../app/i18n.tsx'
import { systemOf, useNameMap, useProvinces } from '../../app/reference.ts'
import { useQuery } from '../../app/router.ts'
import { buildTimelineOption } from '../../charts/timeline.ts'

const DEFAULT = { '2025': '20,40,15,51', '2008': '20,40,10,62' }

export const useTimelines = () => {
  const { lang } = useLang()
  const [q, set] = useQuery()
  const system = systemOf(q.get('system'))
  // 'none' is an explicit empty choice (an absent parameter means the default provinces)
  const chosen = (q.get('province') ?? DEFAULT[system])
    .split(',')
    .filter((c) => /^\d{2}$/.test(c))
    .join(',')
  // memoised on the joined codes: a fresh array each render would rebuild the option and drop the zoom
  const selected = useMemo(() => (chosen ? chosen.split(',') : []), [chosen])
  // Two congress cycles (2020 and 2025) by default; the filter reaches back to 2008.
  const from = q.get('from') ?? '2019-01'
  const to = q.get('to') ?? ''
  const provinces = useProvinces(system)
  const nameOf = useNameMap(provinces, 'code', 'name_vi')
  const items = useApi('/api/timelines', chosen ? { query: { system, province: chosen, from, to } } : null)
  const milestones = useApi('/api/timelines/milestones', { query: { from, to } })
  const option = useMemo(
    () =>
      items.state === 'ready' && milestones.state === 'ready'
        ? buildTimelineOption({
            rows: items.data.rows,
            milestones: milestones.data.rows,
            provinces: selected,
            nameOf,
            lang,
          })
        : null,
    [items, milestones, selected, nameOf, lang]
  )
  return { system, from, to, selected, provinces, items, option, set }
}
