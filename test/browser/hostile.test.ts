/**
 * The hostile portal (issue #18) crawled live and opened in Chromium. `thidua run --live --sources X`
 * crawls a loopback portal with payloads in every field and the awkward pages (test/browser/hostile-portal.ts)
 * beside a calm second site, into a temp database; the dashboard is then served on it and every view and
 * every stored article is opened. Asserted: no payload runs (no `window.__pwned`, no dialog, no request
 * leaving the dashboard's origin, no console error such as a CSP refusal), no tab crash, the awkward pages
 * end as the issue asks, the 15 MB and 10,000-deep pages each decode and parse in under 2 s without
 * stalling the other site's crawl, and the 880k-character article renders progressively.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { DuckDBInstance } from '@duckdb/node-api'
import { decodeHtml } from '@thidua/pipeline/page/decode'
import { parseArticle } from '@thidua/pipeline/parse/parse-article'
import { type RunningServer, startServer } from '@thidua/server/main'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, prepareDashboard, repo, reportProblems, webDist } from './helpers.ts'
import {
  awkwardPages,
  calmPages,
  GIANT_CHARS,
  PAYLOADS,
  type Portal,
  startHostilePortal,
  startPortal,
} from './hostile-portal.ts'

const run = promisify(execFile)
const CALM_DELAY_MS = 200
/** Longest pause of the calm site's crawl allowed while the hostile pages are taken in. */
const STALL_MS = 5000
/** The 15 MB, 10,000-deep and 880k-character pages. */
const BIG = /dau-thanh|long-sau|khong-lo/

let dir = ''
let hostile: Portal
let calm: Portal
let server: RunningServer | undefined
let browser: Browser | undefined
let page: Page
const problems: string[] = []
const pwned: string[] = []
let crashed = false
let releasedAt = Number.POSITIVE_INFINITY

const query = async <T>(sql: string): Promise<T[]> => {
  const inst = await DuckDBInstance.create(path.join(dir, 'hostile.duckdb'), { access_mode: 'READ_ONLY' })
  const c = await inst.connect()
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[]
  } finally {
    c.closeSync()
    inst.closeSync()
  }
}

const source = (id: string, p: Portal, delay: number) => ({
  id,
  name: `Cổng thử ${PAYLOADS[0]}`,
  province_code_2008: null,
  province_code_2025: null,
  platform: 'generic',
  base_url: `${p.origin}/`,
  entry_points: [`${p.origin}/`, `${p.origin}/sitemap.xml`],
  min_delay_ms: delay,
})

beforeAll(async () => {
  prepareDashboard()
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-hostile-'))
  // The big pages are answered only once the calm site's crawl is under way, so it runs while they are
  // taken in and shows any stall.
  let calmHits = 0
  let calmStarted = () => {}
  const calmRunning = new Promise<void>((resolve) => {
    calmStarted = resolve
  })
  void calmRunning.then(() => {
    releasedAt = performance.now()
  })
  hostile = await startHostilePortal({ hold: (p) => (BIG.test(p) ? calmRunning : null) })
  calm = await startPortal(calmPages(50), {
    onRequest: (p) => {
      if (p.includes('tin-binh-thuong') && ++calmHits === 5) calmStarted()
    },
  })
  const sources = path.join(dir, 'sources.json')
  writeFileSync(sources, JSON.stringify([source('hostile', hostile, 0), source('calm', calm, CALM_DELAY_MS)]))
  // Asynchronously: both portals answer from this process's event loop.
  await run(
    path.join(repo, 'node_modules/.bin/tsx'),
    [
      path.join(repo, 'pipeline/src/cli/main.ts'),
      'run',
      '--live',
      '--sources',
      sources,
      '--db',
      path.join(dir, 'hostile.duckdb'),
    ],
    { timeout: 240_000, maxBuffer: 1 << 24 }
  )
  server = await startServer({ dbFile: path.join(dir, 'hostile.duckdb'), port: 0, webDist, log: () => {} })
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
  await context.addInitScript(() => {
    ;(window as unknown as { __pwned: number }).__pwned = 0
  })
  page = await context.newPage()
  reportProblems(page, (p) => problems.push(p))
  page.on('dialog', (d) => {
    pwned.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  page.on('crash', () => {
    crashed = true
  })
  // Anything fetched from elsewhere than the dashboard (an injected image, frame or beacon) is a payload at work.
  page.on('request', (r) => {
    const u = r.url()
    if (!u.startsWith(server?.url ?? '') && !u.startsWith('data:')) pwned.push(`request: ${u}`)
  })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  await hostile?.close()
  await calm?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Opens a dashboard path and checks no payload ran and nothing went wrong. */
const visit = async (p: string) => {
  await page.goto(`${server?.url}${p}`, { waitUntil: 'networkidle' })
  await page.waitForSelector('main h1')
  expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned), p).toBe(0)
  expect(pwned, p).toEqual([])
  expect(problems, p).toEqual([])
  expect(crashed, p).toBe(false)
}

const urlOf = (p: string) => `${hostile.origin}${p}`

describe('a hostile portal, crawled live and opened in Chromium', () => {
  it('ends every awkward page as the issue asks', async () => {
    const state = new Map(
      (
        await query<{ url: string; state: string; attempts: number; last_error: string | null }>(
          'SELECT url, state, attempts, last_error FROM crawl_page_state'
        )
      ).map((r) => [r.url, r])
    )
    for (const p of ['/tin-tuc/chuyen-file-1003.html', '/tin-tuc/chuyen-js-1004.html']) {
      const r = state.get(urlOf(p))
      expect(r?.state, p).toBe('failed')
      expect(r?.attempts, p).toBe(1)
      expect(r?.last_error, p).toMatch(/^refused_scheme: redirect to a (file|javascript): URL refused/)
    }
    const articles = await query<{ url: string; title: string; body: string; n: number }>(
      'SELECT url, title, left(body_text, 2000) AS body, length(body_text)::INT AS n FROM articles'
    )
    const by = new Map(articles.map((a) => [a.url, a]))
    expect(articles.map((a) => a.title).filter((t) => /[\u0000\u202a-\u202e\u2066-\u2069]/.test(t))).toEqual(
      []
    )
    expect(by.get(urlOf('/tin-tuc/tieu-de-1007.html'))?.title).toBe('Kế hoạch thi đua exe.gnp năm 2024')
    // a few stray bytes do not make a UTF-8 page a legacy-encoded one
    expect(by.get(urlOf('/tin-tuc/byte-lac-1006.html'))?.title).toBe(
      'Kế hoạch thi đua yêu nước năm 2024 có byte lạc'
    )
    // the UTF-7 label is refused: its "+ADw-script+AD4-" stays text
    expect(by.get(urlOf('/tin-tuc/utf7-1005.html'))?.body).toContain('+ADw-script+AD4-')
    expect(by.get(urlOf('/tin-tuc/long-sau-1002.html'))?.body).toContain('phong trào thi đua yêu nước')
    expect(by.get(urlOf('/tin-tuc/dau-thanh-1001.html'))?.n).toBeLessThan(5000)
    expect(by.get(urlOf('/tin-tuc/bai-khong-lo-1008.html'))?.n).toBeGreaterThanOrEqual(GIANT_CHARS)
    // payloads are stored as the text they were on the page
    expect(articles.some((a) => a.title.includes(PAYLOADS[0]))).toBe(true)
  })

  it('decodes and parses the 15 MB and the 10,000-deep page in under 2 s each, stalling no other site', () => {
    for (const p of awkwardPages().slice(0, 2)) {
      const bytes = p.body()
      // the page's cost is the quicker of two tries: on a shared machine one may lose the CPU for a while
      const tries = [0, 1].map(() => {
        const t0 = performance.now()
        const r = parseArticle(decodeHtml(bytes, p.headers?.['content-type']).text, urlOf(p.path))
        return { ok: r.ok, ms: performance.now() - t0 }
      })
      const ms = Math.min(...tries.map((x) => x.ms))
      console.log(
        `${p.what}: ${(bytes.length / 1e6).toFixed(1)} MB decoded and parsed in ${ms.toFixed(0)} ms`
      )
      expect(ms, p.what).toBeLessThan(2000)
      expect(
        tries.every((x) => x.ok),
        p.what
      ).toBe(true)
    }
    // The calm site's pages kept coming at its own pace while the crawler took the big pages in.
    const big = hostile.log.filter((l) => BIG.test(l.path)).map((l) => l.at)
    const calmAt = calm.log.filter((l) => l.path.includes('tin-binh-thuong')).map((l) => l.at)
    expect(calmAt.length).toBe(50)
    expect(big.length).toBe(3)
    // the big pages were released at the calm crawl's 5th page; it went on for seconds after
    expect(Math.max(...calmAt) - releasedAt).toBeGreaterThan(3000)
    const gaps = calmAt.slice(1).map((t, i) => t - (calmAt[i] ?? t))
    const rel = (t: number) => ((t - (calmAt[0] ?? 0)) / 1000).toFixed(1)
    const worst = gaps.indexOf(Math.max(...gaps))
    console.log(
      `calm site: largest gap between requests ${Math.max(...gaps).toFixed(0)} ms (delay ${CALM_DELAY_MS} ms) ` +
        `after ${rel(calmAt[worst] ?? 0)} s; big pages asked at ${big.map(rel).join(', ')} s, answered from ${rel(releasedAt)} s`
    )
    // Before #18 one such page stalled a crawl for minutes (hours at 15 MB); the crawler still decodes on
    // its own event loop, which costs a second or two under load, hence the slack.
    expect(Math.max(...gaps)).toBeLessThan(STALL_MS)
  })

  it('runs no payload in any view', async () => {
    for (const p of ['/', '/compare', '/campaigns', '/documents', '/articles', '/sql', '/pipeline'])
      await visit(p)
    await visit(`/articles?q=${encodeURIComponent(PAYLOADS[0])}`)
    await visit(`/documents?q=${encodeURIComponent(PAYLOADS[1])}`)
  })

  it('runs no payload on any article page, and shows payloads as text', async () => {
    const rows = await query<{ article_id: string; title: string; n: number }>(
      `SELECT article_id, title, length(body_text)::INT AS n FROM articles WHERE url LIKE '${hostile.origin}/%' ORDER BY n`
    )
    expect(rows.length).toBeGreaterThanOrEqual(15)
    for (const r of rows.filter((x) => x.n < 100_000)) {
      await visit(`/articles/${encodeURIComponent(r.article_id)}`)
      expect(await page.locator('main h1').textContent()).toBe(r.title)
    }
  })

  it('renders the 880k-character article progressively, without a crash', async () => {
    const [giant] = await query<{ article_id: string; n: number }>(
      'SELECT article_id, length(body_text)::INT AS n FROM articles ORDER BY n DESC LIMIT 1'
    )
    const api = performance.now()
    await (
      await fetch(`${server?.url}/api/articles/${encodeURIComponent(giant?.article_id ?? '')}`)
    ).arrayBuffer()
    console.log(`880k article: API answered in ${(performance.now() - api).toFixed(0)} ms`)
    const t0 = performance.now()
    await visit(`/articles/${encodeURIComponent(giant?.article_id ?? '')}`)
    const body = page.locator('.article .body')
    await body.waitFor()
    console.log(`880k article: first screen in ${(performance.now() - t0).toFixed(0)} ms`)
    const count = async (attr: string) => Number(await body.getAttribute(attr))
    const chunks = await count('data-chunks')
    const first = await count('data-shown')
    expect(first).toBeLessThan(chunks)
    const table = page.locator('table.entities')
    expect(await table.locator('tbody tr').count()).toBeLessThan(
      Number(await table.getAttribute('data-rows'))
    )
    // reaching the end of what is shown brings more chunks
    await body.locator('.more').scrollIntoViewIfNeeded()
    await page.waitForFunction(
      (n) => Number(document.querySelector('.article .body')?.getAttribute('data-shown')) > n,
      first
    )
    // the whole text on demand, while the server keeps answering others
    const other = (async () => {
      const s = performance.now()
      const res = await fetch(`${server?.url}/api/documents`)
      return { status: res.status, ms: performance.now() - s }
    })()
    await body.getByRole('button').click()
    await page.waitForFunction(
      (n) => Number(document.querySelector('.article .body')?.getAttribute('data-shown')) === n,
      chunks
    )
    expect((await body.textContent())?.length ?? 0).toBeGreaterThanOrEqual(giant?.n ?? 0)
    const o = await other
    expect(o.status).toBe(200)
    expect(o.ms).toBeLessThan(2000)
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0)
    expect(crashed).toBe(false)
    expect(pwned).toEqual([])
    expect(problems).toEqual([])
  })
})
