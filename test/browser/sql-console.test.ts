/// <reference lib="dom" />
/**
 * The SQL console in Debian Chromium on the REAL embedded database (`thidua run` over the offline
 * snapshot): the ten canned questions return rows, the schema browser lists and inserts names, the
 * editor completes tables and columns, DuckDB's error detail reaches the reader in their language, and
 * a saved query opened from its link runs and draws its chart. The console's pure helpers (completer,
 * comments, chart data, links) are checked first, without the browser.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parseAccessConfig } from '@thidua/server/http/auth'
import { startServer, type RunningServer } from '@thidua/server/main'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CANNED_QUERIES } from '../../web/src/views/sql/canned.ts'
import { chartData } from '../../web/src/views/sql/chart-data.ts'
import { commentFor } from '../../web/src/views/sql/comment.ts'
import { accept, suggest } from '../../web/src/views/sql/completer.ts'
import { duckDetailFor } from '../../web/src/views/sql/errors.ts'
import { shareHref, viewFrom } from '../../web/src/views/sql/saved.ts'
import type { Schema } from '../../web/src/views/sql/types.ts'
import {
  expectChartDrawn,
  launchChromium,
  openView,
  prepareDashboard,
  repo,
  screenshot,
  webDist,
} from './helpers.ts'

const exec = promisify(execFile)

const SCHEMA: Schema = {
  version: 'test',
  tables: [
    {
      name: 'articles',
      kind: 'table',
      comment: 'Bài viết | Articles',
      columns: [
        { name: 'article_id', type: 'VARCHAR', comment: null },
        { name: 'province_code_2025', type: 'VARCHAR', comment: null },
        { name: 'published_date', type: 'DATE', comment: null },
      ],
    },
    {
      name: 'v_campaign_coverage',
      kind: 'view',
      comment: null,
      columns: [
        { name: 'province_code', type: 'VARCHAR', comment: null },
        { name: 'campaign_id', type: 'VARCHAR', comment: null },
        { name: 'articles', type: 'BIGINT', comment: null },
      ],
    },
  ],
  macros: [{ name: 'search_articles', kind: 'table_macro', parameters: ['q', 'max_results'], comment: null }],
}
const labels = (text: string, caret = text.length, force = false) =>
  suggest(SCHEMA, text, caret, { force }).map((c) => c.label)

describe('console helpers', () => {
  it('completes tables after FROM/JOIN, columns of an alias after a dot, keywords elsewhere', () => {
    expect(labels('SELECT * FROM v_camp')).toEqual(['v_campaign_coverage'])
    expect(labels('SELECT * FROM sea')).toEqual(['search_articles'])
    expect(labels('SELECT c. FROM v_campaign_coverage c', 9)).toEqual([
      'province_code',
      'campaign_id',
      'articles',
    ])
    expect(labels('SELECT a.pub FROM articles a', 12)).toEqual(['published_date'])
    expect(labels('SELECT prov FROM articles', 11)).toEqual(['province_code_2025', 'province_code'])
    expect(labels('SELECT 1 ORD')).toEqual(['ORDER BY'])
    expect(labels('SELECT ')).toEqual([])
    expect(labels('SELECT ', 7, true).length).toBeGreaterThan(5)
    const done = accept('SELECT * FROM v_camp WHERE 1', 20, {
      label: 'v_campaign_coverage',
      kind: 'view',
      detail: '',
    })
    expect(done).toEqual({ text: 'SELECT * FROM v_campaign_coverage WHERE 1', caret: 33 })
    expect(accept('FROM sea', 8, { label: 'search_articles', kind: 'macro', detail: '' }).text).toBe(
      'FROM search_articles('
    )
  })

  it('shows the comment half of the reader language, falling back to the other half', () => {
    expect(commentFor('Bài viết | Articles', 'vi')).toBe('Bài viết')
    expect(commentFor('Bài viết | Articles', 'en')).toBe('Articles')
    expect(commentFor('Bài viết | ', 'en')).toBe('Bài viết')
    expect(commentFor(' | Articles', 'vi')).toBe('Articles')
    expect(commentFor('Only one language', 'en')).toBe('Only one language')
    expect(commentFor('  ', 'vi')).toBeNull()
    expect(commentFor(null, 'vi')).toBeNull()
  })

  it('translates the common DuckDB errors for Vietnamese readers and keeps the rest', () => {
    const d = 'Binder Error: Referenced column "nope" not found in FROM clause!\nCandidate bindings: "title"'
    expect(duckDetailFor(d, 'en')).toBe(d)
    expect(duckDetailFor(d, 'vi')).toBe(
      'Lỗi tham chiếu: không có cột "nope" trong mệnh đề FROM\nCác cột gần đúng: "title"'
    )
    expect(duckDetailFor('Parser Error: syntax error at or near "FORM"', 'vi')).toBe(
      'Lỗi cú pháp: sai cú pháp gần "FORM"'
    )
    expect(duckDetailFor('Something new', 'vi')).toBe('Something new')
    expect(duckDetailFor(null, 'vi')).toBeNull()
  })

  it('charts numeric columns against the first text column, and links carry query and chart type', () => {
    const data = chartData({
      columns: ['p', 'a', 'b', 'note'],
      types: ['VARCHAR', 'BIGINT', 'DOUBLE', 'VARCHAR'],
      rows: [
        { p: 'X', a: 1, b: 0.5, note: 'n' },
        { p: 'Y', a: '2', b: null, note: 'm' },
      ],
      truncated: false,
      max_rows: 5000,
      elapsed_ms: 1,
    })
    expect(data).toMatchObject({ labelColumn: 'p', labels: ['X', 'Y'] })
    expect(data?.series).toEqual([
      { name: 'a', values: [1, 2] },
      { name: 'b', values: [0.5, null] },
    ])
    expect(
      chartData({
        columns: ['t'],
        types: ['VARCHAR'],
        rows: [{ t: 'x' }],
        truncated: false,
        max_rows: 1,
        elapsed_ms: 1,
      })
    ).toBeNull()
    const href = shareHref("SELECT 'a&b' AS x, 1 AS n", 'bar')
    const url = new URL(href, 'http://h')
    expect(url.pathname).toBe('/sql')
    expect(url.searchParams.get('q')).toBe("SELECT 'a&b' AS x, 1 AS n")
    expect(viewFrom(url.searchParams.get('view'))).toBe('bar')
    expect(viewFrom('pie')).toBe('table')
    expect(shareHref('SELECT 1', 'table')).toBe('/sql?q=SELECT+1')
  })
})

let dir = ''
let dbFile = ''
let server: RunningServer
let browser: Browser
let context: BrowserContext
let page: Page
let problems: string[] = []
/** While set, a 400 from /api/sql (a failing statement sent on purpose) is counted, not a problem. */
let allowSql400 = false
let sql400 = 0

const watch = (p: Page) => {
  p.on('console', (m) => {
    if (m.type() !== 'error') return
    if (allowSql400 && /status of 400/.test(m.text())) return
    problems.push(`console: ${m.text()}`)
  })
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  p.on('response', (r) => {
    if (r.status() < 400) return
    if (r.status() === 400 && allowSql400 && new URL(r.url()).pathname === '/api/sql') {
      sql400++
      return
    }
    problems.push(`HTTP ${r.status()} ${r.url()}`)
  })
}

beforeAll(async () => {
  prepareDashboard()
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-browser-sql-'))
  dbFile = path.join(dir, 'embedded.duckdb')
  await exec('pnpm', ['--silent', 'thidua', 'run', '--db', dbFile], {
    cwd: repo,
    maxBuffer: 64 * 1024 * 1024,
  })
  // A generous time limit: the test is about the console's page, not its limits, on a busy machine.
  server = await startServer({ dbFile, port: 0, webDist, log: () => {}, sql: { timeoutMs: 30_000 } })
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })
  page = await context.newPage()
  watch(page)
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

const editor = () => page.locator('#sql-editor')

describe('SQL console on the embedded database', () => {
  it('answers each of the ten usual questions with rows', async () => {
    expect(CANNED_QUERIES).toHaveLength(10)
    for (const q of CANNED_QUERIES) {
      const res = await fetch(`${server.url}/api/sql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ sql: q.sql }),
      })
      expect(res.status, q.id).toBe(200)
      const body = (await res.json()) as { rows: unknown[]; types: string[] }
      expect(body.rows.length, q.id).toBeGreaterThan(0)
    }
  })

  it('schema browser: filters, shows columns and inserts a name into the editor', async () => {
    await openView(page, `${server.url}/sql`)
    const browserPanel = page.locator('[data-testid="schema-browser"]')
    await browserPanel.locator('[data-relation="articles"]').waitFor()
    await browserPanel.getByLabel('Lọc bảng và cột').fill('campaign_cov')
    const rel = browserPanel.locator('[data-relation="v_campaign_coverage"]')
    await expect.poll(() => browserPanel.locator('[data-relation]').count()).toBe(1)
    // One match left: it opens by itself.
    await expect.poll(() => rel.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true)
    await expect.poll(() => rel.locator('.schema-columns li').count()).toBeGreaterThanOrEqual(5)
    await editor().fill('SELECT  FROM v_campaign_coverage')
    await editor().evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7))
    await rel.getByRole('button', { name: 'campaign_id' }).click()
    await expect.poll(() => editor().inputValue()).toBe('SELECT campaign_id FROM v_campaign_coverage')
    // Comments are 'Tiếng Việt | English': the reader sees their half, then the other after the switch.
    const schema = (await (await fetch(`${server.url}/api/sql/schema`)).json()) as Schema
    const comment = schema.tables.find((t) => t.name === 'v_campaign_coverage')?.comment ?? null
    expect(comment).toContain(' | ')
    const shown = rel.locator('p.schema-comment')
    expect(await shown.textContent()).toBe(commentFor(comment, 'vi'))
    await page.locator('button.lang').click()
    await expect.poll(() => shown.textContent()).toBe(commentFor(comment, 'en'))
    await page.locator('button.lang').click()
    await screenshot(page, 'sql-schema')
  })

  it('completes tables and an alias’s columns while typing', async () => {
    await editor().fill('')
    await editor().pressSequentially('SELECT * FROM v_campaign_cov')
    const list = page.locator('#sql-suggestions')
    await expect.poll(() => list.getByRole('option').first().textContent()).toContain('v_campaign_coverage')
    // The list stays inside the editor's box: it never covers the Run button.
    const listBox = (await list.boundingBox())!
    const areaBox = (await editor().boundingBox())!
    expect(listBox.y + listBox.height).toBeLessThanOrEqual(areaBox.y + areaBox.height + 1)
    await editor().press('Enter')
    await expect.poll(() => editor().inputValue()).toBe('SELECT * FROM v_campaign_coverage')
    // accepting puts the caret after the insertion on the next frame: type only once it is there
    await expect
      .poll(() => editor().evaluate((el) => (el as HTMLTextAreaElement).selectionStart))
      .toBe('SELECT * FROM v_campaign_coverage'.length)
    await editor().pressSequentially(' c WHERE c.campaign_')
    await expect.poll(() => list.getByRole('option').first().textContent()).toContain('campaign_id')
    await editor().press('Tab')
    await expect
      .poll(() => editor().inputValue())
      .toBe('SELECT * FROM v_campaign_coverage c WHERE c.campaign_id')
  })

  it('shows DuckDB’s error detail in the reader’s language', async () => {
    allowSql400 = true
    await editor().fill('SELECT nope FROM articles')
    // A whole replacement (paste, fill) opens no suggestion list.
    expect(await page.locator('#sql-suggestions').count()).toBe(0)
    await page.getByRole('button', { name: 'Chạy', exact: true }).click()
    const err = page.locator('[data-testid="sql-error"]')
    await expect.poll(() => err.textContent()).toContain('không có cột "nope" trong mệnh đề FROM')
    await page.locator('button.lang').click()
    await expect.poll(() => err.textContent()).toContain('Referenced column "nope" not found')
    await page.locator('button.lang').click()
    allowSql400 = false
    expect(sql400).toBe(1)
  })

  it('saves a query, and its link opens it elsewhere; run, bar chart drawn with its series', async () => {
    const reach = CANNED_QUERIES.find((q) => q.id === 'campaign-reach')!
    await page.locator('[data-testid="canned-queries"] button', { hasText: reach.title_vi }).click()
    await expect.poll(() => page.locator('.sql-result .table-wrap tbody tr').count()).toBeGreaterThan(3)
    await page.getByLabel('Cột', { exact: true }).check()
    await expectChartDrawn(page, 'sql-chart')
    await page.getByLabel('Tên truy vấn').fill('Độ phủ phong trào')
    await page.getByRole('button', { name: 'Lưu', exact: true }).click()
    const link = page.locator('[data-testid="saved-queries"] a', { hasText: 'Độ phủ phong trào' })
    const href = (await link.getAttribute('href'))!
    expect(href).toBe(shareHref(reach.sql, 'bar'))

    // Another browser, nothing saved there: the link alone carries the query and the chart type.
    const other = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })
    const fresh = await other.newPage()
    watch(fresh)
    try {
      await openView(fresh, `${server.url}${href}`)
      expect(await fresh.locator('#sql-editor').inputValue()).toBe(reach.sql)
      // A link never runs a query by itself: the reader presses Run.
      expect(await fresh.locator('.sql-result').count()).toBe(0)
      await fresh.getByRole('button', { name: 'Chạy', exact: true }).click()
      await expectChartDrawn(fresh, 'sql-chart')
      expect(await fresh.getByLabel('Cột', { exact: true }).isChecked()).toBe(true)
      const described = await fresh
        .locator('[data-testid="sql-chart"] .chart-canvas')
        .getAttribute('aria-label')
      expect(described).toMatch(/provinces/)
      expect(described).toMatch(/articles/)
      await screenshot(fresh, 'sql-chart')
    } finally {
      await other.close()
    }
  })

  it('with access control on, asks for a token, then runs as the analyst and is audited', async () => {
    const token = 'sql-console-browser-token'
    const admin = 'sql-console-admin-token'
    const sha = (t: string) => createHash('sha256').update(t).digest('hex')
    const guarded = await startServer({
      dbFile,
      port: 0,
      webDist,
      log: () => {},
      watch: false,
      sql: { timeoutMs: 30_000 },
      access: parseAccessConfig({ THIDUA_TOKENS: `analyst/team-a:${sha(token)},admin:${sha(admin)}` }),
      audit: { file: path.join(dir, 'guarded-audit', 'console.jsonl') },
    })
    const other = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })
    const p = await other.newPage()
    const refused: string[] = []
    // The anonymous schema request is refused on purpose; anything else is a problem.
    p.on('response', (r) => {
      if (r.status() === 401 && new URL(r.url()).pathname.startsWith('/api/sql')) refused.push(r.url())
      else if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`)
    })
    p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    try {
      await openView(p, `${guarded.url}/sql`)
      await expect
        .poll(() => p.locator('.sql-schema [data-testid="sql-error"]').textContent())
        .toContain('Cần đăng nhập')
      expect(refused.length).toBeGreaterThan(0)
      await p.getByLabel('Mã truy cập (vai trò phân tích)').fill(token)
      await p.getByRole('button', { name: 'Dùng mã này' }).click()
      await p.locator('[data-testid="schema-browser"] [data-relation="articles"]').waitFor()
      await p.locator('#sql-editor').fill('SELECT count(*) AS n FROM articles')
      await p.getByRole('button', { name: 'Chạy', exact: true }).click()
      // This server's console workers start on the first query: allow for a busy machine.
      await p
        .locator('.sql-result tbody tr, .sql-main [data-testid="sql-error"]')
        .first()
        .waitFor({ timeout: 60_000 })
      const failed = p.locator('.sql-main [data-testid="sql-error"]')
      expect(await failed.count(), (await failed.count()) ? ((await failed.textContent()) ?? '') : '').toBe(0)
      expect(await p.locator('.sql-result tbody tr').count()).toBe(1)
      const audit = await fetch(`${guarded.url}/api/audit/console?limit=1`, {
        headers: { authorization: `Bearer ${admin}` },
      })
      const [entry] = ((await audit.json()) as { rows: Array<Record<string, unknown>> }).rows
      expect(entry).toMatchObject({
        who: 'team-a',
        role: 'analyst',
        sql: 'SELECT count(*) AS n FROM articles',
        status: 200,
        rows: 1,
      })
    } finally {
      await other.close()
      await guarded.close()
    }
  })
})
