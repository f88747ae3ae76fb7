/**
 * Published aggregates on the embedded database (issue #17): `thidua run` over the offline snapshot,
 * then every aggregate-backed dashboard query against its direct SQL twin under all 108 filter
 * combinations (unit system, years, source kind, campaign, provinces): the same columns, types and
 * rows in the same order. The routes read the aggregates, so this is what the dashboard shows.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../../pipeline/src/paths.ts'
import { PublishedDb } from '../../server/src/db/published-db.ts'
import { aggregateTwins, runTwin } from '../../server/src/queries/aggregate-twins.ts'

const exec = promisify(execFile)
let dir = ''
let db: PublishedDb

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'thidua-aggregates-'))
  const file = path.join(dir, 'embedded.duckdb')
  await exec('pnpm', ['--silent', 'thidua', 'run', '--db', file], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  })
  db = await PublishedDb.open(file, { watch: false, cache: false })
}, 600_000)
afterAll(async () => {
  await db?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('published aggregates on the embedded database', () => {
  it('give the direct SQL answer of every dashboard query under every filter combination', async () => {
    const lease = db.acquire()
    try {
      const twins = await aggregateTwins(lease)
      expect(twins.length).toBeGreaterThan(500)
      let nonEmpty = 0
      for (const t of twins) {
        const direct = await runTwin(lease, t.direct, t.params)
        expect(await runTwin(lease, t.aggregate, t.params), t.name).toEqual(direct)
        if (direct.rows.length > 0) nonEmpty++
      }
      expect(nonEmpty / twins.length).toBeGreaterThan(0.5)
    } finally {
      lease.release()
    }
  }, 600_000)
})
