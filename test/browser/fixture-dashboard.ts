/**
 * One browser suite's set-up over the fixture warehouse: the built dashboard served by the real server,
 * one Chromium page, and every console error or failed request failing the test that caused it.
 * Call at the top of a test file; the returned object's fields are ready inside the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { startServer, type RunningServer } from '@thidua/server/main'
import { buildTestDb } from '@thidua/server/testing/warehouse-db'
import { launchChromium, prepareDashboard, reportProblems, webDist } from './helpers.ts'

export interface FixtureDashboard {
  dir: string
  server: RunningServer
  page: Page
}

export const useFixtureDashboard = (
  name: string,
  viewport = { width: 1366, height: 900 }
): FixtureDashboard => {
  const ctx = {} as FixtureDashboard
  let browser: Browser | undefined
  let problems: string[] = []
  beforeAll(async () => {
    prepareDashboard()
    ctx.dir = mkdtempSync(path.join(tmpdir(), `thidua-${name}-`))
    const fx = await buildTestDb(ctx.dir)
    ctx.server = await startServer({ dbFile: fx.dbFile, port: 0, webDist, log: () => {} })
    browser = await launchChromium()
    ctx.page = await (await browser.newContext({ viewport })).newPage()
    reportProblems(ctx.page, (p) => problems.push(p))
  })
  afterAll(async () => {
    await browser?.close()
    await ctx.server?.close()
    if (ctx.dir) rmSync(ctx.dir, { recursive: true, force: true })
  })
  afterEach(() => {
    const found = problems
    problems = []
    expect(found).toEqual([])
  })
  return ctx
}
