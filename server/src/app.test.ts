import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type AppHandle } from './app.ts'
import { toOpenApiPath } from './openapi.ts'
import { COOKBOOK } from './sql-console/cookbook.ts'
import { buildTestDb, changeAndPublish, FIXTURE_RUN_ID, type TestDb } from './testing/warehouse-db.ts'

let dir: string
let db: TestDb
let h: AppHandle
/** Ids the warehouse derived (hashes), looked up once through the API. */
const ids = { ct41: '', plan138: '', congressArticle: '', congressEvent: '' }

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
  db = await buildTestDb(dir)
  h = await createApp({ dbFile: db.dbFile, watch: false, sql: { timeoutMs: 2000, maxRows: 5 } })
  await h.sqlPool.ready()
  const docs = (await get('/api/documents?limit=50')).json.rows
  ids.ct41 = docs.find((d: any) => d.display_symbol === '41-CT/TW').document_id
  ids.plan138 = docs.find(
    (d: any) => d.display_symbol === '138/KH-UBND' && d.province_code_2008 === '20'
  ).document_id
  const congress = (await get('/api/timelines?province=20&kind=congress')).json.rows[0]
  ids.congressArticle = congress.article_id
  ids.congressEvent = congress.event_id
})
afterAll(async () => {
  await h?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** One valid request per documented GET route (path params filled from the fixture). */
const sample = (p: string): string =>
  ({
    '/api/health': '/api/health',
    '/api/checks': '/api/checks',
    '/api/checks/rows': '/api/checks/rows?check=implausible_lags',
    '/api/overview/figures': '/api/overview/figures?system=2025&from_year=2020&province=20',
    '/api/overview/trend': '/api/overview/trend?system=2008&source_kind=portal',
    '/api/provinces': '/api/provinces?system=2008',
    '/api/provinces/lineage': '/api/provinces/lineage',
    '/api/provinces/{code}/profile': '/api/provinces/20/profile?system=2008',
    '/api/campaigns': '/api/campaigns',
    '/api/campaigns/adoption': '/api/campaigns/adoption?system=2008&campaign=xoa_nha_tam',
    '/api/coverage': '/api/coverage?system=2025&from_year=2024&to_year=2025&source_kind=portal',
    '/api/coverage/provinces': '/api/coverage/provinces?system=2008',
    '/api/timelines': '/api/timelines?province=20,62&system=2008',
    '/api/timelines/milestones': '/api/timelines/milestones?from=2014-01&to=2025-12-31',
    '/api/trends': '/api/trends?province=20,40&from=2024-01',
    '/api/documents': '/api/documents?level=central&system=2008',
    '/api/documents/citations': '/api/documents/citations?system=2008',
    '/api/documents/{id}': `/api/documents/${ids.ct41}?system=2008`,
    '/api/documents/{id}/implementation': `/api/documents/${ids.ct41}/implementation?system=2025`,
    '/api/alerts': '/api/alerts',
    '/api/feeds/alerts.atom': '/api/feeds/alerts.atom',
    '/api/feeds/alerts/{rule}': '/api/feeds/alerts/new_central_document.atom',
    '/api/feeds/provinces/{code}': '/api/feeds/provinces/20.atom',
    '/api/feeds/campaigns/{id}': '/api/feeds/campaigns/xoa_nha_tam.atom',
    '/api/feeds/documents/{id}': `/api/feeds/documents/${ids.ct41}.atom`,
    '/api/articles': '/api/articles?q=thi%20dua&limit=5',
    '/api/articles/{id}': `/api/articles/${ids.congressArticle}`,
    '/api/runs': '/api/runs',
    '/api/runs/{id}': `/api/runs/${FIXTURE_RUN_ID}`,
    '/api/sources': '/api/sources',
    '/api/sources/ledger': '/api/sources/ledger?gaps_only=true',
    '/api/geo/2008': '/api/geo/2008',
    '/api/geo/2025': '/api/geo/2025',
    '/api/sql/examples': '/api/sql/examples',
    '/api/sql/schema': '/api/sql/schema',
    '/api/audit/console': '/api/audit/console?limit=5',
    '/api/openapi.json': '/api/openapi.json',
  })[p] ?? ''

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
    expect(gets.filter((p) => sample(p) === '')).toEqual([])
    for (const p of gets) {
      const { res } = await get(sample(p))
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
    // the portal's report and the provincial paper's piece on "Kon Tum (cũ)" both count for 62
    expect(kontum.articles).toBe(2)
    expect(p34.rows.find((r: any) => r.code === '51').articles).toBe(2)
    // Lạng Sơn: the newspaper's syndicated copy of the portal's plan is counted once
    expect(p63.rows.find((r: any) => r.code === '20').articles).toBe(3)
    const lineage = (await get('/api/provinces/lineage')).json.rows
    expect(lineage.find((r: any) => r.old_code === '62')).toMatchObject({
      new_code: '51',
      new_name: 'Quảng Ngãi',
    })
  })

  it('coverage follows the unit system and counts a syndicated copy once', async () => {
    const old = (await get('/api/coverage?system=2008')).json.rows
    const now = (await get('/api/coverage?system=2025')).json.rows
    const cell = (rows: any[], code: string, campaign: string) =>
      rows.find((r) => r.province_code === code && r.campaign_id === campaign)
    expect(cell(old, '62', 'nong_thon_moi').articles).toBe(2)
    expect(cell(now, '51', 'nong_thon_moi').articles).toBe(2)
    expect(now.some((r: any) => r.province_code === '62')).toBe(false)
    // the plan, its copy in Báo Lạng Sơn, the congress report: two distinct reports mention xóa nhà tạm
    expect(cell(now, '20', 'xoa_nha_tam')).toMatchObject({ articles: 2, first_mention: '2024-06-12' })
    expect(cell(now, '20', 'xoa_nha_tam').share_of_output).toBeCloseTo(2 / 3, 3)
    const papers = (await get('/api/coverage?system=2025&source_kind=newspaper')).json.rows
    expect(new Set(papers.map((r: any) => r.province_code))).toEqual(new Set(['51']))
  })

  it('year filters narrow the coverage window; the map counts every province', async () => {
    const all = (await get('/api/coverage?system=2025&province=20')).json.rows
    const y2024 = (await get('/api/coverage?system=2025&province=20&from_year=2024&to_year=2024')).json.rows
    for (const r of y2024) {
      expect(r.first_mention.startsWith('2024')).toBe(true)
      expect(r.last_mention.startsWith('2024')).toBe(true)
    }
    const total = (rows: any[]) => rows.reduce((s: number, r: any) => s + r.articles, 0)
    expect(total(y2024)).toBeLessThan(total(all))
    const map = (await get('/api/coverage/provinces?system=2025&campaign=xoa_nha_tam')).json.rows
    expect(map).toHaveLength(34)
    expect(map.find((r: any) => r.province_code === '20')).toMatchObject({
      articles: 3,
      campaign_articles: 2,
    })
  })

  it('timelines carry planned vs held congresses and the milestones include the merger resolution', async () => {
    const rows = (await get('/api/timelines?province=20,40,62&system=2008&kind=congress')).json.rows
    const ls = rows.find((r: any) => r.province_code === '20')
    expect(ls).toMatchObject({ status: 'held', planned_start: '2025-08-01', held_on: '2025-09-17' })
    expect(ls.delay_days).toBe(17)
    expect(ls.reports).toBeGreaterThanOrEqual(2)
    // two reports disagree on Nghệ An's date (26 vs 27/9): the event is flagged
    expect(rows.find((r: any) => r.province_code === '40')).toMatchObject({
      held_on: '2025-09-26',
      has_conflict: true,
    })
    const docs = (await get('/api/timelines?province=20&kind=document')).json.rows
    expect(docs.map((r: any) => r.label)).toContain('Kế hoạch 138/KH-UBND')
    const ms = (await get('/api/timelines/milestones?from=2025-01')).json.rows
    expect(ms.length).toBeGreaterThan(0)
    for (const m of ms) expect(m.date >= '2025-01-01').toBe(true)
  })

  it('documents: 41-CT/TW is central and cited from 2025; 138/KH-UBND exists twice', async () => {
    const { json } = await get(`/api/documents/${ids.ct41}?system=2025`)
    expect(json.document).toMatchObject({
      display_symbol: '41-CT/TW',
      issued_on: '2024-12-26',
      is_central: true,
    })
    expect(json.citations.map((c: any) => c.province_code).sort()).toEqual(['15', '20'])
    for (const c of json.citations) expect(c.first_cited >= '2025-01-01').toBe(true)
    const list = (await get('/api/documents?q=138/KH-UBND')).json
    expect(list.total).toBe(2)
    expect(list.rows.map((r: any) => r.issued_on).sort()).toEqual(['2024-03-20', '2024-06-10'])
    const central = (await get('/api/documents?level=central')).json.rows
    expect(central.map((r: any) => r.display_symbol)).toEqual(['41-CT/TW'])
    const matrix = (await get('/api/documents/citations?system=2025')).json.rows
    expect(matrix.every((r: any) => r.label === '41-CT/TW')).toBe(true)
  })

  it('article search is diacritics-insensitive and pages with limit/offset', async () => {
    const a = (await get('/api/articles?q=thi%20dua&limit=3')).json
    const b = (await get('/api/articles?q=thi%20%C4%91ua&limit=3')).json
    expect(a.rows.length).toBe(3)
    expect(a.rows.map((r: any) => r.article_id)).toEqual(b.rows.map((r: any) => r.article_id))
    expect(a.rows[0].snippet).toMatch(/<mark>(thi|Thi)<\/mark> <mark>(đua|Đua)<\/mark>/)
    const page2 = (await get('/api/articles?q=thi%20dua&limit=3&offset=3')).json
    expect(page2.total).toBe(a.total)
    expect(a.total).toBeGreaterThan(6)
    expect(page2.rows.map((r: any) => r.article_id)).not.toContain(a.rows[0].article_id)
    // the whole result set equals the warehouse's own search_articles(q)
    const direct: any = await (
      await sql({ sql: "SELECT count(*) AS n FROM search_articles('thi dua')" })
    ).json()
    expect(direct.rows[0].n).toBe(a.total)
  })

  it("search keeps the warehouse's BM25 hits that hold every query word, with its diacritics", async () => {
    const lease = h.db.acquire()
    try {
      for (const q of ['thi dua', 'Đại hội thi đua yêu nước', 'xoa nha tam', '138/KH-UBND', 'Kỳ Lừa']) {
        const api = (await get(`/api/articles?q=${encodeURIComponent(q)}&limit=200`)).json.rows as any[]
        const macro = new Set(
          (await lease.query('SELECT article_id FROM search_article_scores($q)', { q })).rows.map(
            (r) => r.article_id
          )
        )
        expect(api.length, q).toBeGreaterThan(0)
        for (const r of api) expect(macro.has(r.article_id), q).toBe(true)
        const texts = (
          await lease.query(
            `SELECT article_id, lower(title || ' ' || body_text) AS t, thidua_fold(title || ' ' || body_text) AS f
             FROM articles WHERE article_id IN (SELECT unnest($ids::VARCHAR[]))`,
            { ids: `[${api.map((r) => `"${r.article_id}"`).join(',')}]` }
          )
        ).rows
        const accented =
          q === q.normalize('NFD').replace(/[\u0300-\u036f]/g, '') ? [] : q.toLowerCase().split(/\s+/)
        for (const t of texts) {
          for (const tok of ['thi dua', 'xoa nha tam'].includes(q) ? q.split(' ') : [])
            expect(String(t.f), q).toContain(tok)
          for (const w of accented.filter((x) => /[^a-z0-9/-]/.test(x))) expect(String(t.t), q).toContain(w)
        }
        expect(
          api.some((r) => String(r.snippet).includes('<mark>')),
          q
        ).toBe(true)
      }
    } finally {
      lease.release()
    }
  })

  it('article filters by province, period and campaign; unique leaves the copy out', async () => {
    const q = '/api/articles?province=20&system=2025&from=2024-06-01&to=2024-06-30&campaign=xoa_nha_tam'
    const all = (await get(q)).json
    expect(all.total).toBe(2)
    expect(all.rows.filter((r: any) => r.is_copy)).toHaveLength(1)
    expect((await get(`${q}&unique=true`)).json.total).toBe(1)
    const kontum = (await get('/api/articles?province=51&system=2025&from=2025-07-01')).json
    expect(kontum.rows.map((r: any) => r.source_id)).toEqual(['baoquangngai'])
  })

  it('every coverage, province and citation count equals the article list it drills down to', async () => {
    for (const system of ['2008', '2025']) {
      for (const cell of (await get(`/api/coverage?system=${system}`)).json.rows) {
        const list = (
          await get(
            `/api/articles?system=${system}&province=${cell.province_code}&campaign=${cell.campaign_id}&unique=true`
          )
        ).json
        expect(list.total, `${system} ${cell.province_code} ${cell.campaign_id}`).toBe(cell.articles)
      }
      for (const p of (await get(`/api/provinces?system=${system}`)).json.rows.filter(
        (r: any) => r.articles
      )) {
        const list = (await get(`/api/articles?system=${system}&province=${p.code}&unique=true`)).json
        expect(list.total, `${system} ${p.code}`).toBe(p.articles)
      }
    }
    const { json } = await get(`/api/documents/${ids.ct41}?system=2025`)
    for (const c of json.citations) {
      const list = (
        await get(`/api/articles?system=2025&province=${c.province_code}&document=${ids.ct41}&unique=true`)
      ).json
      expect(list.total).toBe(c.citing_articles)
    }
  })

  it('drill-down lists show the sentence holding the mention', async () => {
    const { json } = await get(`/api/articles?document=${ids.ct41}`)
    expect(json.total).toBe(2)
    for (const r of json.rows) {
      expect(r.snippet).toMatch(/<mark>Chỉ thị (số )?41-CT\/TW[^<]*<\/mark>/)
      expect(r.snippet).not.toContain('\n')
      expect(r.mention_end).toBeGreaterThan(r.mention_start)
    }
    const event = (await get(`/api/articles?event_id=${ids.congressEvent}`)).json
    expect(event.total).toBeGreaterThanOrEqual(2)
    expect(event.rows[0].snippet).toContain('<mark>')
  })

  it('one article comes with entity spans and their sentences', async () => {
    const { json } = await get(`/api/articles/${ids.congressArticle}`)
    const body: string = json.article.body_text
    expect(json.entities.length).toBeGreaterThan(2)
    for (const e of json.entities) {
      expect(body.slice(e.start, e.end)).toBe(e.surface)
      expect(e.span_source).toBe('extracted')
      expect(e.sentence_start).toBeLessThanOrEqual(e.start)
      expect(e.sentence_end).toBeGreaterThanOrEqual(e.end)
    }
    const kinds = new Set(json.entities.map((e: any) => e.kind))
    expect([...kinds].sort()).toEqual(['campaign', 'document', 'event', 'time'])
    const doc = json.entities.find((e: any) => e.kind === 'document')
    expect(doc).toMatchObject({ ref: ids.plan138, label: 'Kế hoạch 138/KH-UBND' })
    const event = json.entities.find((e: any) => e.kind === 'event')
    expect(body.slice(event.sentence_start, event.sentence_end)).toMatch(/^Theo kế hoạch, .*2025\.$/)
  })

  it('pipeline: runs, stages, source health and failures', async () => {
    const run = (await get(`/api/runs/${FIXTURE_RUN_ID}`)).json
    expect(run.stages.map((s: any) => s.stage).sort()).toEqual(['crawl', 'extract', 'load', 'parse'])
    expect(run.parse_failures.map((f: any) => f.reason)).toEqual(['no article body (empty page)'])
    const sources = (await get('/api/sources')).json.rows
    const kt = sources.find((s: any) => s.source_id === 'kontum-gov')
    expect(kt).toMatchObject({ failed: 1, articles: 1 })
    expect(kt.last_error).toMatch(/ENOTFOUND/)
    // the routine outlet skipped September 2024 and published nothing after 2024: both are gaps
    const routine = sources.find((s: any) => s.source_id === 'baotintuc')
    const ledger = (await get('/api/sources/ledger?source=baotintuc&gaps_only=true')).json.rows
    const months = ledger.map((r: any) => r.month)
    expect(months).toContain('2024-09')
    expect(months).not.toContain('2024-08')
    expect(routine).toMatchObject({ gap_months: months.length, last_gap_month: months.at(-1) })
    const papers = (await get('/api/sources?kind=newspaper')).json.rows
    expect(papers.every((s: any) => s.kind === 'newspaper')).toBe(true)
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
    expect(body.rows).toHaveLength(5)
    expect(body.truncated).toBe(true)
    const csv = await (
      await h.app.request('/api/sql?format=csv', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
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
      dbFile: db.dbFile,
      watch: false,
      trustProxy: true,
      sql: { rateLimit: 3, rateWindowMs: 60_000 },
    })
    try {
      await limited.sqlPool.ready()
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

  it('never shows where the database lives', async () => {
    const res = await sql({
      sql: "SELECT path FROM duckdb_databases() WHERE database_name NOT IN ('system', 'temp')",
    })
    expect(res.status).toBe(403)
    expect(await res.text()).not.toContain(dir)
  })
})

describe('version switching', () => {
  it('swaps to a newly published version while a request holds the old one', async () => {
    const before = (await get('/api/health')).json
    const lease = h.db.acquire() // an in-flight request on the old version
    await changeAndPublish(
      db.dbFile,
      `INSERT INTO articles SELECT * REPLACE ('a_copy_for_v2' AS article_id, url || '?v=2' AS url)
       FROM articles WHERE source_id = 'kontum-gov'`
    )
    expect(await h.db.refresh()).toBe(true)
    // the old version stays usable until its last lease is released
    const old = await lease.query('SELECT count(*) AS n FROM articles')
    expect(old.rows[0]!.n).toBe(before.articles)
    lease.release()
    const after = (await get('/api/health')).json
    expect(after.articles).toBe(before.articles + 1)
    expect(after.version).not.toBe(before.version)
  })
})
