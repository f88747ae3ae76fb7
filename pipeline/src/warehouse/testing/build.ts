/** Builds a finalized warehouse from the fixture records (tests, cookbook, exports). */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Warehouse } from '../db.ts'
import { finalizeRun } from '../finalize.ts'
import { loadBatch, upsertSources } from '../load.ts'
import { openWarehouseAsync } from '../open.ts'
import { endRun, startRun } from '../runs.ts'
import { fixtureItems, fixtureSources, routineItems, routineSource } from './fixtures.ts'

export const tempDbFile = (name = 'thidua'): string =>
  path.join(mkdtempSync(path.join(tmpdir(), 'thidua-wh-')), `${name}.duckdb`)

export const buildFixtureWarehouse = async (dbFile: string = tempDbFile()): Promise<Warehouse> => {
  const wh = await openWarehouseAsync(dbFile)
  await upsertSources(wh, [...fixtureSources, routineSource])
  const runId = await startRun(wh, { runId: 'r-fixture', mode: 'test', extractorVersion: 'fixture-1' })
  await loadBatch(wh, runId, [...fixtureItems, ...routineItems], { extractorVersion: 'fixture-1' })
  await finalizeRun(wh, runId)
  await endRun(wh, runId, 'ok')
  return wh
}
