import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type AppHandle } from './app.ts'
import { toOpenApiPath } from './openapi.ts'
import { COOKBOOK } from './sql-console/cookbook.ts'
import { buildFixtureDb, mutateDb, publishVersion, type FixtureDb } from './testing/fixture-db.ts'

let dir: string
let fx: FixtureDb
let h: AppHandle

const get = async (url: string, init?: RequestInit) => {
  const res = await h.app.request(url, init)
  return {
    res,
    json: (await res
      .clone()
      .json()
      .catch(() => null)) as any,
  }
}
const sql = (body: unknown, headers: Record<string, string> = {}, handle = h) =>
  handle.app.request('/api/sql', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  })

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-api-'))
  fx = await buildFixtureDb(dir)
  h = await createApp({ dbFile: fx.dbFile, watch: false, sql: { timeoutMs: 300, maxRows: 50 } })
})
afterAll(async () => {
  await h?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One valid request per documented GET route (path params filled from the fixture). */
const SAMPLE: Record<string, string> = {
  '/api/health': '/api/health',
  '/api/provinces': '/api/provinces?system=2008',
  '/api/provinces/lineage': '/api/provinces/lineage',
  '/api/campaigns': '/api/campaigns',
  '/api/campaigns/adoption': '/api/campaigns/adoption?system=2008&campaign=xoa_nha_tam',
  '/api/coverage': '/api/coverage?system=2025&from_year=2024&to_year=2025&source_kind=portal',
  '/api/coverage/provinces': '/api/coverage/provinces?system=2008',
  '/api/timelines': '/api/timelines?province=20,62&system=2008',
  '/api/timelines/milestones': '/api/timelines/milestones?from=2014-01&to=2025-12-31',
  '/api/trends': '/api/trends?province=20,40&from=2024-01',
  '/api/documents': '/api/documents?level=central&system=2008',
  '/api/documents/citations': '/api/documents/citations?system=2008',
  '/api/documents/{id}': '/api/documents/ct-tw-41-2024?system=2008',
  '/api/articles': '/api/articles?q=thi%20dua&limit=5',
  '/api/articles/{id}': '/api/articles/a0014',
  '/api/runs': '/api/runs',
  '/api/runs/{id}': '/api/runs/run-2026-03-31',
  '/api/sources': '/api/sources',
  '/api/sources/ledger': '/api/sources/ledger?gaps_only=true',
  '/api/geo/2008': '/api/geo/2008',
  '/api/geo/2025': '/api/geo/2025',
  '/api/sql/examples': '/api/sql/examples',
  '/api/openapi.json': '/api/openapi.json',
}

describe('OpenAPI', () => {
  it('documents exactly the registered API routes', async () => {
    const { json } = await get('/api/openapi.json')
    const documented = new Set<string>()
    for (const [p, ops] of Object.entries(json.paths as Record<string, object>))
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`)
    const registered = new Set(
      h.app.routes
        .filter((r) => r.path.startsWith('/api/') && !r.path.includes('*') && r.method !== 'ALL')
        .map((r) => `${r.method} ${toOpenApiPath(r.path.replace(/\/$/, ''))}`)
    )
    expect([...registered].sort()).toEqual([...documented].sort())
    expect(documented.size).toBeGreaterThan(20)
  })

  it('every documented GET route answers 200 with a sample request', async () => {
    const { json } = await get('/api/openapi.json')
    const gets = Object.entries(json.paths as Record<string, Record<string, unknown>>)
      .filter(([, ops]) => 'get' in ops)
      .map(([p]) => p)
    expect(gets.filter((p) => !(p in SAMPLE))).toEqual([])
    for (const p of gets) {
      const { res } = await get(SAMPLE[p]!)
      expect(res.status, p).toBe(200)
    }
  })
})

describe('read endpoints', () => {
  it('provinces come in both unit systems and the merger lineage is there', async () => {
    const p63 = (await get('/api/provinces?system=2008')).json
    const p34 = (await get('/api/provinces?system=2025')).json
    expect(p63.rows).toHaveLength(63)
    expect(p34.rows).toHaveLength(34)
    const kontum = p63.rows.find((r: any) => r.code === '62')
    expect(kontum.name_vi).toBe('Kon Tum')
    expect(kontum.articles).toBe(fx.data.articles!.filter((a) => a.province_code_2008 === '62').length)
    const lineage = (await get('/api/provinces/lineage')).json.rows
    expect(lineage.find((r: any) => r.old_code === '62')).toMatchObject({
      new_code: '51',
      new_name: 'Quảng Ngãi',
    })
  })

  it('coverage follows the unit system: Lào Cai and Yên Bái merge into 15 in 2025', async () => {
    const old = (await get('/api/coverage?system=2008')).json.rows
    const now = (await get('/api/coverage?system=2025')).json.rows
    const sum = (rows: any[], code: string) =>
      rows.filter((r) => r.province_code === code).reduce((s, r) => s + r.articles, 0)
    expect(sum(now, '15')).toBe(sum(old, '10') + sum(old, '15'))
    expect(now.some((r: any) => r.province_code === '62')).toBe(false)
    const portals = (await get('/api/coverage?system=2025&source_kind=newspaper')).json.rows
    expect(new Set(portals.map((r: any) => r.province_code))).toEqual(new Set(['20', '40']))
  })

  it('year filters narrow the coverage window', async () => {
    const all = (await get('/api/coverage?system=2025&province=20')).json.rows
    const y2024 = (await get('/api/coverage?system=2025&province=20&from_year=2024&to_year=2024')).json.rows
    for (const r of y2024) {
      expect(r.first_mention.startsWith('2024')).toBe(true)
      expect(r.last_mention.startsWith('2024')).toBe(true)
    }
    expect(y2024.reduce((s: number, r: any) => s + r.articles, 0)).toBeLessThan(
      all.reduce((s: number, r: any) => s + r.articles, 0)
    )
  })

  it('timelines carry planned vs held congresses and the milestones include the merger resolution', async () => {
    const rows = (await get('/api/timelines?province=20,62&system=2008&kind=congress')).json.rows
    const ls = rows.find((r: any) => r.province_code === '20')
    expect(ls).toMatchObject({ status: 'held', planned_start: '2025-08-20', held_on: '2025-09-18' })
    expect(ls.delay_days).toBeGreaterThan(0)
    expect(rows.find((r: any) => r.province_code === '62')).toMatchObject({
      status: 'planned',
      held_on: null,
    })
    const ms = (await get('/api/timelines/milestones?from=2025-01')).json.rows
    expect(ms.map((m: any) => m.id)).toContain('nq_202_2025_qh15')
  })

  it('documents: 41-CT/TW is cited by provinces only from 2025', async () => {
    const { json } = await get('/api/documents/ct-tw-41-2024?system=2008')
    expect(json.document).toMatchObject({ number: '41', symbol: 'CT/TW', issued_on: '2024-12-26' })
    expect(json.citations.length).toBeGreaterThan(3)
    for (const c of json.citations) expect(c.first_cited >= '2025-01-01').toBe(true)
    const list = (await get('/api/documents?q=138/KH&system=2008')).json
    expect(list.rows.map((r: any) => r.document_id)).toEqual(['kh-ubnd-138-2024-20'])
    expect(list.total).toBe(1)
  })

  it('article search is diacritics-insensitive and pages with limit/offset', async () => {
    const a = (await get('/api/articles?q=xoa%20nha%20tam&limit=3')).json
    const b = (await get('/api/articles?q=x%C3%B3a%20nh%C3%A0%20t%E1%BA%A1m&limit=3')).json
    expect(a.rows.length).toBe(3)
    expect(a.rows.map((r: any) => r.article_id)).toEqual(b.rows.map((r: any) => r.article_id))
    expect(a.rows[0].snippet).toMatch(/<mark>.+<\/mark>/)
    const page2 = (await get('/api/articles?q=xoa%20nha%20tam&limit=3&offset=3')).json
    expect(page2.total).toBe(a.total)
    expect(page2.rows.map((r: any) => r.article_id)).not.toContain(a.rows[0].article_id)
  })

  it('article filters by province, period and campaign', async () => {
    const { json } = await get(
      '/api/articles?province=51&system=2025&from=2025-07-01&campaign=xoa_nha_tam&limit=200'
    )
    const expected = fx.data.articles!.filter(
      (a) =>
        a.province_code_2025 === '51' &&
        String(a.published_at) >= '2025-07-01' &&
        fx.data.campaign_mentions!.some(
          (m) => m.article_id === a.article_id && m.campaign_id === 'xoa_nha_tam'
        )
    )
    expect(json.total).toBe(expected.length)
  })

  it('one article comes with entity spans that point at their surfaces', async () => {
    const { json } = await get('/api/articles/a0014')
    const body: string = json.article.body_text
    expect(json.entities.length).toBeGreaterThan(2)
    for (const e of json.entities) expect(body.slice(e.start, e.end)).toBe(e.surface)
    const kinds = new Set(json.entities.map((e: any) => e.kind))
    expect(kinds.has('document') && kinds.has('campaign')).toBe(true)
    expect(json.entities.find((e: any) => e.kind === 'document').span_source).toBe('extracted')
  })

  it('pipeline: runs, stages, source health and gap flags for Kon Tum after the merger', async () => {
    const run = (await get('/api/runs/run-2026-03-31')).json
    expect(run.stages.map((s: any) => s.stage)).toEqual(
      expect.arrayContaining(['crawl', 'parse', 'extract', 'load'])
    )
    expect(run.parse_failures.length).toBeGreaterThan(0)
    const sources = (await get('/api/sources')).json.rows
    const kt = sources.find((s: any) => s.source_id === 'kontum-portal')
    expect(kt.gap_months).toBeGreaterThan(0)
    expect(kt.last_error).toMatch(/DNS/)
    const ledger = (await get('/api/sources/ledger?source=kontum-portal&gaps_only=true')).json.rows
    for (const r of ledger) expect(r.month >= '2025-07').toBe(true)
  })
})

describe('formats and caching', () => {
  it('CSV and Arrow carry the same rows as JSON', async () => {
    const json = (await get('/api/campaigns')).json
    const csvRes = await h.app.request('/api/campaigns?format=csv')
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/)
    const lines = (await csvRes.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(json.columns.join(','))
    expect(lines).toHaveLength(json.rows.length + 1)
    const arrowRes = await h.app.request('/api/campaigns?format=arrow')
    const table = tableFromIPC(new Uint8Array(await arrowRes.arrayBuffer()))
    expect(table.numRows).toBe(json.rows.length)
    expect(table.getChild('campaign_id')?.get(0)).toBe(json.rows[0].campaign_id)
    expect(Number(table.getChild('articles')?.get(0))).toBe(json.rows[0].articles)
  })

  it('reads carry an ETag and answer 304 when it matches', async () => {
    const first = await h.app.request('/api/trends?province=20')
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const again = await h.app.request('/api/trends?province=20', { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    const other = await h.app.request('/api/trends?province=40', { headers: { 'If-None-Match': etag! } })
    expect(other.status).toBe(200)
  })
})

describe('validation', () => {
  const cases: Array<[string, string]> = [
    ['/api/articles?limit=abc', 'limit'],
    ['/api/articles?limit=100000', 'limit'],
    ['/api/articles?offset=-1', 'offset'],
    ['/api/articles?from=2025-02-30', 'from'],
    ['/api/articles?from=2025-06&to=2025-01', 'from'],
    ['/api/articles?province=2', 'province'],
    ['/api/articles?bogus=1', 'bogus'],
    ['/api/articles?limit=1&limit=2', 'limit'],
    ['/api/coverage?system=1999', 'system'],
    ['/api/coverage?from_year=2025&to_year=2024', 'from_year'],
    ['/api/coverage?source_kind=blog', 'source_kind'],
    ['/api/coverage?campaign=DROP%20TABLE', 'campaign'],
    ['/api/timelines', 'province'],
    ['/api/timelines?province=01,02,04,06,08,10,11,12,14', 'province'],
    ['/api/documents?type=memo', 'type'],
    ['/api/campaigns?format=xml', 'format'],
    ['/api/articles/a%20b%3Bdrop', 'id'],
  ]
  it.each(cases)('%s is a 400 naming %s in Vietnamese and English', async (url, param) => {
    const { res, json } = await get(url)
    expect(res.status).toBe(400)
    expect(json.error.param).toBe(param)
    expect(json.error.message_vi).toContain(`"${param}"`)
    expect(json.error.message_en).toContain(`"${param}"`)
    expect(JSON.stringify(json)).not.toMatch(/at .+\.ts:\d+/)
  })

  it('unknown routes and ids are 404 JSON', async () => {
    for (const url of ['/api/nope', '/api/articles/zzz999', '/api/documents/none', '/api/runs/none']) {
      const { res, json } = await get(url)
      expect(res.status, url).toBe(404)
      expect(json.error.code).toBe('not_found')
    }
    const del = await h.app.request('/api/articles', { method: 'DELETE' })
    expect(del.status).toBe(404)
  })
})

describe('POST /api/sql', () => {
  it('runs every cookbook example', async () => {
    for (const ex of COOKBOOK) {
      const res = await sql({ sql: ex.sql })
      expect(res.status, ex.id).toBe(200)
      expect(((await res.json()) as any).rows.length, ex.id).toBeGreaterThan(0)
    }
  })

  it('caps rows and says so', async () => {
    const body: any = await (await sql({ sql: 'SELECT * FROM articles' })).json()
    expect(body.rows).toHaveLength(50)
    expect(body.truncated).toBe(true)
    const csv = await (
      await h.app.request('/api/sql?format=csv', {
        method: 'POST',
        body: JSON.stringify({ sql: 'SELECT code, name_vi FROM provinces ORDER BY code LIMIT 3' }),
      })
    ).text()
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe('01,Hà Nội')
  })

  const refusals: Array<[string, unknown, number, string]> = [
    ['write', { sql: 'DELETE FROM articles' }, 403, 'sql_not_read_only'],
    ['ddl', { sql: 'CREATE TABLE x AS SELECT 1' }, 403, 'sql_not_read_only'],
    ['settings', { sql: "SET memory_limit = '8GB'" }, 403, 'sql_not_read_only'],
    ['attach', { sql: "ATTACH '/tmp/other.duckdb'" }, 403, 'sql_not_read_only'],
    ['extension', { sql: 'INSTALL httpfs' }, 403, 'sql_not_read_only'],
    ['copy', { sql: "COPY articles TO '/tmp/out.csv'" }, 403, 'sql_forbidden'],
    ['file read', { sql: "SELECT * FROM read_csv('/etc/passwd')" }, 403, 'sql_forbidden'],
    ['network', { sql: "SELECT * FROM read_parquet('https://example.com/x.parquet')" }, 403, 'sql_forbidden'],
    ['two statements', { sql: 'SELECT 1; SELECT 2' }, 400, 'sql_multiple_statements'],
    ['syntax', { sql: 'SELEC 1' }, 400, 'sql_syntax'],
    ['empty', { sql: '  ' }, 400, 'sql_empty'],
    ['no sql field', { query: 'SELECT 1' }, 400, 'invalid_body'],
    ['not json', 'SELECT 1', 400, 'invalid_body'],
    ['unknown table', { sql: 'SELECT * FROM secrets' }, 400, 'sql_invalid'],
    ['too slow', { sql: 'SELECT count(*) FROM range(1000000000000)' }, 422, 'sql_timeout'],
  ]
  it.each(refusals)('refuses %s with a bilingual reason', async (_name, body, status, code) => {
    const res = await sql(body)
    expect(res.status).toBe(status)
    const json: any = await res.json()
    expect(json.error.code).toBe(code)
    expect(json.error.message_vi.length).toBeGreaterThan(5)
    expect(json.error.message_en.length).toBeGreaterThan(5)
  })

  it('refuses bodies over 64 KB', async () => {
    const res = await sql({ sql: `SELECT '${'x'.repeat(70_000)}'` })
    expect(res.status).toBe(413)
  })

  it('limits each client separately', async () => {
    const limited = await createApp({
      dbFile: fx.dbFile,
      watch: false,
      trustProxy: true,
      sql: { rateLimit: 3, rateWindowMs: 60_000 },
    })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 4; i++)
        statuses.push((await sql({ sql: 'SELECT 1' }, { 'x-forwarded-for': '10.0.0.1' }, limited)).status)
      expect(statuses).toEqual([200, 200, 200, 429])
      const blocked = await sql({ sql: 'SELECT 1' }, { 'x-forwarded-for': '10.0.0.1' }, limited)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await sql({ sql: 'SELECT 1' }, { 'x-forwarded-for': '10.0.0.2' }, limited)).status).toBe(200)
    } finally {
      await limited.close()
    }
  })

  it('cannot see the working file, only the published version', async () => {
    const body: any = await (
      await sql({ sql: "SELECT path FROM duckdb_databases() WHERE database_name NOT IN ('system', 'temp')" })
    ).json()
    expect(body.rows[0].path).toBe(fx.publishedFile)
  })
})

describe('version switching', () => {
  it('swaps to a newly published version while a request holds the old one', async () => {
    const before = (await get('/api/health')).json
    const lease = h.db.acquire() // an in-flight request on the old version
    await mutateDb(
      fx.dbFile,
      "INSERT INTO articles SELECT 'a9999', source_id, url || '?v2', title, published_at, province_code_2008, province_code_2025, body_text, origin FROM articles WHERE article_id = 'a0001'"
    )
    publishVersion(fx.dbFile, 'v0002')
    expect(await h.db.refresh()).toBe(true)
    // the old version stays usable until its last lease is released
    const old = await lease.query('SELECT count(*) AS n FROM articles')
    expect(old.rows[0]!.n).toBe(before.articles)
    lease.release()
    const after = (await get('/api/health')).json
    expect(after.articles).toBe(before.articles + 1)
    expect(after.version).not.toBe(before.version)
    expect(after.version).toMatch(/^v0002/)
  })
})
