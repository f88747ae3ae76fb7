/**
 * GET /api/alerts?province=…&system=… (issue #16): the alerts shown on a province page are those about
 * the province itself (its unanswered documents, its sources' failures) and, for a 2025 unit, those of
 * the 2008 provinces merged into it; national alerts stay on the Pipeline page.
 */
import { describe, expect, it } from 'vitest'
import { centralRules, useRelationsApp } from '../testing/relations-app.ts'

const fx = useRelationsApp({
  name: 'alerts',
  rules: {
    rules: [
      ...centralRules,
      { id: 'ct41-2008', kind: 'not_answered', documents: ['41-CT/TW'], after_days: 90, system: '2008' },
      { id: 'failing', kind: 'source_failing', min_failures: 2 },
    ],
  },
  before: async (wh, runId) => {
    // Lạng Sơn's portal: one good fetch, then two failures in a row.
    for (const [status, error, at] of [
      [200, null, '2025-05-01T01:00:00Z'],
      [null, 'DNS: getaddrinfo ENOTFOUND langson.example', '2025-05-30T01:00:00Z'],
      [503, 'HTTP 503', '2025-05-31T01:00:00Z'],
    ] as const)
      await wh.conn.run(
        `INSERT INTO crawl_fetches (run_id, source_id, url, final_url, status, bytes, attempts, error, not_modified, elapsed_ms, fetched_at)
         VALUES ('${runId}', 'langson', 'https://langson.example/', 'https://langson.example/', ${status ?? 'NULL'}, 0, 1,
           ${error ? `'${error}'` : 'NULL'}, false, 10, TIMESTAMPTZ '${at}')`
      )
  },
})

interface Row {
  rule_id: string
  subject: string
  evidence: string
}
const rows = async (q: string): Promise<Row[]> => {
  const res = await fx.h.app.request(`/api/alerts?limit=500&${q}`)
  expect(res.status, q).toBe(200)
  return ((await res.json()) as { rows: Row[] }).rows
}
const place = (r: Row) => {
  const e = JSON.parse(r.evidence) as Record<string, unknown>
  return `${r.rule_id}:${e.province_code ?? e.source_id}`
}

describe('GET /api/alerts by province', () => {
  it('keeps a province’s own alerts, its sources’ and (2025) its predecessors’', async () => {
    const all = await rows('')
    expect(all.some((r) => r.rule_id === 'new-central')).toBe(true)
    // Lạng Sơn answered 41-CT/TW: only its failing portal is about it.
    expect((await rows('province=20&system=2025')).map(place)).toEqual(['failing:langson'])
    expect((await rows('province=20&system=2008')).map(place)).toEqual(['failing:langson'])
    // Lào Cai (2025) counts as answered through Yên Bái's plan, but the 2008 Lào Cai had none.
    expect((await rows('province=15&system=2025')).map(place)).toEqual(['ct41-2008:10'])
    expect((await rows('province=10&system=2008')).map(place)).toEqual(['ct41-2008:10'])
    expect(await rows('province=15&system=2008')).toEqual([])
    // A unit that answered in neither system has one alert per system's rule.
    expect((await rows('province=01&system=2025')).map(place).sort()).toEqual(['ct41-2008:01', 'ct41:01'])
  })

  it('refuses a malformed province code in one line', async () => {
    const res = await fx.h.app.request('/api/alerts?province=1a')
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain('province')
  })
})
