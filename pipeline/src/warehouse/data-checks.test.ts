import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, type Warehouse } from './db.ts'
import { closeWarehouseSync } from './open.ts'
import { buildFixtureWarehouse } from './testing/build.ts'

/** The data checks of issue #13: each one finds a contradiction planted in a copy of the fixture data. */
describe('data check views', () => {
  let wh: Warehouse
  const count = async (view: string) =>
    Number((await queryRows(wh.conn, `SELECT count(*) AS n FROM ${view}`))[0]?.n)
  const summary = async () =>
    Object.fromEntries(
      (await queryRows(wh.conn, 'SELECT check_id, row_count FROM v_data_checks')).map((r) => [
        r.check_id,
        Number(r.row_count),
      ])
    )
  beforeAll(async () => {
    wh = await buildFixtureWarehouse()
  })
  afterAll(() => closeWarehouseSync(wh))

  it('lists five checks, each counting its own view', async () => {
    const s = await summary()
    expect(Object.keys(s).sort()).toEqual([
      'cited_before_issue',
      'duplicate_documents',
      'held_before_planned',
      'implausible_lags',
      'silent_provinces',
    ])
    expect(s.cited_before_issue).toBe(await count('v_check_cited_before_issue'))
  })

  it('finds a document cited before its issue date and an event held before its window', async () => {
    const before = await summary()
    const doc = (
      await queryRows(
        wh.conn,
        `SELECT document_id, issued_on FROM documents WHERE issued_on IS NOT NULL LIMIT 1`
      )
    )[0]
    // move the issue date after every citing article: each citation now precedes the issue
    await wh.conn.run(
      `UPDATE documents SET issued_on = DATE '2099-01-01' WHERE document_id = '${doc?.document_id}'`
    )
    const ev = (await queryRows(wh.conn, 'SELECT event_id FROM events WHERE held_on IS NOT NULL LIMIT 1'))[0]
    await wh.conn.run(
      `UPDATE events SET planned_start = held_on + 30, planned_end = held_on + 60 WHERE event_id = '${ev?.event_id}'`
    )
    const after = await summary()
    expect(after.cited_before_issue).toBeGreaterThan(before.cited_before_issue ?? 0)
    expect(after.held_before_planned).toBe((before.held_before_planned ?? 0) + 1)
    const row = (
      await queryRows(
        wh.conn,
        `SELECT days_early FROM v_check_held_before_planned WHERE event_id = '${ev?.event_id}'`
      )
    )[0]
    expect(Number(row?.days_early)).toBe(30)
  })

  it('finds the same provincial document attributed to two provinces', async () => {
    const before = await count('v_check_duplicate_documents')
    await wh.conn.run(`
      INSERT INTO documents (document_id, type, number, symbol, issued_on, is_central, province_code_2008, province_code_2025)
      SELECT 'dup-' || document_id, type, number, symbol, issued_on, false, CASE province_code_2008 WHEN '20' THEN '15' ELSE '20' END, province_code_2025
      FROM documents WHERE NOT coalesce(is_central, false) AND issued_on IS NOT NULL AND number IS NOT NULL AND province_code_2008 IS NOT NULL
      LIMIT 1`)
    expect(await count('v_check_duplicate_documents')).toBe(before + 1)
  })
})
