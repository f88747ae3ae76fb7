import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cookbookFile, cookbookRecipes } from './cookbook.ts'
import { queryRows } from './db.ts'
import { fixtureWarehouseSuite } from './testing/suite.ts'

const recipes = cookbookRecipes()

// Each question must have an answer in the fixture warehouse (non-empty); the embedded data is
// checked by test/integration/embedded-run.test.ts.
describe('docs/sql-cookbook.md', () => {
  const fx = fixtureWarehouseSuite()

  it('has at least ten questions, each with its SQL', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(10)
    const headings = readFileSync(cookbookFile, 'utf8').match(/^### /gm) ?? []
    expect(recipes.length).toBe(headings.length)
  })

  it.each(recipes)('$title', async ({ sql }) => {
    const rows = await queryRows(fx.wh.conn, sql)
    expect(rows.length).toBeGreaterThan(0)
  })

  it('answers with the facts the fixtures plant', async () => {
    const bySql = (n: number) => queryRows(fx.wh.conn, recipes[n - 1]?.sql ?? 'SELECT 1 WHERE false')
    expect((await bySql(3)).map((r) => [r.label, r.delay_days])).toEqual([
      ['Đại hội thi đua yêu nước lần thứ VI (2025-2030)', 17],
    ])
    expect((await bySql(8)).map((r) => r.former_province)).toEqual(['Kon Tum'])
    expect(String((await bySql(9))[0]?.snippet)).toContain('<mark>')
    // The fixture's one syndicated story (portal + newspaper) shows as near-copies of one event.
    const copied = (await bySql(12)).filter((r) => Number(r.near_copies) > 0)
    expect(copied.map((r) => [r.outlets, Number(r.near_copies)])).toEqual([
      [['baolangson', 'langson-gov'], 2],
    ])
    const gaps = (await bySql(11)).filter((r) => r.source_id === 'baotintuc').map((r) => String(r.month))
    expect(gaps[0]).toBe('2024-09-01')
  })
})
