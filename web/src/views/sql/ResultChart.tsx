/** A bar or line chart of a console result, drawn with the dashboard's Chart component. */
import { AriaComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { useMemo } from 'react'
import { useT } from '../../app/i18n.tsx'
import '../../charts/cartesian.ts'
import { Chart } from '../../components/Chart.tsx'
import { chartData, MAX_POINTS, MAX_SERIES } from './chart-data.ts'
import type { SqlResult } from './types.ts'

use([AriaComponent])

export const ResultChart = ({ result, kind }: { result: SqlResult; kind: 'bar' | 'line' }) => {
  const t = useT()
  const data = useMemo(() => chartData(result), [result])
  const option = useMemo(
    () =>
      data && {
        // ECharts describes the chart (type, series, values) in the container's aria-label.
        aria: { enabled: true },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 56, right: 24, top: 40, bottom: data.labels.length > 30 ? 72 : 48, containLabel: true },
        xAxis: {
          type: 'category',
          data: data.labels,
          name: data.labelColumn ?? '#',
          axisLabel: { rotate: data.labels.length > 8 ? 40 : 0, hideOverlap: true },
        },
        yAxis: { type: 'value' },
        dataZoom: data.labels.length > 30 ? [{ type: 'slider', bottom: 8 }] : [],
        series: data.series.map((s) => ({
          name: s.name,
          type: kind,
          data: s.values,
          showSymbol: data.labels.length <= 60,
          connectNulls: false,
        })),
      },
    [data, kind]
  )
  if (!data || !option)
    return (
      <p className="state empty">
        {t('Kết quả không có cột số nào để vẽ biểu đồ.', 'The result has no numeric column to chart.')}
      </p>
    )
  const notes = [
    data.omittedRows > 0 ? t(`${MAX_POINTS} dòng đầu`, `first ${MAX_POINTS} rows`) : null,
    data.omittedSeries > 0 ? t(`${MAX_SERIES} cột số đầu`, `first ${MAX_SERIES} numeric columns`) : null,
  ].filter((n): n is string => n !== null)
  return (
    <Chart
      testId="sql-chart"
      title={`${t('Biểu đồ kết quả', 'Result chart')}${notes.length ? ` (${notes.join(', ')})` : ''}`}
      option={option}
      csv={{ name: 'query', columns: result.columns, rows: result.rows }}
    />
  )
}
