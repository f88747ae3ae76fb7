import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { finalizeRun } from '../../../pipeline/src/warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../../../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../../../pipeline/src/warehouse/open.ts'
import { publish } from '../../../pipeline/src/warehouse/publish.ts'
import { relationItems, relationSources } from '../../../pipeline/src/warehouse/testing/relation-items.ts'
import { parseRules } from '../../../pipeline/src/alerts/config.ts'
import { evaluateAlerts } from '../../../pipeline/src/alerts/evaluate.ts'
import { createApp, type AppHandle } from '../app.ts'

let dir: string
let h: AppHandle
let ct41: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-impl-'))
  const wh = await openWarehouseAsync(path.join(dir, 'thidua.duckdb'))
  try {
    await upsertSources(wh, relationSources)
    await loadBatch(wh, 'r-impl', relationItems)
    await finalizeRun(wh, 'r-impl')
    const r = await wh.conn.runAndReadAll(
      `SELECT document_id FROM documents WHERE label = 'Chỉ thị 41-CT/TW'`
    )
    ct41 = String(r.getRowObjects()[0]?.document_id)
    await evaluateAlerts(wh, parseRules('{"rules":[{"id":"new-central","kind":"new_central_document"}]}'), {
      now: new Date('2025-06-01'),
    })
    await publish(wh)
  } finally {
    closeWarehouseSync(wh)
  }
  h = await createApp({ dbFile: path.join(dir, 'thidua.duckdb'), watch: false })
})
afterAll(async () => {
  await h?.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = async (url: string) => {
  const res = await h.app.request(url)
  return { status: res.status, body: (await res.json()) as any }
}

describe('GET /api/documents/:id/implementation', () => {
  it('lists each province’s first implementing document with its lag, the median and who has not answered', async () => {
    const { status, body } = await get(`/api/documents/${ct41}/implementation?system=2025`)
    expect(status).toBe(200)
    expect(body.document.label).toBe('Chỉ thị 41-CT/TW')
    expect(
      body.implementing.map((r: any) => [
        r.province_name,
        r.implementing_label,
        r.lag_days,
        r.via_predecessor,
      ])
    ).toEqual([
      ['Lào Cai', 'Kế hoạch 30/KH-UBND', 46, true],
      ['Lạng Sơn', 'Kế hoạch 45/KH-UBND', 67, false],
    ])
    expect(body.implementing[0].predecessor_name).toBe('Yên Bái')
    expect(body.summary).toMatchObject({ provinces_total: 34, provinces_answered: 2, median_lag_days: 56.5 })
    expect(body.not_yet).toHaveLength(32)
    expect(body.below.map((r: any) => r.label).sort()).toEqual([
      'Hướng dẫn 12/HD-SNV',
      'Kế hoạch 30/KH-UBND',
      'Kế hoạch 45/KH-UBND',
    ])
  })

  it('gives the chain above a provincial plan, and 63 units on request', async () => {
    const { body } = await get(`/api/documents/${ct41}/implementation?system=2008`)
    expect(body.provinces).toHaveLength(63)
    const plan = body.implementing.find((r: any) => r.implementing_label === 'Kế hoạch 45/KH-UBND')
    const up = await get(`/api/documents/${plan.implementing_document_id}/implementation`)
    expect(up.body.above.map((r: any) => [r.relation, r.label])).toEqual([['implements', 'Chỉ thị 41-CT/TW']])
    expect(up.body.below.map((r: any) => [r.relation, r.label])).toEqual([
      ['amends', 'Quyết định 80/QĐ-UBND'],
    ])
    expect(String(up.body.above[0].evidence)).toContain('Thực hiện Chỉ thị số 41-CT/TW')
  })

  it('answers 404 with one clear message for an unknown document', async () => {
    const { status, body } = await get('/api/documents/d_0000000000000000/implementation')
    expect(status).toBe(404)
    expect(body.error.message_en).toContain('d_0000000000000000')
  })
})

describe('GET /api/alerts', () => {
  it('lists the fired alerts with their evidence, filtered by rule', async () => {
    const { status, body } = await get('/api/alerts?rule=new-central')
    expect(status).toBe(200)
    expect(body.rows.map((r: any) => r.subject)).toEqual([
      'Văn bản trung ương mới: Chỉ thị 41-CT/TW của Bộ Chính trị (2024-12-26)',
    ])
    expect(JSON.parse(body.rows[0].evidence).document_id).toBe(ct41)
    expect((await get('/api/alerts?rule=none')).body.rows).toEqual([])
    expect((await get('/api/alerts?kind=bogus')).status).toBe(400)
  })
})
