/**
 * One ECharts chart with CSV and PNG export. Views register only the chart types they use
 * (echarts/core + per-chart imports), so each view's chunk carries just what it draws.
 */
import type { EChartsCoreOption } from 'echarts/core'
import { useMemo } from 'react'
import { downloadCsv } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { seriesFingerprint } from '../charts/fingerprint.ts'
import { exportPng } from './png.ts'
import { type ChartClick, useEChart } from './useEChart.ts'

export interface ChartProps {
  readonly title: string
  readonly option: EChartsCoreOption
  readonly csv: { name: string; columns: ReadonlyArray<string>; rows: ReadonlyArray<Record<string, unknown>> }
  readonly height?: number
  readonly onClick?: ChartClick
  readonly footer?: React.ReactNode
  readonly testId?: string
}

export const Chart = ({ title, option, csv, height = 360, onClick, footer, testId }: ChartProps) => {
  const t = useT()
  const { el, chart } = useEChart(option, onClick)
  const fingerprint = useMemo(() => seriesFingerprint(option), [option])
  const png = () => {
    if (chart.current) exportPng(chart.current, title, csv.name, t)
  }
  return (
    <figure className="chart" data-testid={testId} data-series={fingerprint}>
      <figcaption>
        <span>{title}</span>
        <span className="exports">
          <button type="button" onClick={() => downloadCsv(csv.name, csv.columns, csv.rows)}>
            CSV
          </button>
          <button type="button" onClick={png}>
            PNG
          </button>
        </span>
      </figcaption>
      <div ref={el} className="chart-canvas" style={{ height }} role="img" aria-label={title} />
      {footer ? <div className="chart-footer">{footer}</div> : null}
    </figure>
  )
}
