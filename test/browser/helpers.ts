/// <reference lib="dom" />
/** What both browser suites share: the built dashboard, Debian Chromium, problem reporting, chart checks. */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const webDist = path.join(repo, 'web', 'dist')
export const shots = path.join(repo, 'test', 'screenshots')

/** Builds the dashboard when no build is there yet and makes the screenshot folder. */
export const prepareDashboard = (): void => {
  if (!existsSync(path.join(webDist, 'index.html')))
    execFileSync('npx', ['vite', 'build'], { cwd: path.join(repo, 'web'), stdio: 'inherit' })
  mkdirSync(shots, { recursive: true })
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })

/** Reports every console error, uncaught page error and failed request (HTTP 400+) of the page. */
export const reportProblems = (page: Page, report: (problem: string) => void): void => {
  page.on('console', (m) => m.type() === 'error' && report(`console: ${m.text()}`))
  page.on('pageerror', (e) => report(`pageerror: ${e.message}`))
  page.on('response', (r) => r.status() >= 400 && report(`HTTP ${r.status()} ${r.url()}`))
}

/** Waits until the chart inside [data-testid=id] has a canvas with a real amount of painted pixels. */
export const expectChartDrawn = async (page: Page, id: string): Promise<void> => {
  const sel = `[data-testid="${id}"] canvas`
  await page.waitForSelector(sel, { timeout: 15_000 })
  await page.waitForFunction(
    (s) => {
      const c = document.querySelector(s) as HTMLCanvasElement | null
      if (!c || c.width === 0 || c.height === 0) return false
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
      if (!data) return false
      let painted = 0
      for (let i = 3; i < data.length; i += 16) if ((data[i] ?? 0) > 0) painted++
      return painted > 500
    },
    sel,
    { timeout: 15_000 }
  )
}

/** Opens a dashboard URL and waits until the view has rendered its heading. */
export const openView = async (page: Page, url: string): Promise<void> => {
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForSelector('main h1')
}

/** A full-page screenshot at test/screenshots/<name>.png. */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
