import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PublishedDb } from '../db/published-db.ts'
import { buildTestDb } from '../testing/warehouse-db.ts'
import { aggregateTwins, runTwin } from './aggregate-twins.ts'
import { AGGREGATES } from './aggregates.ts'

let dir: string
let db: PublishedDb

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-aggregates-'))
  db = await PublishedDb.open((await buildTestDb(dir)).dbFile, { watch: false, cache: false })
}, 120_000)
afterAll(async () => {
  await db?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('published aggregates (fixture warehouse)', () => {
  it('are published with the version and hold rows', async () => {
    const lease = db.acquire()
    try {
      expect(await lease.has(...AGGREGATES)).toBe(true)
      expect(await lease.has('agg_units_month', 'no_such_table')).toBe(false)
      const n = (await lease.query('SELECT count(*) AS n FROM agg_campaign_month')).rows[0]?.n
      expect(Number(n)).toBeGreaterThan(0)
    } finally {
      lease.release()
    }
  })

  it('answer every route exactly as the direct SQL does, under many filter combinations', async () => {
    const lease = db.acquire()
    try {
      // every 7th of the 108 filter combinations (the embedded test runs them all)
      const twins = await aggregateTwins(lease, 7)
      expect(twins.length).toBeGreaterThan(100)
      let nonEmpty = 0
      for (const t of twins) {
        const direct = await runTwin(lease, t.direct, t.params)
        const agg = await runTwin(lease, t.aggregate, t.params)
        expect(agg, t.name).toEqual(direct)
        if (direct.rows.length > 0) nonEmpty++
      }
      // the comparisons meet real rows, not only empty answers
      expect(nonEmpty / twins.length).toBeGreaterThan(0.5)
    } finally {
      lease.release()
    }
  }, 300_000)
})
