import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from '../paths.ts'
import { queryRows, type Warehouse } from './db.ts'
import { finalizeRun } from './finalize.ts'
import { loadBatch, upsertSources } from './load.ts'
import { closeWarehouseSync, openWarehouseAsync } from './open.ts'
import { endRun, startRun } from './runs.ts'
import { tempDbFile } from './testing/build.ts'
import { relationItems as items, relationSources } from './testing/relation-items.ts'

describe('document relations and implementation views', () => {
  let wh: Warehouse
  beforeAll(async () => {
    wh = await openWarehouseAsync(tempDbFile())
    await upsertSources(wh, relationSources)
    const run = await startRun(wh, { runId: 'r-rel', mode: 'test', extractorVersion: 'x' })
    await loadBatch(wh, run, items)
    await finalizeRun(wh, run)
    await endRun(wh, run, 'ok')
  })
  afterAll(() => closeWarehouseSync(wh))

  const label = `(SELECT label FROM documents d WHERE d.document_id = x)`

  it('resolves each stated relation to documents, campaigns and the stating span', async () => {
    const rows = await queryRows(
      wh.conn,
      `SELECT ${label.replace('x', 'r.from_document_id')} AS f, r.relation,
         coalesce(${label.replace('x', 'r.to_document_id')}, r.to_campaign_id) AS t,
         substring(a.body_text, r.span_start + 1, r.span_end - r.span_start) AS said
       FROM document_relations r JOIN articles a USING (article_id) ORDER BY f, relation, t`
    )
    expect(rows.map((r) => [r.f, r.relation, r.t])).toEqual([
      ['Hướng dẫn 12/HD-SNV', 'implements', 'Chỉ thị 41-CT/TW'],
      ['Kế hoạch 30/KH-UBND', 'implements', 'Chỉ thị 41-CT/TW'],
      ['Kế hoạch 30/KH-UBND', 'launches', 'xoa_nha_tam'],
      ['Kế hoạch 45/KH-UBND', 'implements', 'Chỉ thị 41-CT/TW'],
      ['Quyết định 80/QĐ-UBND', 'amends', 'Kế hoạch 45/KH-UBND'],
    ])
    expect(String(rows[3]?.said)).toMatch(/^Thực hiện Chỉ thị số 41-CT\/TW.*Kế hoạch số 45\/KH-UBND$/)
  })

  it('gives each province its first implementing document and lag, in both unit systems', async () => {
    const rows = await queryRows(
      wh.conn,
      `SELECT i.system, i.province_code_2008 AS p8, i.province_code_2025 AS p25, ${label.replace('x', 'i.implementing_document_id')} AS doc,
         i.lag_days, i.via_predecessor
       FROM v_implementation i JOIN documents c ON c.document_id = i.central_document_id
       WHERE c.label = 'Chỉ thị 41-CT/TW' ORDER BY system, p25, p8`
    )
    expect(rows.map((r) => [r.system, r.p8, r.p25, r.doc, Number(r.lag_days), r.via_predecessor])).toEqual([
      ['2008', '15', '15', 'Kế hoạch 30/KH-UBND', 46, false],
      ['2008', '20', '20', 'Kế hoạch 45/KH-UBND', 67, false],
      // Yên Bái went into Lào Cai on 1 July 2025: the new Lào Cai has answered through it.
      ['2025', '15', '15', 'Kế hoạch 30/KH-UBND', 46, true],
      ['2025', '20', '20', 'Kế hoạch 45/KH-UBND', 67, false],
    ])
  })

  it('gives the national median and the provinces still waiting', async () => {
    const [s] = await queryRows(
      wh.conn,
      `SELECT provinces_total, provinces_answered, median_lag_days FROM v_implementation_summary i
       JOIN documents c ON c.document_id = i.central_document_id WHERE c.label = 'Chỉ thị 41-CT/TW' AND system = '2025'`
    )
    expect([Number(s?.provinces_total), Number(s?.provinces_answered), Number(s?.median_lag_days)]).toEqual([
      34, 2, 56.5,
    ])
    const pending = await queryRows(
      wh.conn,
      `SELECT p.system, count(*) AS n, bool_or(province_code = '20') AS has_langson, min(days_waiting) AS waited
       FROM v_implementation_pending p JOIN documents c ON c.document_id = p.central_document_id
       WHERE c.label = 'Chỉ thị 41-CT/TW' GROUP BY p.system ORDER BY p.system`
    )
    expect(pending.map((r) => [r.system, Number(r.n), r.has_langson])).toEqual([
      ['2008', 61, false],
      ['2025', 32, false],
    ])
    expect(Number(pending[0]?.waited)).toBeGreaterThan(300)
  })
})

describe('docs/sql-cookbook.md: the implementation recipe', () => {
  it('lists the answered provinces first with their lag and the rest as waiting', async () => {
    const md = readFileSync(path.join(repoRoot, 'docs', 'sql-cookbook.md'), 'utf8')
    const sql = /### 14\. Who has answered[^\n]*\n[\s\S]*?```sql\n([\s\S]*?)```/.exec(md)?.[1]
    expect(sql).toBeDefined()
    const wh = await openWarehouseAsync(tempDbFile())
    try {
      await upsertSources(wh, relationSources)
      await loadBatch(wh, 'r-cookbook', items)
      await finalizeRun(wh, 'r-cookbook')
      const rows = await queryRows(wh.conn, sql!)
      expect(rows).toHaveLength(34)
      expect(
        rows
          .slice(0, 2)
          .map((r) => [r.province_code, r.implementing_document, Number(r.lag_days), r.via_predecessor])
      ).toEqual([
        ['15', 'Kế hoạch 30/KH-UBND', 46, true],
        ['20', 'Kế hoạch 45/KH-UBND', 67, false],
      ])
      expect(Number(rows[0]?.national_median_lag)).toBe(56.5)
      expect(
        rows.slice(2).every((r) => r.implementing_document === null && Number(r.days_waiting) > 300)
      ).toBe(true)
    } finally {
      closeWarehouseSync(wh)
    }
  })
})
