import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, queryValue, sqlString } from './db.ts'
import { exportWarehouse, publicRelations } from './export.ts'
import { HIVE_PARTITIONED, MANIFEST, type Manifest } from './export-hive.ts'
import { closeWarehouseSync } from './open.ts'
import { buildFixtureWarehouse, tempDbFile } from './testing/build.ts'

describe('export --format parquet-hive', () => {
  const db = tempDbFile('hive')
  const out = path.join(path.dirname(db), 'export')
  const dir = path.join(out, 'parquet-hive')
  const counts: Record<string, number> = {}
  let byProvinceYear: Array<Record<string, unknown>> = []
  let manifest: Manifest
  let mem: DuckDBInstance

  beforeAll(async () => {
    const wh = await buildFixtureWarehouse(db)
    for (const t of await publicRelations(wh.conn))
      counts[t] = Number(await queryValue(wh.conn, `SELECT count(*) FROM "${t}"`))
    byProvinceYear = await queryRows(
      wh.conn,
      `SELECT coalesce(province_code_2025, 'unknown') AS province,
         coalesce(CAST(year(published_date) AS VARCHAR), 'unknown') AS year, count(*) AS n
       FROM document_mentions JOIN articles USING (article_id) GROUP BY ALL ORDER BY ALL`
    )
    closeWarehouseSync(wh)
    await exportWarehouse(db, { format: 'parquet-hive', outDir: out })
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest
    mem = await DuckDBInstance.create(':memory:')
  })
  afterAll(() => mem.closeSync())

  it('splits article tables by province and year, readable as-is by DuckDB', async () => {
    expect(readdirSync(path.join(dir, 'articles')).sort()).toEqual([
      'province=15',
      'province=20',
      'province=40',
      'province=51',
      'province=unknown',
    ])
    const conn = await mem.connect()
    const glob = (t: string) => sqlString(path.join(dir, t, '**', '*.parquet'))
    for (const t of HIVE_PARTITIONED)
      expect(
        Number(
          await queryValue(conn, `SELECT count(*) FROM read_parquet(${glob(t)}, hive_partitioning = true)`)
        ),
        t
      ).toBe(counts[t])
    const split = await queryRows(
      conn,
      `SELECT province::VARCHAR AS province, year::VARCHAR AS year, count(*) AS n
       FROM read_parquet(${glob('document_mentions')}, hive_partitioning = true) GROUP BY ALL ORDER BY ALL`
    )
    expect(split).toEqual(byProvinceYear)
    // a partition filter reads that partition's files only
    const plan = await queryRows(
      conn,
      `EXPLAIN ANALYZE SELECT count(*) FROM read_parquet(${glob('articles')}, hive_partitioning = true) WHERE province = '20'`
    )
    const inProvince = readdirSync(path.join(dir, 'articles', 'province=20')).length
    const all = manifest.tables.articles?.files.length
    expect(String(plan[0]?.explain_value)).toContain(`Scanning Files: ${inProvince}/${all}`)
    conn.closeSync()
  })

  it('writes a manifest of every table: rows, schema with comments, files with checksums', async () => {
    expect(manifest.format).toBe('parquet-hive')
    expect(manifest.published_version).toBe('hive')
    expect(Object.keys(manifest.tables).sort()).toEqual(Object.keys(counts).sort())
    for (const [t, n] of Object.entries(counts)) expect(manifest.tables[t]?.rows, t).toBe(n)
    expect(manifest.tables.articles?.partitioned_by).toEqual(['province', 'year'])
    expect(manifest.tables.documents?.partitioned_by).toEqual([])
    const title = manifest.tables.articles?.columns.find((c) => c.name === 'title')
    expect(title?.comment_en).not.toBe('')
    for (const f of manifest.tables.events?.files ?? []) {
      const bytes = readFileSync(path.join(dir, f.path))
      expect(bytes.length).toBe(f.bytes)
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256)
    }
    const conn = await mem.connect()
    const docs = manifest.tables.documents?.files[0]
    expect(
      Number(
        await queryValue(
          conn,
          `SELECT count(*) FROM read_parquet(${sqlString(path.join(dir, docs?.path ?? ''))})`
        )
      )
    ).toBe(counts.documents)
    conn.closeSync()
  })
})
