import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, queryValue, sqlString } from './db.ts'
import { exportWarehouse, publicRelations } from './export.ts'
import { closeWarehouseSync } from './open.ts'
import { buildFixtureWarehouse, tempDbFile } from './testing/build.ts'

describe('export', () => {
  const db = tempDbFile()
  const out = path.join(path.dirname(db), 'export')
  let relations: string[] = []
  const counts: Record<string, number> = {}
  let mem: DuckDBInstance

  beforeAll(async () => {
    const wh = await buildFixtureWarehouse(db)
    relations = await publicRelations(wh.conn)
    for (const t of relations) counts[t] = Number(await queryValue(wh.conn, `SELECT count(*) FROM "${t}"`))
    closeWarehouseSync(wh)
    mem = await DuckDBInstance.create(':memory:')
  })
  afterAll(() => mem.closeSync())

  it('covers every public table and view', () => {
    for (const t of [
      'articles',
      'documents',
      'events',
      'provinces',
      'province_lineage',
      'v_campaign_coverage',
      'v_source_health',
      'milestones',
    ])
      expect(relations).toContain(t)
    expect(relations).not.toContain('search_terms')
  })

  it('writes Parquet (plain and hive-partitioned) that DuckDB reads back', async () => {
    const res = await exportWarehouse(db, { format: 'parquet', outDir: out })
    expect(res.rows).toEqual(counts)
    const conn = await mem.connect()
    for (const t of relations) {
      const n = await queryValue(
        conn,
        `SELECT count(*) FROM read_parquet(${sqlString(path.join(out, 'parquet', `${t}.parquet`))})`
      )
      expect(Number(n), t).toBe(counts[t])
    }
    const part = path.join(out, 'parquet', 'partitioned', 'articles')
    expect(readdirSync(part).sort()).toEqual([
      'province=15',
      'province=20',
      'province=40',
      'province=51',
      'province=unknown',
    ])
    const rows = await queryRows(
      conn,
      `SELECT province, year, count(*) AS n FROM read_parquet(${sqlString(`${part}/*/*/*.parquet`)}, hive_partitioning = true)
       WHERE province = '51' GROUP BY ALL ORDER BY year`
    )
    expect(rows).toEqual([
      { province: '51', year: '2024', n: '1' },
      { province: '51', year: '2025', n: '1' },
    ])
    const mentions = await queryValue(
      conn,
      `SELECT count(*) FROM read_parquet(${sqlString(`${out}/parquet/partitioned/document_mentions/*/*/*.parquet`)}, hive_partitioning = true)`
    )
    expect(Number(mentions)).toBe(counts.document_mentions)
    conn.closeSync()
  })

  it('writes CSV that DuckDB reads back', async () => {
    await exportWarehouse(db, { format: 'csv', outDir: out })
    const conn = await mem.connect()
    for (const t of ['articles', 'documents', 'v_province_timeline']) {
      const n = await queryValue(
        conn,
        `SELECT count(*) FROM read_csv(${sqlString(path.join(out, 'csv', `${t}.csv`))}, header = true)`
      )
      expect(Number(n)).toBe(counts[t])
    }
    const title = await queryValue(
      conn,
      `SELECT title FROM read_csv(${sqlString(path.join(out, 'csv', 'articles.csv'))}, header = true) WHERE url LIKE '%kon-tum-cu%'`
    )
    expect(title).toBe('Khu vực Kon Tum (cũ) đẩy mạnh phong trào thi đua xây dựng nông thôn mới')
    conn.closeSync()
  })

  it('writes JSON arrays of row objects, numbers as numbers', async () => {
    await exportWarehouse(db, { format: 'json', outDir: out })
    for (const t of relations) {
      const rows = JSON.parse(readFileSync(path.join(out, 'json', `${t}.json`), 'utf8')) as unknown[]
      expect(rows.length, t).toBe(counts[t])
    }
    const docs = JSON.parse(readFileSync(path.join(out, 'json', 'documents.json'), 'utf8')) as Array<
      Record<string, unknown>
    >
    const ct41 = docs.find((d) => d.label === 'Chỉ thị 41-CT/TW')
    expect(typeof ct41?.mention_count).toBe('number')
  })

  it('writes a data dictionary with both comment halves for every exported column', async () => {
    const res = await exportWarehouse(db, { format: 'csv', outDir: out })
    const file = path.join(out, 'csv', 'data_dictionary.csv')
    expect(res.files).toContain(file)
    const conn = await mem.connect()
    const rows = await queryRows(conn, `SELECT * FROM read_csv(${sqlString(file)}, header = true)`)
    conn.closeSync()
    const wh = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })
    const whConn = await wh.connect()
    const columns = Number(
      await queryValue(
        whConn,
        `SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main'
         AND table_name IN (${relations.map(sqlString).join(', ')})`
      )
    )
    whConn.closeSync()
    wh.closeSync()
    expect(rows.length).toBe(columns)
    expect(Object.keys(rows[0] ?? {})).toEqual(['table', 'column', 'type', 'comment_vi', 'comment_en'])
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set(relations))
    // v_source_health is re-created by finalize; its comments must survive that.
    const empty = rows.filter((r) => !r.comment_vi || !r.comment_en).map((r) => `${r.table}.${r.column}`)
    expect(empty).toEqual([])
    const url = rows.find((r) => r.table === 'articles' && r.column === 'url')
    expect(url).toMatchObject({ type: 'VARCHAR', comment_vi: 'URL chuẩn', comment_en: 'canonical URL' })
  })

  it('writes Arrow IPC files that apache-arrow reads back with types', async () => {
    await exportWarehouse(db, { format: 'arrow', outDir: out })
    for (const t of relations) {
      const table = tableFromIPC(readFileSync(path.join(out, 'arrow', `${t}.arrow`)))
      expect(table.numRows, t).toBe(counts[t])
    }
    const docs = tableFromIPC(readFileSync(path.join(out, 'arrow', 'documents.arrow')))
    const labels = docs.getChild('label')?.toArray() as string[]
    expect(labels).toContain('Chỉ thị 41-CT/TW')
    expect(String(docs.schema.fields.find((f) => f.name === 'issued_on')?.type)).toMatch(/Date/)
    expect(String(docs.schema.fields.find((f) => f.name === 'mention_count')?.type)).toMatch(/Int32/)
  })
})
