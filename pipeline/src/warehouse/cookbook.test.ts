import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../paths.ts'
import { queryRows, type Warehouse } from './db.ts'
import { closeWarehouseSync } from './open.ts'
import { buildFixtureWarehouse } from './testing/build.ts'

/** Every ```sql block of docs/sql-cookbook.md with the question above it. */
const recipes = (() => {
  const md = readFileSync(path.join(repoRoot, 'docs', 'sql-cookbook.md'), 'utf8')
  return [...md.matchAll(/### (.+)\n+```sql\n([\s\S]*?)```/g)].map((m) => ({
    title: m[1] ?? '',
    sql: m[2] ?? '',
  }))
})()

// Each question must have an answer in the fixture warehouse (non-empty).
describe('docs/sql-cookbook.md', () => {
  let wh: Warehouse
  beforeAll(async () => {
    wh = await buildFixtureWarehouse()
  })
  afterAll(() => closeWarehouseSync(wh))

  it('has at least ten questions', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(10)
  })

  it.each(recipes)('$title', async ({ sql }) => {
    const rows = await queryRows(wh.conn, sql)
    expect(rows.length).toBeGreaterThan(0)
  })

  it('answers with the facts the fixtures plant', async () => {
    const bySql = (n: number) => queryRows(wh.conn, recipes[n - 1]?.sql ?? 'SELECT 1 WHERE false')
    expect((await bySql(3)).map((r) => [r.label, r.delay_days])).toEqual([
      ['Đại hội thi đua yêu nước lần thứ VI (2025-2030)', 17],
    ])
    expect((await bySql(8)).map((r) => r.former_province)).toEqual(['Kon Tum'])
    expect(String((await bySql(9))[0]?.snippet)).toContain('<mark>')
    expect((await bySql(12)).map((r) => r.sources)).toEqual([['langson-gov', 'baolangson']])
    const gaps = (await bySql(11)).filter((r) => r.source_id === 'baotintuc').map((r) => String(r.month))
    expect(gaps[0]).toBe('2024-09-01')
  })
})
