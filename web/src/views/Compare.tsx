/** /compare: the timelines of up to eight provinces side by side, planned against held. */
import { LineChart, ScatterChart } from 'echarts/charts'
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useT } from '../app/i18n.tsx'
import type { TimelineItem } from '../charts/timeline.ts'
import { Chart } from '../components/Chart.tsx'
import { SystemSelect } from '../components/Choices.tsx'
import { Filters } from '../components/Field.tsx'
import { DateRange } from '../components/StandardFilters.tsx'
import { Load } from '../components/State.tsx'
import { ProvinceChips } from './compare/ProvinceChips.tsx'
import { openArticle, TimelineTable } from './compare/TimelineTable.tsx'
import { useTimelines } from './compare/useTimelines.ts'

use([
  ScatterChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
])

const onPointClick = (p: { data?: unknown }) =>
  openArticle((p.data as { item?: TimelineItem } | undefined)?.item?.article_id)

export default function Compare() {
  const t = useT()
  const { system, from, to, selected, provinces, items, option, set } = useTimelines()
  return (
    <section>
      <h1>{t('So sánh tiến trình các tỉnh', 'Compare provinces’ timelines')}</h1>
      <Filters>
        <SystemSelect value={system} onChange={(v) => set({ system: v, province: null })} />
        <DateRange type="month" from={from} to={to} onChange={set} />
      </Filters>
      <ProvinceChips
        provinces={provinces.state === 'ready' ? provinces.data.rows : []}
        selected={selected}
        onChange={(next) => set({ province: next.join(',') || 'none' })}
      />
      {selected.length === 0 ? (
        <p className="state empty">
          {t('Chọn ít nhất một tỉnh để so sánh.', 'Choose at least one province to compare.')}
        </p>
      ) : (
        <Load value={items} empty={(d) => d.rows.length === 0}>
          {(d) => (
            <>
              {option ? (
                <Chart
                  testId="timeline-chart"
                  title={t(
                    'Kế hoạch, hội nghị, đại hội: dự kiến và thực tế',
                    'Plans, conferences, congresses: planned vs held'
                  )}
                  option={option}
                  height={Math.max(260, 90 * selected.length + 120)}
                  csv={{ name: 'timelines', columns: d.columns, rows: d.rows }}
                  onClick={onPointClick}
                />
              ) : null}
              <TimelineTable rows={d.rows} />
            </>
          )}
        </Load>
      )}
    </section>
  )
}
