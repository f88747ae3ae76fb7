import { describe, expect, it } from 'vitest'
import { useRelationsApp } from '../testing/relations-app.ts'

const fx = useRelationsApp({
  name: 'impl',
  rules: { rules: [{ id: 'new-central', kind: 'new_central_document' }] },
})

const get = async (url: string) => {
  const res = await fx.h.app.request(url)
  return { status: res.status, body: (await res.json()) as any }
}

describe('GET /api/documents/:id/implementation', () => {
  it('lists each province’s first implementing document with its lag, the median and who has not answered', async () => {
    const { status, body } = await get(`/api/documents/${fx.ct41}/implementation?system=2025`)
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
    const { body } = await get(`/api/documents/${fx.ct41}/implementation?system=2008`)
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
    expect(JSON.parse(body.rows[0].evidence).document_id).toBe(fx.ct41)
    expect((await get('/api/alerts?rule=none')).body.rows).toEqual([])
    expect((await get('/api/alerts?kind=bogus')).status).toBe(400)
  })
})
