/**
 * One ECharts instance bound to a div. The option is applied only when its identity changes (views
 * memoise it), so a re-render that keeps the option keeps the user's zoom and legend choices.
 */
import { type ECharts, type EChartsCoreOption, init } from 'echarts/core'
import { useEffect, useRef } from 'react'

export type ChartClick = (params: {
  name?: string
  seriesName?: string
  data?: unknown
  value?: unknown
}) => void

export const useEChart = (option: EChartsCoreOption, onClick?: ChartClick) => {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<ECharts | null>(null)
  // The option waits for a laid-out container: on a zero-sized box ECharts' map projection has no
  // inverse (a null matrix) and throws "reading '0'" from inside its own update.
  const latest = useRef(option)
  latest.current = option
  const applied = useRef<EChartsCoreOption | null>(null)
  const apply = (c: ECharts, box: HTMLElement) => {
    if (box.clientWidth === 0 || box.clientHeight === 0 || applied.current === latest.current) return
    applied.current = latest.current
    c.setOption({ animation: false, ...latest.current }, { notMerge: true })
    // how many times an option was applied: the browser suite checks a re-render does not re-apply
    box.dataset.applied = String(Number(box.dataset.applied ?? 0) + 1)
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
  // the latest handler through a ref: an inline onClick does not re-bind ECharts' listener each render
  const click = useRef(onClick)
  click.current = onClick
  useEffect(() => {
    const c = chart.current
    if (!c) return
    c.on('click', (p) => click.current?.(p as never))
    return () => {
      c.off('click')
    }
  }, [])
  return { el, chart }
}
