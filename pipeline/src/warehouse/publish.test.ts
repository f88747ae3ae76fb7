import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { queryRows, queryValue } from './db.ts'
import { loadBatch } from './load.ts'
import { closeWarehouseSync } from './open.ts'
import { currentPointer, currentPublished, publish, publishedDir } from './publish.ts'
import { buildFixtureWarehouse, tempDbFile } from './testing/build.ts'
import { makeItem } from './testing/fixtures.ts'

const openReadOnly = async (file: string) => {
  const inst = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  return { inst, conn: await inst.connect() }
}

describe('publish', () => {
  it('publishes versions atomically while a reader keeps querying the previous one', async () => {
    const db = tempDbFile()
    const wh = await buildFixtureWarehouse(db)
    try {
      const v1 = await publish(wh)
      expect(readFileSync(currentPointer(db), 'utf8').trim()).toBe(v1.version)
      expect(currentPublished(db)).toBe(v1.file)

      // A researcher (second DuckDB instance) holds v1 open read-only, macros and views included.
      const reader = await openReadOnly(v1.file)
      const before = Number(await queryValue(reader.conn, 'SELECT count(*) FROM articles'))
      expect(before).toBe(43)
      expect((await queryRows(reader.conn, `SELECT * FROM search_articles('thi dua') LIMIT 1`)).length).toBe(
        1
      )

      await loadBatch(wh, 'r2', [
        makeItem({
          url: 'https://langson.gov.vn/tin-tuc/moi.html',
          source_id: 'langson-gov',
          title: 'Lạng Sơn phát động thi đua cao điểm',
          published_at: '2025-10-01T08:00:00+07:00',
          body: 'Tỉnh Lạng Sơn phát động đợt thi đua cao điểm chào mừng Đại hội Đảng.',
        }),
      ])
      // Publish v2 while the reader keeps running queries against v1.
      const queries = (async () => {
        const seen: number[] = []
        for (let i = 0; i < 20; i++)
          seen.push(Number(await queryValue(reader.conn, 'SELECT count(*) FROM articles')))
        return seen
      })()
      const v2 = await publish(wh)
      expect(await queries).toEqual(Array(20).fill(43))
      expect(v2.version > v1.version).toBe(true)
      expect(currentPublished(db)).toBe(v2.file)
      reader.conn.closeSync()
      reader.inst.closeSync()

      const fresh = await openReadOnly(v2.file)
      expect(Number(await queryValue(fresh.conn, 'SELECT count(*) FROM articles'))).toBe(44)
      await expect(fresh.conn.run('DELETE FROM articles')).rejects.toThrow(/read-only/i)
      fresh.conn.closeSync()
      fresh.inst.closeSync()

      // Older versions are pruned, CURRENT's file is always kept; no temp files are left behind.
      await publish(wh, { keep: 2 })
      const v4 = await publish(wh, { keep: 2 })
      const files = readdirSync(publishedDir(db)).sort()
      expect(files.filter((f) => f.endsWith('.duckdb')).length).toBe(2)
      expect(files).toContain(path.basename(v4.file))
      expect(files.some((f) => f.endsWith('.tmp'))).toBe(false)
      expect(existsSync(v1.file)).toBe(false)
    } finally {
      closeWarehouseSync(wh)
    }
  })
})
