/**
 * The access layer on the real app over the fixture warehouse: security headers on every kind of
 * answer, roles with 401/403, the console audit log (file and admin route), the schema route, and the
 * loopback-only default of an unconfigured server.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppHandle, createApp } from '../app.ts'
import { startServer } from '../main.ts'
import { buildTestDb, type TestDb } from '../testing/warehouse-db.ts'
import { auditFileFor } from './audit.ts'
import { parseAccessConfig } from './auth.ts'

const sha = (s: string) => createHash('sha256').update(s).digest('hex')
const ANALYST = 'analyst-token-4f1c'
const ADMIN = 'admin-token-9b2e'

let dir: string
let db: TestDb
let h: AppHandle
let open: AppHandle
let tick = 0

const req = (url: string, token?: string, init: RequestInit = {}) =>
  h.app.request(url, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  })
const sql = (query: string, token?: string, handle = h) =>
  handle.app.request('/api/sql', {
    method: 'POST',
    body: JSON.stringify({ sql: query }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-access-'))
  db = await buildTestDb(dir)
  h = await createApp({
    dbFile: db.dbFile,
    watch: false,
    access: parseAccessConfig({ THIDUA_TOKENS: `analyst/team-a:${sha(ANALYST)},admin/ops:${sha(ADMIN)}` }),
    corsOrigins: [],
    // Console workers start slowly on a busy machine; these tests are about access, not time limits.
    sql: { timeoutMs: 60_000 },
    // Each reading of the clock advances 7 ms, so every audited request lasts exactly 7 ms.
    audit: { now: () => (tick += 7), wallClock: () => new Date('2026-04-01T08:00:00Z') },
    log: () => {},
  })
  open = await createApp({
    dbFile: db.dbFile,
    watch: false,
    access: parseAccessConfig({}),
    corsOrigins: ['https://ok.example'],
    sql: { timeoutMs: 60_000 },
    audit: { file: path.join(dir, 'open-audit', 'console.jsonl') },
    log: () => {},
  })
})
afterAll(async () => {
  await h?.close()
  await open?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('security headers', () => {
  it('are on JSON, errors, 401s and the dashboard page', async () => {
    for (const [url, token, status] of [
      ['/api/health', undefined, 200],
      ['/api/nope', undefined, 404],
      ['/api/runs', undefined, 401],
      ['/compare', undefined, 200],
    ] as const) {
      const res = await req(url, token)
      expect(res.status, url).toBe(status)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, url).toContain("script-src 'self'")
      expect(csp, url).toContain("frame-ancestors 'none'")
      expect(csp, url).toContain("object-src 'none'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe/)
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), url).toBe('DENY')
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer')
    }
  })

  it('send no CORS header by default, even to a foreign origin', async () => {
    const res = await req('/api/health', undefined, { headers: { origin: 'https://evil.example' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const pre = await req('/api/sql', undefined, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(pre.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('CORS when origins are listed', () => {
  it('answers the listed origin only', async () => {
    const preflight = (origin: string) =>
      open.app.request('/api/sql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
    expect((await preflight('https://ok.example')).headers.get('access-control-allow-origin')).toBe(
      'https://ok.example'
    )
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
    const get = await open.app.request('/api/health', { headers: { origin: 'https://evil.example' } })
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('roles', () => {
  it('lets anyone read the JSON API and the dashboard', async () => {
    expect((await req('/api/documents?limit=2')).status).toBe(200)
    expect((await req('/')).status).toBe(200)
  })

  it('asks anonymous users to sign in for the console, downloads and admin routes (401)', async () => {
    for (const url of ['/api/sql/schema', '/api/sql/examples', '/api/documents?format=csv', '/api/runs']) {
      const res = await req(url)
      expect(res.status, url).toBe(401)
      expect(res.headers.get('www-authenticate'), url).toContain('Bearer')
      const body = (await res.json()) as { error: { code: string; message_vi: string; message_en: string } }
      expect(body.error.code).toBe('unauthorized')
      expect(body.error.message_en).toMatch(/Sign in as (analyst|admin)/)
    }
    const res = await sql('SELECT 1 AS one')
    expect(res.status).toBe(401)
  })

  it('refuses a wrong token with 401 even on public routes', async () => {
    const res = await req('/api/health', 'not-a-token')
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials')
  })

  it('lets analysts use the console and downloads, but not admin routes (403)', async () => {
    const run = await sql('SELECT 41 AS n', ANALYST)
    expect(run.status).toBe(200)
    expect(((await run.json()) as { rows: unknown[] }).rows).toEqual([{ n: 41 }])
    const csv = await req('/api/documents?format=csv&limit=3', ANALYST)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const runs = await req('/api/runs', ANALYST)
    expect(runs.status).toBe(403)
    expect(((await runs.json()) as { error: { message_en: string } }).error.message_en).toContain(
      'needs role admin'
    )
  })

  it('lets admins do everything', async () => {
    expect((await req('/api/runs', ADMIN)).status).toBe(200)
    expect((await req('/api/sources', ADMIN)).status).toBe(200)
    expect((await sql('SELECT 1 AS one', ADMIN)).status).toBe(200)
  })
})

describe('console audit', () => {
  it('writes who, what, how long, rows and status for every console query, readable by admins', async () => {
    const before = await h.audit.newest(1000)
    expect((await sql('SELECT * FROM (VALUES (1), (2), (3)) t(x) WHERE x > 0', ANALYST)).status).toBe(200)
    expect((await sql('SELEC nonsense', ANALYST)).status).toBe(400)
    expect((await sql('SELECT 1')).status).toBe(401)
    await h.audit.flushed()
    const file = auditFileFor(db.dbFile)
    expect(file).toBe(`${db.dbFile}.audit/console.jsonl`)
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const mine = lines.slice(before.length)
    expect(mine).toEqual([
      {
        at: '2026-04-01T08:00:00.000Z',
        who: 'team-a',
        role: 'analyst',
        client: 'local',
        sql: 'SELECT * FROM (VALUES (1), (2), (3)) t(x) WHERE x > 0',
        status: 200,
        elapsed_ms: 7,
        rows: 3,
        truncated: false,
        error: null,
      },
      expect.objectContaining({
        who: 'team-a',
        sql: 'SELEC nonsense',
        status: 400,
        rows: null,
        error: expect.stringMatching(/^sql_/),
      }),
      // Refused before the route read the body: who and status are known, the statement is not.
      expect.objectContaining({
        who: 'anonymous',
        role: 'public',
        sql: null,
        status: 401,
        error: 'unauthorized',
      }),
    ])
    const route = await req('/api/audit/console?limit=2', ADMIN)
    expect(route.status).toBe(200)
    expect(route.headers.get('cache-control')).toBe('no-store')
    const body = (await route.json()) as { rows: Array<{ sql: string | null; status: number }> }
    expect(body.rows.map((r) => r.status)).toEqual([401, 400])
    expect((await req('/api/audit/console', ANALYST)).status).toBe(403)
  })

  it('records the CSV row count of a CSV console answer', async () => {
    const before = (await h.audit.newest(1000)).length
    const res = await h.app.request('/api/sql?format=csv', {
      method: 'POST',
      body: JSON.stringify({ sql: "SELECT 'a\nb' AS t UNION ALL SELECT 'c'" }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ANALYST}` },
    })
    expect(res.status).toBe(200)
    const all = await h.audit.newest(1000)
    expect(all.length).toBe(before + 1)
    expect(all[0]).toMatchObject({ rows: 2, status: 200 })
  })
})

describe('schema for the console', () => {
  it('lists tables and views with their columns and table macros', async () => {
    const res = await req('/api/sql/schema', ANALYST)
    expect(res.status).toBe(200)
    const s = (await res.json()) as {
      tables: Array<{
        name: string
        kind: string
        comment: string | null
        columns: Array<{ name: string; type: string }>
      }>
      macros: Array<{ name: string; kind: string; parameters: string[] }>
    }
    const articles = s.tables.find((t) => t.name === 'articles')
    expect(articles?.kind).toBe('table')
    expect(articles?.columns.map((c) => c.name)).toContain('published_date')
    expect(articles?.columns.find((c) => c.name === 'published_date')?.type).toBe('DATE')
    const view = s.tables.find((t) => t.name === 'v_campaign_coverage')
    expect(view?.kind).toBe('view')
    expect(view?.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['province_code', 'campaign_id']))
    expect(s.macros.find((m) => m.name === 'search_articles')).toMatchObject({ kind: 'table_macro' })
    expect(s.macros.find((m) => m.name === 'search_articles')?.parameters[0]).toBe('q')
  })

  it('answers without credentials when access control is off', async () => {
    expect((await open.app.request('/api/sql/schema')).status).toBe(200)
    expect((await sql('SELECT 1 AS one', undefined, open)).status).toBe(200)
    await open.audit.flushed()
    const [entry] = await open.audit.newest(1)
    expect(entry).toMatchObject({ who: 'local', role: 'admin', sql: 'SELECT 1 AS one', rows: 1 })
    expect(existsSync(path.join(dir, 'open-audit', 'console.jsonl'))).toBe(true)
  })
})

describe('bind address', () => {
  it('listens on loopback only, and says so once, when no credentials are configured', async () => {
    const said: string[] = []
    const server = await startServer({
      dbFile: db.dbFile,
      port: 0,
      host: '0.0.0.0',
      watch: false,
      access: parseAccessConfig({}),
      log: (m) => said.push(m),
    })
    try {
      expect(new URL(server.url).hostname).toBe('127.0.0.1')
      expect(said.filter((m) => m.includes('access control off'))).toHaveLength(1)
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })
})
