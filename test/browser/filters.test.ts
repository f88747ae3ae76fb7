/// <reference lib="dom" />
/**
 * One filter model per view (issue #13): on the overview, each filter the view offers changes every
 * figure it should: the key figures, the trend chart's data and the map's data. Figures are read from
 * the DOM (the key figures' text, each chart's `data-series` digest of what it draws).
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useFixtureDashboard } from './fixture-dashboard.ts'
import { expectChartDrawn, openView } from './helpers.ts'

const fx = useFixtureDashboard('filters')

const api = async (url: string) => (await fetch(`${fx.server.url}${url}`)).json() as Promise<any>

/** What the overview shows: the key figures' text and the two charts' data digests. */
const overviewState = async (p: Page) => {
  await expectChartDrawn(p, 'trend-chart')
  await expectChartDrawn(p, 'coverage-map')
  return {
    figures: (await p.locator('[data-testid="key-figures"] strong').allTextContents()).join('|'),
    trend: await p.locator('[data-testid="trend-chart"]').getAttribute('data-series'),
    map: await p.locator('[data-testid="coverage-map"]').getAttribute('data-series'),
  }
}

describe('overview obeys one filter model', () => {
  it('years, source kind and campaign change the figures, the trend and the map; province the figures and trend', async () => {
    const years = (await api('/api/overview/trend?system=2008')).rows.map((r: any) => r.year)
    const lastYear = Math.max(...years)
    const campaign = (await api('/api/campaigns')).rows.find((r: any) => Number(r.articles) > 0).campaign_id
    await openView(fx.page, `${fx.server.url}/?system=2008`)
    const base = await overviewState(fx.page)
    // provenance and "how this number was made" sit beside the figures
    expect(await fx.page.locator('[data-testid="provenance"]').textContent()).toMatch(
      /thu thập trực tiếp.*dựng lại/
    )
    await fx.page.locator('[data-testid="how-made"] summary').click()
    expect(await fx.page.locator('[data-testid="how-made"] code').textContent()).toContain(
      '/api/overview/figures?system=2008'
    )
    const cases: Array<[string, string, Array<keyof typeof base>]> = [
      ['#from_year', String(lastYear), ['figures', 'trend', 'map']],
      ['#source_kind', 'newspaper', ['figures', 'trend', 'map']],
      ['#campaign', campaign, ['figures', 'trend', 'map']],
      ['#province', '20', ['figures', 'trend']],
      ['#to_year', String(lastYear - 1), ['figures', 'trend', 'map']],
      ['#system', '2025', ['figures', 'trend', 'map']],
    ]
    for (const [control, value, changes] of cases) {
      await openView(fx.page, `${fx.server.url}/?system=2008`)
      await fx.page.selectOption(control, value)
      const param = control.slice(1)
      await expect.poll(() => new URL(fx.page.url()).searchParams.get(param)).toBe(value)
      await expect
        .poll(
          async () => {
            const now = await overviewState(fx.page)
            return changes.filter((k) => now[k] === base[k])
          },
          { timeout: 15_000 }
        )
        .toEqual([])
    }
  })

  it('campaigns: the year and source-kind filters change the heatmap and the adoption-lag chart', async () => {
    const adoption = (await api('/api/campaigns/adoption?system=2008')).rows as Array<{
      campaign_id: string
      first_mention: string
    }>
    const pick = adoption[0]
    expect(pick).toBeDefined()
    const first = Number(pick?.first_mention.slice(0, 4))
    const state = async () => {
      await expectChartDrawn(fx.page, 'coverage-heatmap')
      const lag = fx.page.locator('[data-testid="adoption-chart"]')
      return {
        heat: await fx.page.locator('[data-testid="coverage-heatmap"]').getAttribute('data-series'),
        lag: (await lag.count()) ? await lag.getAttribute('data-series') : 'none',
      }
    }
    const url = `${fx.server.url}/campaigns?system=2008&campaign=${pick?.campaign_id}`
    await openView(fx.page, url)
    await expectChartDrawn(fx.page, 'adoption-chart')
    const base = await state()
    for (const [control, value] of [
      ['#to_year', String(first)],
      ['#from_year', String(first + 1)],
      ['#source_kind', 'newspaper'],
    ] as const) {
      await openView(fx.page, url)
      await fx.page.selectOption(control, value)
      await expect
        .poll(
          async () => {
            const now = await state()
            return [now.heat === base.heat, now.lag === base.lag]
          },
          { timeout: 15_000 }
        )
        .toEqual([false, false])
    }
  })

  it('pipeline: every data check is listed with its count, and its rows open on a click', async () => {
    const checks = (await api('/api/checks')).rows as Array<{
      check_id: string
      row_count: number
      name_vi: string
    }>
    await openView(fx.page, `${fx.server.url}/pipeline`)
    const table = fx.page.locator('[data-testid="data-checks"] tbody tr')
    await expect.poll(() => table.count()).toBe(checks.length)
    const text = (await fx.page.locator('[data-testid="data-checks"]').textContent()) ?? ''
    for (const c of checks) expect(text).toContain(c.name_vi)
    const withRows = checks.find((c) => c.row_count > 0)
    if (withRows) {
      await fx.page.locator('[data-testid="data-checks"] tbody tr', { hasText: withRows.name_vi }).click()
      await expect.poll(() => fx.page.locator('[data-testid="data-checks"] .table-wrap').count()).toBe(2)
    }
  })
})
