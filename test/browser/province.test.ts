/// <reference lib="dom" />
/**
 * The province page (issue #13): /province/20 renders in Vietnamese and English, labels merged
 * history, and its print version makes an A4 PDF whose text holds the title, the period, the source
 * line and every chart's title (read back with poppler's pdftotext); and lists the alerts about the
 * province (issue #16), not the national ones.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { parseRules } from '../../pipeline/src/alerts/config.ts'
import { evaluateAlerts } from '../../pipeline/src/alerts/evaluate.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../../pipeline/src/warehouse/open.ts'
import { publish } from '../../pipeline/src/warehouse/publish.ts'
import { useFixtureDashboard } from './fixture-dashboard.ts'
import { expectChartDrawn, openView, screenshot } from './helpers.ts'

const fx = useFixtureDashboard('province', { width: 1200, height: 900 })

const pdfText = async (p: Page): Promise<string> => {
  const file = path.join(fx.dir, `page-${Date.now()}.pdf`)
  writeFileSync(file, await p.pdf({ format: 'A4', printBackground: true }))
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}
const squash = (s: string) => s.replace(/\s+/g, ' ')

describe('province page', () => {
  it('renders Lạng Sơn in Vietnamese and English with its charts', async () => {
    await openView(fx.page, `${fx.server.url}/province/20?system=2008`)
    expect(await fx.page.locator('main h1').textContent()).toContain('Lạng Sơn — hồ sơ thi đua')
    await expectChartDrawn(fx.page, 'province-documents-chart')
    await expectChartDrawn(fx.page, 'province-lag-chart')
    expect(await fx.page.title()).toContain('Thi Đua Atlas')
    await fx.page.getByRole('button', { name: 'EN' }).click()
    await expect
      .poll(() => fx.page.locator('main h1').textContent())
      .toContain('Lạng Sơn — emulation profile')
    expect(await fx.page.locator('[data-testid="province-period"]').textContent()).toContain(
      '63-province system'
    )
    await fx.page.getByRole('button', { name: 'VI' }).click()
  })

  it('prints to an A4 PDF with the title, the period, the source line and every chart', async () => {
    await openView(fx.page, `${fx.server.url}/province/20?system=2008&from_year=2015&to_year=2026&print=1`)
    await expectChartDrawn(fx.page, 'province-documents-chart')
    await expectChartDrawn(fx.page, 'province-lag-chart')
    expect(await fx.page.locator('.topbar').isVisible()).toBe(false)
    await screenshot(fx.page, 'province-print')
    const text = squash(await pdfText(fx.page))
    expect(text).toContain('Lạng Sơn — hồ sơ thi đua')
    expect(text).toContain('Giai đoạn: 2015–2026')
    expect(text).toContain('Nguồn: Thi Đua Atlas')
    expect(text).toContain('Văn bản ban hành theo năm')
    expect(text).toContain('Độ trễ hưởng ứng phong trào so với trung vị cả nước')
  })

  it('a merged unit labels the history of the province it absorbed', async () => {
    const lineage = (await (await fetch(`${fx.server.url}/api/provinces/lineage`)).json()) as {
      rows: Array<{ old_code: string; new_code: string; old_name: string; new_name: string }>
    }
    const merged = lineage.rows.find((r) => r.old_name !== r.new_name)
    expect(merged).toBeDefined()
    await openView(fx.page, `${fx.server.url}/province/${merged?.new_code}?system=2025`)
    await expect.poll(() => fx.page.locator('main').textContent()).toContain(merged?.old_name ?? '?')
  })

  it('lists the alerts about the province (its failing portal), not the national ones', async () => {
    // Fire the rules on the working file and publish: the server follows the new version.
    const wh = await openWarehouseAsync(path.join(fx.dir, 'thidua.duckdb'))
    try {
      const rules = parseRules(
        '{"rules":[{"id":"new-central","kind":"new_central_document"},{"id":"failing","kind":"source_failing","min_failures":1}]}'
      )
      await evaluateAlerts(wh, rules, { now: new Date('2026-04-01') })
      await publish(wh)
    } finally {
      closeWarehouseSync(wh)
    }
    const count = async () =>
      ((await (await fetch(`${fx.server.url}/api/alerts`)).json()) as { rows: unknown[] }).rows.length
    await expect.poll(count, { timeout: 30_000 }).toBeGreaterThan(1)
    const section = fx.page.locator('[data-testid="province-alerts"]')
    await openView(fx.page, `${fx.server.url}/province/40?system=2008`)
    await expect.poll(() => section.textContent()).toContain('Cổng TTĐT tỉnh Nghệ An lỗi liên tiếp: HTTP 404')
    expect(await section.textContent()).not.toContain('Văn bản trung ương mới')
    await openView(fx.page, `${fx.server.url}/province/20?system=2008`)
    await expect.poll(() => section.textContent()).toContain('Chưa có cảnh báo nào.')
  })
})
