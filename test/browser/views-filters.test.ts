/// <reference lib="dom" />
/**
 * One filter model per view (issue #13), for the views not covered by filters.test.ts: on Compare,
 * Documents, Articles, Pipeline and the province page, changing each filter changes every figure it
 * should. A figure is read from the DOM: a chart's `data-series` digest, a table's body text.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useFixtureDashboard } from './fixture-dashboard.ts'
import { openView } from './helpers.ts'

const fx = useFixtureDashboard('views')

/** Digests of the figures: each chart's data and each table's rows, in page order. */
const figures = (p: Page) =>
  p.evaluate(() => ({
    charts: Array.from(document.querySelectorAll('main figure.chart')).map(
      (f) => f.getAttribute('data-series') ?? ''
    ),
    tables: Array.from(document.querySelectorAll('main .table-wrap tbody')).map((t) => t.textContent ?? ''),
  }))
type Figures = Awaited<ReturnType<typeof figures>>
const settle = async (p: Page) => {
  await p.waitForLoadState('networkidle')
  await p.waitForFunction(() => !document.querySelector('main .state.loading'))
}

/** Opens `url`, applies `act`, and expects the chosen figures to differ from before. */
const expectChange = async (
  url: string,
  act: (p: Page) => Promise<unknown>,
  pick: (f: Figures) => string[]
) => {
  await openView(fx.page, `${fx.server.url}${url}`)
  await settle(fx.page)
  const before = pick(await figures(fx.page))
  expect(before.length, url).toBeGreaterThan(0)
  await act(fx.page)
  await expect
    .poll(
      async () => {
        await settle(fx.page)
        const now = pick(await figures(fx.page))
        return now.length === before.length ? now.filter((x, i) => x === before[i]).length : 0
      },
      { timeout: 15_000 }
    )
    .toBe(0)
}

describe('every filter changes every figure of its view', () => {
  it('compare: unit system, both months and provinces change the timeline chart and table', async () => {
    const both = (f: Figures) => [f.charts[0] ?? '', f.tables[0] ?? '']
    await expectChange(
      '/compare?system=2008&province=20,62&from=2019-01',
      (p) => p.selectOption('#system', '2025'),
      both
    )
    await expectChange(
      '/compare?system=2008&province=20,62&from=2019-01',
      (p) => p.fill('#from', '2025-08'),
      both
    )
    await expectChange(
      '/compare?system=2008&province=20,62&from=2019-01',
      (p) => p.fill('#to', '2024-12'),
      both
    )
    await expectChange(
      '/compare?system=2008&province=20,62&from=2019-01',
      (p) => p.locator('.chips label', { hasText: 'Lạng Sơn' }).click(),
      both
    )
  })

  it('documents: level, type and text change the document table', async () => {
    const table = (f: Figures) => [f.tables[0] ?? '']
    await expectChange('/documents', (p) => p.selectOption('#level', 'central'), table)
    await expectChange('/documents', (p) => p.selectOption('#type', 'plan'), table)
    await expectChange('/documents', (p) => p.fill('#q', '41-CT'), table)
  })

  it('articles: province, origin, dates and campaign change the list', async () => {
    // the list, or its empty state when a filter leaves nothing
    const list = async () => (await fx.page.locator('main').textContent()) ?? ''
    for (const act of [
      (p: Page): Promise<unknown> => p.selectOption('#province', '20'),
      (p: Page) => p.selectOption('#origin', 'captured'),
      (p: Page) => p.fill('#from', '2025-01-01'),
      (p: Page) => p.fill('#to', '2020-12-31'),
      (p: Page) => p.selectOption('#campaign', { index: 1 }),
    ]) {
      await openView(fx.page, `${fx.server.url}/articles?system=2008`)
      await settle(fx.page)
      const before = await list()
      await act(fx.page)
      await expect.poll(list, { timeout: 15_000 }).not.toBe(before)
    }
  })

  it('pipeline: the source kind changes the source table', async () => {
    await expectChange(
      '/pipeline',
      (p) => p.selectOption('#kind', 'portal'),
      (f) => [f.tables[1] ?? '']
    )
  })

  it('province page: the years change its documents chart and table; the unit system its header', async () => {
    await expectChange(
      '/province/20?system=2008',
      (p) => p.selectOption('#from_year', '2025'),
      (f) => [f.charts[0] ?? '', f.tables[1] ?? '']
    )
    await openView(fx.page, `${fx.server.url}/province/20?system=2008`)
    const period = fx.page.locator('[data-testid="province-period"]')
    const before = await period.textContent()
    await fx.page.selectOption('#system', '2025')
    await expect.poll(() => period.textContent()).not.toBe(before)
  })
})
