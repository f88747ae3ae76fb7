/** /: the overview — key figures, the yearly trend and the coverage map, all under one filter model. */
import { MapChart } from 'echarts/charts'
import { VisualMapComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { readFilters } from '../app/filters.ts'
import { useT } from '../app/i18n.tsx'
import { useQuery } from '../app/router.ts'
import '../charts/cartesian.ts'
import { MeasureToggle, useMeasure } from '../components/Choices.tsx'
import { Filters } from '../components/Field.tsx'
import { ModelFilters } from '../components/StandardFilters.tsx'
import { CoverageMap } from './overview/CoverageMap.tsx'
import { KeyFigures } from './overview/KeyFigures.tsx'
import { TrendChart } from './overview/TrendChart.tsx'

use([MapChart, VisualMapComponent])

export default function Overview() {
  const t = useT()
  const [q, set] = useQuery()
  const model = readFilters(q)
  const measure = useMeasure()
  return (
    <section>
      <h1>{t('Tổng quan phong trào thi đua yêu nước', 'Patriotic emulation movements: overview')}</h1>
      <Filters>
        <ModelFilters model={model} onChange={set} />
        <MeasureToggle
          label={['Biểu đồ xu hướng', 'Trend chart']}
          raw={['Số bài', 'Counts']}
          share={['Tỷ lệ', 'Share']}
        />
      </Filters>
      <KeyFigures model={model} />
      <div className="grid-2">
        <TrendChart model={model} measure={measure} />
        <CoverageMap model={model} />
      </div>
    </section>
  )
}
