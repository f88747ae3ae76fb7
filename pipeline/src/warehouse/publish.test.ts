import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { describe, expect, it } from 'vitest'
import { queryRows, queryValue } from './db.ts'
import { loadBatch } from './load.ts'
import { closeWarehouseSync } from './open.ts'
import { currentPointer, currentPublished, publish, publishedDir } from './publish.ts'
import { LOADED_TABLES } from './tables.ts'
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

      // The published bytes hold exactly the working tables (a file copy since issue #17).
      const sums = async (conn: DuckDBConnection) => {
        const out: string[] = []
        for (const t of [...Object.keys(LOADED_TABLES), 'documents', 'events', 'search_terms'])
          out.push(String(await queryValue(conn, `SELECT count(*) || ':' || bit_xor(hash(x)) FROM ${t} x`)))
        return out
      }
      const published = await openReadOnly(v4.file)
      expect(await sums(published.conn)).toEqual(await sums(wh.conn))
      published.conn.closeSync()
      published.inst.closeSync()
    } finally {
      closeWarehouseSync(wh)
    }
  })

  it("falls back to DuckDB's own copy when the database is not a file on disk", async () => {
    const inst = await DuckDBInstance.create(':memory:')
    const conn = await inst.connect()
    const dbFile = tempDbFile()
    try {
      await conn.run(`CREATE TABLE articles AS SELECT range AS n FROM range(7)`)
      const v = await publish({ dbFile, instance: inst, conn })
      const reader = await openReadOnly(v.file)
      expect(Number(await queryValue(reader.conn, 'SELECT sum(n) FROM articles'))).toBe(21)
      reader.conn.closeSync()
      reader.inst.closeSync()
    } finally {
      conn.closeSync()
      inst.closeSync()
    }
  })
})
