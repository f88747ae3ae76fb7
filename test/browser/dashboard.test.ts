/// <reference lib="dom" />
/**
 * Drives Debian Chromium over the built dashboard served by the real server on the fixture warehouse
 * (built by the warehouse code from its fixture records):
 * every view opens with data, filters change the URL and the data, charts are drawn, a CSV export
 * downloads, and any console error or failed request fails the test. Screenshots go to test/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '@thidua/server/main'
import { buildTestDb } from '@thidua/server/testing/warehouse-db'
import {
  expectChartDrawn as chartDrawn,
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
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-browser-'))
  const fx = await buildTestDb(dir)
  // The console's worker processes load DuckDB while the server starts; on a busy machine that can take
  // seconds, so this suite (which checks views, not limits) gives console queries a roomy deadline.
  server = await startServer({
    dbFile: fx.dbFile,
    port: 0,
    webDist,
    log: () => {},
    sql: { timeoutMs: 30_000 },
  })
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
  page = await context.newPage()
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

const expectChartDrawn = (id: string) => chartDrawn(page, id)
const open = (url: string) => openView(page, `${server.url}${url}`)
const shot = (name: string) => screenshot(page, name)

describe('dashboard', () => {
  it('overview: key figures, trend chart, choropleth with attribution; share toggle and 63-unit map', async () => {
    await open('/')
    await expect.poll(() => page.locator('.figures strong').count()).toBeGreaterThanOrEqual(4)
    await expectChartDrawn('trend-chart')
    await expectChartDrawn('coverage-map')
    expect(await page.locator('[data-testid="coverage-map"] .attribution').innerText()).toContain(
      'CC BY-SA 4.0'
    )
    await page.getByLabel('Tỷ lệ').check()
    await expect.poll(() => new URL(page.url()).searchParams.get('measure')).toBe('share')
    await page.selectOption('#system', '2008')
    await expect
      .poll(() => page.locator('[data-testid="coverage-map"] figcaption').innerText())
      .toContain('63')
    await expectChartDrawn('coverage-map')
    await shot('overview')
  })

  it('compare: timelines with merger marker, province chips and month filter', async () => {
    await open('/compare?system=2008&province=20,62')
    await expectChartDrawn('timeline-chart')
    const rows = page.locator('.table-wrap tbody tr')
    await expect.poll(() => rows.count()).toBeGreaterThan(2)
    const before = await rows.count()
    await page.getByLabel('Nghệ An').check()
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('20,62,40')
    await expect.poll(() => rows.count()).toBeGreaterThan(before)
    await page.fill('#from', '2025-01')
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2025-01')
    await expectChartDrawn('timeline-chart')
    await shot('compare')
  })

  it('campaigns: heatmap and adoption lag; clicking through lands on the articles', async () => {
    await open('/campaigns')
    await expectChartDrawn('coverage-heatmap')
    await expectChartDrawn('adoption-chart')
    await page.selectOption('#source_kind', 'portal')
    await expect.poll(() => new URL(page.url()).searchParams.get('source_kind')).toBe('portal')
    await expectChartDrawn('coverage-heatmap')
    await shot('campaigns')
    // exporting the heatmap's data downloads a CSV whose header is the API's columns
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="coverage-heatmap"] button', { hasText: 'CSV' }).click(),
    ])
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
    expect(csv.split('\r\n')[0]).toBe(
      'province_code,province_name,campaign_id,campaign_name,articles,first_mention,last_mention,share_of_output,province_articles'
    )
    expect(csv.split('\r\n').filter(Boolean).length).toBeGreaterThan(2)
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="adoption-chart"] button', { hasText: 'PNG' }).click(),
    ])
    expect(png.suggestedFilename()).toMatch(/\.png$/)
    // drill down: click a bar of the adoption chart
    const box = (await page.locator('[data-testid="adoption-chart"] canvas').first().boundingBox())!
    await page.mouse.click(box.x + 130, box.y + 30)
    await page.waitForURL(/\/articles\?/)
    expect(new URL(page.url()).searchParams.get('campaign')).toBeTruthy()
    await page.waitForSelector('.results li, .state.empty')
  })

  it('documents: filter central documents, select one, see citing provinces', async () => {
    await open('/documents')
    await page.selectOption('#level', 'central')
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('central')
    const row = page.locator('.table-wrap tbody tr', { hasText: '41-CT/TW' })
    await row.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('doc')).toMatch(/^d_/)
    await expectChartDrawn('citations-chart')
    expect(await page.locator('[data-testid="citations-chart"] figcaption').innerText()).toContain('41-CT/TW')
    await shot('documents')
  })

  it('articles: diacritics-insensitive search, pagination, article view with highlighted entities', async () => {
    await open('/articles')
    await page.fill('#q', 'xoa nha tam')
    await page.press('#q', 'Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('xoa nha tam')
    await page.waitForSelector('.results li mark')
    expect((await page.locator('.results li mark').first().innerText()).toLowerCase()).toMatch(/xóa|nhà|tạm/)
    await page.selectOption('#province', '20')
    await expect.poll(() => new URL(page.url()).searchParams.get('province')).toBe('20')
    await page.waitForSelector('.results li')
    await shot('articles')
    await page.locator('.results li a.title').first().click()
    await page.waitForSelector('.article .body mark.ent')
    expect(await page.locator('.article .body mark.ent-document').count()).toBeGreaterThan(0)
    expect(await page.locator('.article .body mark.ent-campaign').count()).toBeGreaterThan(0)
    expect(await page.locator('a', { hasText: 'Trang gốc' }).getAttribute('href')).toMatch(/^https:\/\//)
    await shot('article')
  })

  it('SQL console: cookbook example runs, results table, CSV export, refusal explained', async () => {
    await open('/sql')
    await page.locator('.examples button').first().click()
    await page.waitForSelector('.table-wrap tbody tr')
    expect(await page.locator('.table-wrap tbody tr').count()).toBeGreaterThan(0)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('query.csv')
    await shot('sql')
    // the refusal is an expected 403; it is removed from the problem list below
    await page.fill('#sql-editor', 'DROP TABLE articles')
    await page.getByRole('button', { name: 'Chạy' }).click()
    await expect.poll(() => page.locator('.state.error').innerText()).toContain('Chỉ cho phép câu lệnh đọc')
    problems = problems.filter((p) => !p.includes('403'))
  })

  it('pipeline: runs, source health with gaps flagged, ledger chart', async () => {
    await open('/pipeline?source=baotintuc')
    await expectChartDrawn('ledger-chart')
    expect(
      await page.locator('.table-wrap tbody tr', { hasText: 'baotintuc' }).locator('.warn').count()
    ).toBe(1)
    await page.selectOption('#kind', 'portal')
    // the source-health table (the data checks and alerts sit in sections of their own above it)
    const health = page.locator('main > section > .table-wrap').first()
    await expect.poll(() => health.locator('tbody tr').count()).toBe(3)
    await shot('pipeline')
  })

  it('English switch, keyboard navigation and a phone-sized viewport', async () => {
    await open('/')
    try {
      await page.getByRole('button', { name: 'EN' }).click()
      await expect.poll(() => page.locator('nav').innerText()).toContain('Compare provinces')
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
      await open('/') // the choice survives a reload
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
      for (let i = 0; i < 10; i++) {
        if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Compare provinces') break
        await page.keyboard.press('Tab')
      }
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/compare/)
      await page.setViewportSize({ width: 390, height: 844 })
      await open('/campaigns')
      await expectChartDrawn('coverage-heatmap')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(1)
      await shot('campaigns-phone')
    } finally {
      await page.evaluate(() => localStorage.removeItem('thidua.lang'))
      await page.setViewportSize({ width: 1366, height: 900 })
    }
  })

  it('deep links reproduce a view and unknown pages show a not-found view', async () => {
    await open('/articles?campaign=xoa_nha_tam&province=51&system=2025')
    expect(await page.locator('#campaign').inputValue()).toBe('xoa_nha_tam')
    expect(await page.locator('#province').inputValue()).toBe('51')
    await open('/khong-co-trang-nay')
    expect(await page.locator('main h1').innerText()).toBe('Không tìm thấy trang')
  })
})
