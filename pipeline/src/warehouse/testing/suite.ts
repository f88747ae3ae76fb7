/** Vitest helpers for warehouse tests (imported by tests only). */
import { afterAll, beforeAll } from 'vitest'
import type { Warehouse } from '../db.ts'
import { closeWarehouseSync } from '../open.ts'
import { buildFixtureWarehouse } from './build.ts'

/** The fixture warehouse of a describe block: built before its tests, closed after them. */
export const fixtureWarehouseSuite = (): { readonly wh: Warehouse } => {
  let built: Warehouse | undefined
  beforeAll(async () => {
    built = await buildFixtureWarehouse()
  })
  afterAll(() => {
    if (built) closeWarehouseSync(built)
  })
  return {
    get wh(): Warehouse {
      if (!built) throw new Error('the fixture warehouse is built in beforeAll: use it inside a test')
      return built
    },
  }
}
