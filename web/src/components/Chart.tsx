/**
 * One ECharts chart with CSV and PNG export. Views register only the chart types they use
 * (echarts/core + per-chart imports), so each view's chunk carries just what it draws.
 */
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core'
import { useEffect, useMemo, useRef } from 'react'
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
  // The option waits for a laid-out container: on a zero-sized box ECharts' map projection has no
  // inverse (a null matrix) and throws "reading '0'" from inside its own update.
  const latest = useRef(option)
  latest.current = option
  const applied = useRef<EChartsCoreOption | null>(null)
  const apply = (c: ECharts, box: HTMLElement) => {
    if (box.clientWidth === 0 || box.clientHeight === 0 || applied.current === latest.current) return
    applied.current = latest.current
    c.setOption({ animation: false, ...latest.current }, { notMerge: true })
  }
  useEffect(() => {
    const box = el.current
    if (!box) return
    const c = init(box, undefined, { renderer: 'canvas' })
    chart.current = c
    const ro = new ResizeObserver(() => {
      if (box.clientWidth === 0 || box.clientHeight === 0) return
      if (applied.current === latest.current) c.resize()
      else apply(c, box)
    })
    ro.observe(box)
    apply(c, box)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
      applied.current = null
    }
  }, [])
  useEffect(() => {
    if (chart.current && el.current) apply(chart.current, el.current)
  }, [option])
  useEffect(() => {
    const c = chart.current
    if (!c || !onClick) return
    c.on('click', onClick as never)
    return () => {
      c.off('click')
    }
  }, [onClick])
  const fingerprint = useMemo(() => seriesFingerprint(option), [option])
  const png = () => {
    const c = chart.current
    if (!c) return
    const source = t(
      `Nguồn: Thi Đua Atlas, ${location.host}${location.pathname}${location.search} — ${new Date().toISOString().slice(0, 10)}`,
      `Source: Thi Đua Atlas, ${location.host}${location.pathname}${location.search} — ${new Date().toISOString().slice(0, 10)}`
    )
    void withTitleAndSource(
      c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
      title,
      source
    ).then((url) => {
      const a = document.createElement('a')
      a.href = url
      a.download = `${csv.name}.png`
      document.body.appendChild(a)
      a.click()
      a.remove()
    })
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

/**
 * A short digest of the data a chart draws (series names and values): tests and "did this filter
 * change the figure" checks read it from the DOM instead of the canvas.
 */
export const seriesFingerprint = (option: EChartsCoreOption): string => {
  const series = (option as { series?: Array<{ name?: unknown; data?: unknown }> }).series ?? []
  const text = JSON.stringify(series.map((x) => [x.name ?? null, x.data ?? null]))
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return `${series.length}:${(h >>> 0).toString(16)}`
}

/** The exported PNG carries its title above and its source line below, like a printed figure. */
const withTitleAndSource = (dataUrl: string, title: string, source: string): Promise<string> =>
  new Promise((resolve) => {
    const img = new Image()
    img.onload = () => {
      const pad = 24
      const canvas = document.createElement('canvas')
      canvas.width = img.width
      canvas.height = img.height + pad * 5
      const g = canvas.getContext('2d')
      if (!g) return resolve(dataUrl)
      g.fillStyle = '#fff'
      g.fillRect(0, 0, canvas.width, canvas.height)
      g.fillStyle = '#111827'
      g.font = `bold ${pad + 4}px system-ui, sans-serif`
      g.fillText(title, pad, pad * 2)
      g.drawImage(img, 0, pad * 3)
      g.fillStyle = '#4b5563'
      g.font = `${pad - 4}px system-ui, sans-serif`
      g.fillText(source, pad, canvas.height - pad)
      resolve(canvas.toDataURL('image/png'))
    }
    img.onerror = () => resolve(dataUrl)
    img.src = dataUrl
  })
