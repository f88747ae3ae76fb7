/// <reference lib="dom" />
/**
 * The dashboard on the REAL embedded database: `thidua run` over the offline snapshot (through the
 * simulator) into a temporary directory, served by `startServer`, driven by Debian Chromium. Checks what
 * a leader sees first (the overview's charts), that the five captured seed articles are listed, that the
 * Lạng Sơn plan 138/KH-UBND is in the documents view, and that a number drills down to the articles and
 * the highlighted sentence behind it. Any console error or failed request fails the test; screenshots
 * (laptop and phone) go to test/screenshots/real-*.png.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { startServer, type RunningServer } from '@thidua/server/main'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  expectChartDrawn as chartDrawn,
  launchChromium,
  openView,
  prepareDashboard,
  reportProblems,
  repo,
  screenshot,
  webDist,
} from './helpers.ts'

const exec = promisify(execFile)

/** Titles of the captured (verbatim seed) article pages, from the snapshot's truth file. */
const seedTitles = (): string[] =>
  readFileSync(path.join(repo, 'data', 'snapshot', 'truth.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { origin: string; title: string })
    .filter((r) => r.origin === 'captured')
    .map((r) => r.title)

let dir = ''
let server: RunningServer
let browser: Browser
let page: Page
let problems: string[] = []

const LAPTOP = { width: 1366, height: 800 }
const PHONE = { width: 390, height: 844 }

beforeAll(async () => {
  prepareDashboard()
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-browser-real-'))
  const dbFile = path.join(dir, 'embedded.duckdb')
  await exec('pnpm', ['--silent', 'thidua', 'run', '--db', dbFile], {
    cwd: repo,
    maxBuffer: 64 * 1024 * 1024,
  })
  server = await startServer({ dbFile, port: 0, webDist, log: () => {} })
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN' })
  page = await context.newPage()
  reportProblems(page, (p) => problems.push(p))
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

afterEach(async () => {
  await page.setViewportSize(LAPTOP)
  const found = problems
  problems = []
  expect(found).toEqual([])
})

const expectChartDrawn = (id: string) => chartDrawn(page, id)
const open = (url: string) => openView(page, `${server.url}${url}`)
const shot = (name: string) => screenshot(page, `real-${name}`)

/** Nothing sticks out sideways (a phone must not scroll horizontally). */
const horizontalOverflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('dashboard on the embedded database', () => {
  it('overview draws the trend chart and the coverage map with real figures', async () => {
    await open('/')
    await expectChartDrawn('trend-chart')
    await expectChartDrawn('coverage-map')
    const figures = await page.locator('.figures strong').allTextContents()
    expect(figures.length).toBeGreaterThanOrEqual(4)
    expect(Number(figures[0]?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(150)
    await shot('overview')
    await page.setViewportSize(PHONE)
    await open('/')
    await expectChartDrawn('trend-chart')
    expect(await horizontalOverflow()).toBeLessThanOrEqual(1)
    await shot('overview-phone')
  })

  it('articles list the five captured seed articles', async () => {
    const titles = seedTitles()
    expect(titles).toHaveLength(5)
    await open('/articles?origin=captured')
    await expect.poll(() => page.locator('.results li a.title').count()).toBe(5)
    const listed = await page.locator('.results li a.title').allInnerTexts()
    expect([...listed].sort()).toEqual([...titles].sort())
    expect(await page.locator('#origin').inputValue()).toBe('captured')
    await shot('articles-seeds')
  })

  it('search "thi dua" finds "thi đua" with highlighted words', async () => {
    await open('/articles')
    await page.fill('#q', 'thi dua')
    await page.press('#q', 'Enter')
    await page.waitForSelector('.results li mark')
    const marks = await page.locator('.results li mark').allInnerTexts()
    expect(marks.map((m) => m.toLowerCase())).toContain('đua')
  })

  it('documents list 138/KH-UBND; its count drills down to the sentence in the article', async () => {
    await open('/documents?q=138/KH-UBND')
    const row = page.locator('.table-wrap tbody tr', { hasText: '138/KH-UBND' }).first()
    await row.waitFor()
    expect(await row.textContent()).toContain('2024-06-10')
    await row.click()
    await expectChartDrawn('citations-chart')
    await shot('documents')
    // the article count of the row is a link to the articles citing it
    await row.locator('a.count').click()
    await page.waitForURL(/\/articles\?.*document=/)
    const first = page.locator('.results li').first()
    await first.waitFor()
    expect(await first.locator('.snippet mark').textContent()).toMatch(/138\/KH-UBND/)
    await first.locator('a.title').click()
    await page.waitForURL(/\/articles\/a_/)
    // the sentence holding the mention is emphasised, the document itself highlighted by its span
    const focus = page.locator('.article .body .focus')
    await focus.first().waitFor()
    expect(await focus.locator('mark.ent-document').first().textContent()).toMatch(/138\/KH-UBND/)
    expect(await page.locator('.article .body mark.ent-event').count()).toBeGreaterThan(0)
    expect(await page.locator('.article .body mark.ent-campaign').count()).toBeGreaterThan(0)
    await shot('article')
    await page.setViewportSize(PHONE)
    await page.reload({ waitUntil: 'networkidle' })
    await focus.first().waitFor()
    expect(await horizontalOverflow()).toBeLessThanOrEqual(1)
    await shot('article-phone')
  })

  it('compare shows Lạng Sơn and Nghệ An timelines, planned vs held', async () => {
    await open('/compare?system=2025&province=20,40')
    await expectChartDrawn('timeline-chart')
    await expect.poll(() => page.locator('.table-wrap tbody tr').count()).toBeGreaterThan(3)
    await shot('compare')
    await page.setViewportSize(PHONE)
    await open('/compare?system=2025&province=20,40')
    await expectChartDrawn('timeline-chart')
    expect(await horizontalOverflow()).toBeLessThanOrEqual(1)
    await shot('compare-phone')
  })

  it('campaigns heatmap and pipeline health render on the real data', async () => {
    await open('/campaigns')
    await expectChartDrawn('coverage-heatmap')
    await expectChartDrawn('adoption-chart')
    await shot('campaigns')
    await open('/pipeline')
    await expectChartDrawn('ledger-chart')
    await shot('pipeline')
    await page.setViewportSize(PHONE)
    await open('/campaigns')
    await expectChartDrawn('coverage-heatmap')
    expect(await horizontalOverflow()).toBeLessThanOrEqual(1)
    await shot('campaigns-phone')
  })
})
