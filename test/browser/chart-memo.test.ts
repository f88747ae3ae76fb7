/// <reference lib="dom" />
/**
 * Chart memoisation holds (issue #15): a view's re-render that does not change a chart's data must not
 * re-apply its option, which would reset what the user did to it. On the overview, the user zooms the
 * map, then switches the trend chart to shares: the trend is redrawn once, the map keeps its zoom.
 * `data-applied` on a chart's canvas box counts the options applied to it.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useFixtureDashboard } from './fixture-dashboard.ts'
import { expectChartDrawn, openView } from './helpers.ts'

const fx = useFixtureDashboard('chart-memo')

const box = (id: string) => `[data-testid="${id}"] .chart-canvas`

const applied = async (p: Page, id: string) => Number(await p.locator(box(id)).getAttribute('data-applied'))

/** A digest of the pixels the chart's canvas shows now. */
const pixels = (p: Page, id: string) =>
  p.evaluate(
    (sel) => {
      const c = document.querySelector(sel) as HTMLCanvasElement
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
      let h = 2166136261
      for (let i = 0; i < data.length; i += 7) h = Math.imul(h ^ (data[i] ?? 0), 16777619)
      return h >>> 0
    },
    `${box(id)} canvas`
  )

/** The canvas once two reads a frame apart agree (ECharts paints a roam on the next frame). */
const settled = async (p: Page, id: string) => {
  let last = await pixels(p, id)
  await expect
    .poll(async () => {
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      const now = await pixels(p, id)
      const same = now === last
      last = now
      return same
    })
    .toBe(true)
  return last
}

describe('chart memoisation', () => {
  it('a re-render that keeps a chart’s data keeps its option and the user’s zoom', async () => {
    const p = fx.page
    await openView(p, `${fx.server.url}/?system=2008`)
    await expectChartDrawn(p, 'trend-chart')
    await expectChartDrawn(p, 'coverage-map')
    const mapApplied = await applied(p, 'coverage-map')
    const trendApplied = await applied(p, 'trend-chart')
    expect(mapApplied).toBeGreaterThanOrEqual(1)
    const before = await settled(p, 'coverage-map')

    const area = await p.locator(box('coverage-map')).boundingBox()
    if (!area) throw new Error('the coverage map has no box')
    await p.mouse.move(area.x + area.width / 2, area.y + area.height / 2)
    for (let i = 0; i < 3; i++) await p.mouse.wheel(0, -400)
    await expect.poll(() => pixels(p, 'coverage-map')).not.toBe(before)
    const zoomed = await settled(p, 'coverage-map')

    const trendSeries = await p.locator('[data-testid="trend-chart"]').getAttribute('data-series')
    await p.locator('input[name="measure"][value="share"]').check()
    await expect
      .poll(() => p.locator('[data-testid="trend-chart"]').getAttribute('data-series'))
      .not.toBe(trendSeries)
    await expect.poll(() => applied(p, 'trend-chart')).toBe(trendApplied + 1)

    expect(await applied(p, 'coverage-map')).toBe(mapApplied)
    expect(await settled(p, 'coverage-map')).toBe(zoomed)
  })
})
