/**
 * One ECharts chart with CSV and PNG export. Views register only the chart types they use
 * (echarts/core + per-chart imports), so each view's chunk carries just what it draws.
 */
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core'
import { useEffect, useRef } from 'react'
import { downloadCsv } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'

export interface ChartProps {
  readonly title: string
  readonly option: EChartsCoreOption
  readonly csv: { name: string; columns: ReadonlyArray<string>; rows: ReadonlyArray<Record<string, unknown>> }
  readonly height?: number
  readonly onClick?: (params: { name?: string; seriesName?: string; data?: unknown; value?: unknown }) => void
  readonly footer?: React.ReactNode
  readonly testId?: string
}

export const Chart = ({ title, option, csv, height = 360, onClick, footer, testId }: ChartProps) => {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  const t = useT()
  useEffect(() => {
    if (!el.current) return
    const c = init(el.current, undefined, { renderer: 'canvas' })
    chart.current = c
    const ro = new ResizeObserver(() => c.resize())
    ro.observe(el.current)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true })
  }, [option])
  useEffect(() => {
    const c = chart.current
    if (!c || !onClick) return
    c.on('click', onClick as never)
    return () => {
      c.off('click')
    }
  }, [onClick])
  const png = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })
    if (!url) return
    const a = document.createElement('a')
    a.href = url
    a.download = `${csv.name}.png`
    document.body.appendChild(a)
    a.click()
    a.remove()
  }
  return (
    <figure className="chart" data-testid={testId}>
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
