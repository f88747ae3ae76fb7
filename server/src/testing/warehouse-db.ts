/**
 * The test database for the API, browser tests and benchmarks, built by the real warehouse code
 * (openWarehouse → loadBatch → finalizeRun → publish) on the warehouse's own fixture records, so the
 * API's queries meet exactly the schema the pipeline writes and schema drift cannot hide. On top of
 * the fixture articles it records what a crawl leaves behind (stage figures, fetches with a failing
 * source, a parse failure), which the pipeline view and /api/runs, /api/sources need.
 */
import path from 'node:path'
import type { Warehouse } from '../../../pipeline/src/warehouse/db.ts'
import { recordParseFailures } from '../../../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../../../pipeline/src/warehouse/open.ts'
import { publish } from '../../../pipeline/src/warehouse/publish.ts'
import { recordStage } from '../../../pipeline/src/warehouse/runs.ts'
import { buildFixtureWarehouse } from '../../../pipeline/src/warehouse/testing/build.ts'
import {
  fixtureItems,
  fixtureSources,
  routineSource,
} from '../../../pipeline/src/warehouse/testing/fixtures.ts'

export interface TestDb {
  /** The working file X.duckdb (what `--db` points at). */
  readonly dbFile: string
  /** The version the server should serve through X.published/CURRENT. */
  readonly publishedFile: string
  readonly runId: string
}

export const FIXTURE_RUN_ID = 'r-fixture'

/** One row per fetch, as the crawler writes them (source, url, status, error, when). */
const fetchRows = (): Array<[string, string, number | null, string | null, string]> => {
  const rows: Array<[string, string, number | null, string | null, string]> = []
  for (const s of [...fixtureSources, routineSource])
    rows.push([s.id, s.base_url, 200, null, '2026-03-31T01:00:00Z'])
  for (const item of fixtureItems)
    rows.push([item.article.source_id ?? '', item.article.url, 200, null, '2026-03-31T01:05:00Z'])
  // Kon Tum's portal went away after the merger: its host no longer resolves.
  rows.push([
    'kontum-gov',
    'https://kontum.gov.vn/pages/news.html',
    null,
    'DNS: getaddrinfo ENOTFOUND kontum.gov.vn',
    '2026-03-31T01:10:00Z',
  ])
  rows.push([
    'nghean-gov',
    'https://nghean.gov.vn/tin-tuc/mat-trang.html',
    404,
    'HTTP 404',
    '2026-03-31T01:11:00Z',
  ])
  return rows
}

const recordCrawl = async (wh: Warehouse, runId: string) => {
  const stmt = await wh.conn.prepare(
    `INSERT INTO crawl_fetches (run_id, source_id, url, final_url, status, bytes, attempts, error, not_modified, elapsed_ms, fetched_at)
     VALUES ($1, $2, $3, $3, $4, 20480, 1, $5, false, 120, CAST($6 AS TIMESTAMPTZ))`
  )
  for (const [source, url, status, error, at] of fetchRows()) {
    stmt.bindVarchar(1, runId)
    stmt.bindVarchar(2, source)
    stmt.bindVarchar(3, url)
    if (status === null) stmt.bindNull(4)
    else stmt.bindInteger(4, status)
    if (error === null) stmt.bindNull(5)
    else stmt.bindVarchar(5, error)
    stmt.bindVarchar(6, at)
    await stmt.run()
  }
  await recordParseFailures(wh, runId, [
    {
      url: 'https://nghean.gov.vn/tin-tuc/bai-trong.html',
      source_id: 'nghean-gov',
      reason: 'no article body (empty page)',
    },
  ])
  for (const [stage, n, failures] of [
    ['crawl', 60, 1],
    ['parse', 44, 1],
    ['extract', 43, 0],
    ['load', 43, 0],
  ] as const)
    await recordStage(wh, runId, stage, { items_in: n, items_out: n - failures, failures, elapsed_ms: 250 })
}

/** Builds, finalizes and publishes the fixture warehouse at `<dir>/thidua.duckdb`. */
export const buildTestDb = async (dir: string): Promise<TestDb> => {
  const dbFile = path.join(dir, 'thidua.duckdb')
  const wh = await buildFixtureWarehouse(dbFile)
  try {
    await recordCrawl(wh, FIXTURE_RUN_ID)
    const { file } = await publish(wh)
    return { dbFile, publishedFile: file, runId: FIXTURE_RUN_ID }
  } finally {
    closeWarehouseSync(wh)
  }
}

/** Opens the working file, runs `sql`, publishes a new version; returns the published file. */
export const changeAndPublish = async (dbFile: string, sql: string): Promise<string> => {
  const wh = await openWarehouseAsync(dbFile)
  try {
    await wh.conn.run(sql)
    return (await publish(wh)).file
  } finally {
    closeWarehouseSync(wh)
  }
}
