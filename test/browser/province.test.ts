/// <reference lib="dom" />
/**
 * The province page (issue #13): /province/20 renders in Vietnamese and English, labels merged
 * history, and its print version makes an A4 PDF whose text holds the title, the period, the source
 * line and every chart's title (read back with poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
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
})
