import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, type Warehouse } from '../warehouse/db.ts'
import { finalizeRun } from '../warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../warehouse/open.ts'
import { tempDbFile } from '../warehouse/testing/build.ts'
import { relationItem, relationItems, relationSources } from '../warehouse/testing/relation-items.ts'
import { parseRules } from './config.ts'
import { alertIdFor, evaluateAlerts } from './evaluate.ts'

const rules = parseRules(
  JSON.stringify({
    rules: [
      { id: 'new-central', kind: 'new_central_document' },
      { id: 'ct41', kind: 'not_answered', documents: ['41-CT/TW'], after_days: 90 },
      { id: 'congress', kind: 'congress_overdue', grace_days: 14 },
      { id: 'silent', kind: 'source_silent', factor: 3, min_days: 60 },
      { id: 'failing', kind: 'source_failing', min_failures: 3 },
    ],
  })
)
const congress = relationItem(
  9,
  'langson',
  '2024-06-12',
  'UBND tỉnh Lạng Sơn ban hành Kế hoạch số 138/KH-UBND ngày 10/6/2024 về tổ chức Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI. Theo kế hoạch, Đại hội thi đua yêu nước tỉnh Lạng Sơn lần thứ VI dự kiến tổ chức trong tháng 8 năm 2025.'
)

describe('watch rules', () => {
  let wh: Warehouse
  const count = async (n: Date) => {
    const fresh = await evaluateAlerts(wh, rules, { runId: 'r', now: n })
    const by: Record<string, number> = {}
    for (const a of fresh) by[a.rule_id] = (by[a.rule_id] ?? 0) + 1
    return by
  }
  beforeAll(async () => {
    wh = await openWarehouseAsync(tempDbFile())
    await upsertSources(wh, relationSources)
    await loadBatch(wh, 'r', [...relationItems, congress])
    await finalizeRun(wh, 'r')
    for (const [i, at] of ['2025-09-01', '2025-09-02', '2025-09-03'].entries())
      await wh.conn.run(
        `INSERT INTO crawl_fetches (run_id, source_id, url, status, attempts, error, fetched_at)
         VALUES ('r', 'yenbai', 'https://yenbai.example/${i}', NULL, 3, 'DNS: ENOTFOUND yenbai.example', CAST('${at}' AS TIMESTAMPTZ))`
      )
    await wh.conn.run(
      `INSERT INTO crawl_fetches (run_id, source_id, url, status, attempts, fetched_at)
       VALUES ('r', 'yenbai', 'https://yenbai.example/ok', 200, 1, TIMESTAMPTZ '2025-08-01 00:00:00+00')`
    )
  })
  afterAll(() => closeWarehouseSync(wh))

  it('fires each kind once per event, with evidence, and never again on later runs', async () => {
    expect(await count(new Date('2025-10-01'))).toEqual({
      'new-central': 1,
      ct41: 32,
      congress: 1,
      silent: 1,
      failing: 1,
    })
    // Same day, next day: nothing new (same events, same ids).
    expect(await count(new Date('2025-10-01'))).toEqual({})
    expect(await count(new Date('2025-10-02'))).toEqual({})
    const [a] = await queryRows(wh.conn, `SELECT subject, evidence FROM alerts WHERE rule_id = 'failing'`)
    expect(String(a?.subject)).toContain('ENOTFOUND')
    expect(JSON.parse(String(a?.evidence))).toMatchObject({ source_id: 'yenbai', failures: 3 })
    const [s] = await queryRows(wh.conn, `SELECT evidence FROM alerts WHERE rule_id = 'silent'`)
    expect(JSON.parse(String(s?.evidence))).toMatchObject({
      source_id: 'langson',
      last_published: '2025-05-03',
    })
  })

  it('fires for a new event only: a new central document, a province answering stops nothing already sent', async () => {
    await loadBatch(wh, 'r2', [
      relationItem(
        10,
        'tw',
        '2025-10-05',
        'Ngày 3/10/2025, Thủ tướng Chính phủ ban hành Chỉ thị số 30/CT-TTg về đẩy mạnh thi đua.'
      ),
    ])
    await finalizeRun(wh, 'r2')
    expect(await count(new Date('2025-10-06'))).toEqual({ 'new-central': 1 })
    const total = await queryRows(wh.conn, 'SELECT count(*) AS n, count(DISTINCT alert_id) AS d FROM alerts')
    expect(Number(total[0]?.n)).toBe(Number(total[0]?.d))
    expect(alertIdFor('ct41', 'x')).toBe(alertIdFor('ct41', 'x'))
    expect(alertIdFor('ct41', 'x')).not.toBe(alertIdFor('ct41', 'y'))
  })

  it('rejects a bad rules file with one line that names the rule and the field', () => {
    expect(() => parseRules('{"rules":[{"id":"a","kind":"nope"}]}', 'f.json')).toThrow(
      'f.json: rule "a": unknown "kind" "nope"'
    )
    expect(() => parseRules('{"rules":[{"id":"a","kind":"congress_overdue"}]}', 'f.json')).toThrow(
      '"grace_days" must be a number'
    )
    expect(() => parseRules('[]', 'f.json')).toThrow('expected {"rules": [...]}')
    expect(() =>
      parseRules(
        '{"rules":[{"id":"a","kind":"source_failing","min_failures":1},{"id":"a","kind":"source_failing","min_failures":2}]}'
      )
    ).toThrow('share the id')
  })
})
