import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, type Warehouse } from './db.ts'
import { finalizeRun } from './finalize.ts'
import { closeWarehouseSync } from './open.ts'
import { buildFixtureWarehouse } from './testing/build.ts'

// Mentions inserted by hand bypass loadBatch's queue of changed articles: finalize them in full.
const HAND_WRITTEN = { full: true }

/**
 * One real congress, one event row (issue #13): a report naming "Đại hội thi đua yêu nước (2020-2025)"
 * and another naming "lần thứ V", held in 2025, are the same congress once resolved.
 */
describe('event resolution joins a cycle-keyed congress to its ordinal', () => {
  let wh: Warehouse
  beforeAll(async () => {
    wh = await buildFixtureWarehouse()
    const [a, b] = (
      await queryRows(wh.conn, 'SELECT article_id FROM articles ORDER BY article_id LIMIT 2')
    ).map((r) => String(r.article_id))
    const row = (
      article: string,
      idx: number,
      id: string,
      ordinal: string,
      period: string,
      status: string,
      start: string,
      end: string
    ) =>
      `('${article}', ${idx}, 'dai_hoi_thi_dua', 'province', 'Nghệ An', '99', '99', ${ordinal}, 2025, ${period}, '${status}', DATE '${start}', DATE '${end}', '${id}', 'Đại hội')`
    await wh.conn.run(`INSERT INTO event_mentions (article_id, mention_index, kind, scope, place, province_code_2008,
      province_code_2025, ordinal, year, period, status, time_start, time_end, event_id, surface) VALUES
      ${row(a ?? '', 900, 'e_test_ordinal', '5', 'NULL', 'held', '2025-09-20', '2025-09-20')},
      ${row(b ?? '', 901, 'e_test_cycle_a', 'NULL', "'2020-2025'", 'planned', '2025-09-01', '2025-09-30')},
      ${row(b ?? '', 902, 'e_test_cycle_b', 'NULL', "'2021-2025'", 'planned', '2025-09-01', '2025-09-30')},
      ${row(b ?? '', 903, 'e_test_other_cycle', 'NULL', "'2015-2020'", 'held', '2020-05-22', '2020-05-22')}`)
    await finalizeRun(wh, 'r-fixture', HAND_WRITTEN)
  })
  afterAll(() => closeWarehouseSync(wh))

  it('leaves one event for the 2025 congress, planned and held reconciled', async () => {
    const events = await queryRows(
      wh.conn,
      `SELECT event_id, ordinal, CAST(planned_start AS VARCHAR) AS planned_start, CAST(held_on AS VARCHAR) AS held_on
       FROM events WHERE event_id LIKE 'e_test_%' ORDER BY event_id`
    )
    expect(events.map((e) => e.event_id)).toEqual(['e_test_ordinal', 'e_test_other_cycle'])
    expect(events[0]).toMatchObject({ ordinal: 5, planned_start: '2025-09-01', held_on: '2025-09-20' })
  })

  it('is idempotent: a second finalize changes nothing', async () => {
    const before = await queryRows(
      wh.conn,
      "SELECT event_id, count(*) AS n FROM event_mentions WHERE event_id LIKE 'e_test_%' GROUP BY ALL ORDER BY 1"
    )
    await finalizeRun(wh, 'r-fixture')
    const after = await queryRows(
      wh.conn,
      "SELECT event_id, count(*) AS n FROM event_mentions WHERE event_id LIKE 'e_test_%' GROUP BY ALL ORDER BY 1"
    )
    expect(after).toEqual(before)
  })
})

describe('timeline layers', () => {
  let wh: Warehouse
  beforeAll(async () => {
    wh = await buildFixtureWarehouse()
    const a = String((await queryRows(wh.conn, 'SELECT article_id FROM articles LIMIT 1'))[0]?.article_id)
    await wh.conn.run(`INSERT INTO event_mentions (article_id, mention_index, kind, scope, place, province_code_2008,
      province_code_2025, ordinal, year, status, time_start, time_end, event_id, surface, organization) VALUES
      ('${a}', 950, 'other', 'province', 'Lạng Sơn', '20', '20', 18, 2025, 'held', DATE '2025-10-10', DATE '2025-10-10',
       'e_test_party', 'Đại hội Đảng bộ tỉnh lần thứ XVIII', 'party')`)
    await finalizeRun(wh, 'r-fixture', HAND_WRITTEN)
  })
  afterAll(() => closeWarehouseSync(wh))

  it('a Party congress is its own layer, not a model-example conference', async () => {
    const rows = await queryRows(
      wh.conn,
      "SELECT item_kind, organization FROM v_province_timeline WHERE event_id = 'e_test_party' AND system = '2008'"
    )
    expect(rows).toEqual([{ item_kind: 'org_congress', organization: 'party' }])
  })
})

describe('organisation congress labels', () => {
  it('a Party congress is named by its holder', async () => {
    const wh = await buildFixtureWarehouse()
    try {
      const a = String((await queryRows(wh.conn, 'SELECT article_id FROM articles LIMIT 1'))[0]?.article_id)
      await wh.conn.run(`INSERT INTO event_mentions (article_id, mention_index, kind, scope, place, province_code_2008,
        province_code_2025, ordinal, year, status, event_id, surface, organization) VALUES
        ('${a}', 960, 'other', 'province', 'Nghệ An', '40', '40', 20, 2025, 'held', 'e_test_label', 'Đại hội Đảng bộ tỉnh lần thứ XX', 'party')`)
      await finalizeRun(wh, 'r-fixture', HAND_WRITTEN)
      const rows = await queryRows(wh.conn, "SELECT label FROM events WHERE event_id = 'e_test_label'")
      expect(rows).toEqual([{ label: 'Đại hội Đảng bộ lần thứ XX' }])
    } finally {
      closeWarehouseSync(wh)
    }
  })
})
