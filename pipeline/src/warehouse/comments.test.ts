import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, type Warehouse } from './db.ts'
import { publicRelations } from './export.ts'
import { closeWarehouseSync, openWarehouseAsync } from './open.ts'
import { readFileSync } from 'node:fs'
import { reapplyComments, splitComment } from './comments.ts'
import { currentBlock, dataModelFile, renderColumnReference } from './data-model-doc.ts'
import { tempDbFile } from './testing/build.ts'

// A new public table, view or column without a 'Tiếng Việt | English' comment fails here on purpose.
describe('warehouse comments', () => {
  let wh: Warehouse
  let relations: string[] = []
  beforeAll(async () => {
    wh = await openWarehouseAsync(tempDbFile())
    relations = await publicRelations(wh.conn)
  })
  afterAll(() => closeWarehouseSync(wh))

  const inList = () => relations.map((r) => `'${r}'`).join(', ')

  it('finds the public relations', () => {
    expect(relations).toContain('articles')
    expect(relations).toContain('v_province_timeline')
  })

  it('has a Vietnamese and an English comment on every column of every public table and view', async () => {
    const rows = await queryRows(
      wh.conn,
      `SELECT table_name, column_name, comment FROM duckdb_columns()
       WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN (${inList()})`
    )
    expect(rows.length).toBeGreaterThan(100)
    const bad = rows
      .filter((r) => {
        const [vi, en] = splitComment(r.comment as string | null)
        return typeof r.comment !== 'string' || !r.comment.includes(' | ') || vi === '' || en === ''
      })
      .map((r) => `${r.table_name}.${r.column_name}: ${String(r.comment)}`)
    expect(bad).toEqual([])
  })

  it('has a comment on every public table and view', async () => {
    const rows = await queryRows(
      wh.conn,
      `SELECT table_name AS name, comment FROM duckdb_tables() WHERE database_name = current_database()
       UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE database_name = current_database()`
    )
    const commented = new Set(
      rows.filter((r) => typeof r.comment === 'string' && r.comment.includes(' | ')).map((r) => r.name)
    )
    expect(relations.filter((r) => !commented.has(r))).toEqual([])
  })

  it('matches the column reference of docs/data-model.md (else run `pnpm docs:data-model`)', async () => {
    const doc = readFileSync(dataModelFile, 'utf8')
    expect(currentBlock(doc)).toBe((await renderColumnReference(wh.conn)).trim())
  })

  it('re-applies the comments of a view re-created at run time', async () => {
    await wh.conn.run('CREATE OR REPLACE VIEW v_article_units AS SELECT * FROM v_article_units')
    const lost = await queryRows(
      wh.conn,
      `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'v_article_units' AND comment IS NULL`
    )
    expect(Number(lost[0]?.n)).toBeGreaterThan(0)
    expect(await reapplyComments(wh.conn, ['v_article_units'])).toBeGreaterThan(1)
    const after = await queryRows(
      wh.conn,
      `SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'v_article_units' AND comment IS NULL`
    )
    expect(Number(after[0]?.n)).toBe(0)
  })
})
