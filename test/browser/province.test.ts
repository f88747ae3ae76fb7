/// <reference lib="dom" />
/**
 * The province page (issue #13): /province/20 renders in Vietnamese and English, labels merged
 * history, and its print version makes an A4 PDF whose text holds the title, the period, the source
 * line and every chart's title (read back with poppler's pdftotext).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '@thidua/server/main'
import { buildTestDb } from '@thidua/server/testing/warehouse-db'
import {
  expectChartDrawn,
  launchChromium,
  openView,
  prepareDashboard,
  reportProblems,
  screenshot,
  webDist,
} from './helpers.ts'

let dir: string
let server: RunningServer
let browser: Browser
let page: Page
let problems: string[] = []

beforeAll(async () => {
  prepareDashboard()
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-province-'))
  const fx = await buildTestDb(dir)
  server = await startServer({ dbFile: fx.dbFile, port: 0, webDist, log: () => {} })
  browser = await launchChromium()
  page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage()
  reportProblems(page, (p) => problems.push(p))
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})
afterEach(() => {
  const found = problems
  problems = []
  expect(found).toEqual([])
})

const pdfText = async (p: Page): Promise<string> => {
  const file = path.join(dir, `page-${Date.now()}.pdf`)
  writeFileSync(file, await p.pdf({ format: 'A4', printBackground: true }))
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}
const squash = (s: string) => s.replace(/\s+/g, ' ')

describe('province page', () => {
  it('renders Lạng Sơn in Vietnamese and English with its charts', async () => {
    await openView(page, `${server.url}/province/20?system=2008`)
    expect(await page.locator('main h1').textContent()).toContain('Lạng Sơn — hồ sơ thi đua')
    await expectChartDrawn(page, 'province-documents-chart')
    await expectChartDrawn(page, 'province-lag-chart')
    expect(await page.title()).toContain('Thi Đua Atlas')
    await page.getByRole('button', { name: 'EN' }).click()
    await expect.poll(() => page.locator('main h1').textContent()).toContain('Lạng Sơn — emulation profile')
    expect(await page.locator('[data-testid="province-period"]').textContent()).toContain(
      '63-province system'
    )
    await page.getByRole('button', { name: 'VI' }).click()
  })

  it('prints to an A4 PDF with the title, the period, the source line and every chart', async () => {
    await openView(page, `${server.url}/province/20?system=2008&from_year=2015&to_year=2026&print=1`)
    await expectChartDrawn(page, 'province-documents-chart')
    await expectChartDrawn(page, 'province-lag-chart')
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    await screenshot(page, 'province-print')
    const text = squash(await pdfText(page))
    expect(text).toContain('Lạng Sơn — hồ sơ thi đua')
    expect(text).toContain('Giai đoạn: 2015–2026')
    expect(text).toContain('Nguồn: Thi Đua Atlas')
    expect(text).toContain('Văn bản ban hành theo năm')
    expect(text).toContain('Độ trễ hưởng ứng phong trào so với trung vị cả nước')
  })

  it('a merged unit labels the history of the province it absorbed', async () => {
    const lineage = (await (await fetch(`${server.url}/api/provinces/lineage`)).json()) as {
      rows: Array<{ old_code: string; new_code: string; old_name: string; new_name: string }>
    }
    const merged = lineage.rows.find((r) => r.old_name !== r.new_name)
    expect(merged).toBeDefined()
    await openView(page, `${server.url}/province/${merged?.new_code}?system=2025`)
    await expect.poll(() => page.locator('main').textContent()).toContain(merged?.old_name ?? '?')
  })
})
