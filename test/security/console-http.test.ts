/**
 * POST /api/sql as a hostile web page or an impatient client would meet it: bodies a browser can send
 * cross-site without a preflight (text/plain, forms) are refused, as are foreign origins and host
 * names (DNS rebinding); answers over the byte cap get a clean 413; a full queue answers 503 with
 * Retry-After; a query stuck in DuckDB's planner is ended by killing its worker, which is replaced;
 * closing the app leaves no worker behind.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppHandle, createApp } from '../../server/src/app.ts'
import { hostAllowed } from '../../server/src/sql-console/request-checks.ts'
import { buildTestDb } from '../../server/src/testing/warehouse-db.ts'

let dir: string
let h: AppHandle

const post = (body: string, headers: Record<string, string>, url = 'http://localhost/api/sql') =>
  h.app.request(url, { method: 'POST', body, headers })
const json = { 'content-type': 'application/json' }
const q = (sql: string) => JSON.stringify({ sql })

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-console-http-'))
  const db = await buildTestDb(dir)
  h = await createApp({
    dbFile: db.dbFile,
    watch: false,
    sql: { timeoutMs: 2000, maxBytes: 10_000, workers: 1, queue: 1, rateLimit: 10_000 },
  })
  await h.sqlPool.ready()
})
afterAll(async () => {
  await h?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('requests a browser cannot forge', () => {
  it.each([
    ['text/plain', 'text/plain;charset=UTF-8', q('SELECT 1')],
    ['a form', 'application/x-www-form-urlencoded', 'sql=SELECT+1'],
    [
      'a multipart form',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="sql"\r\n\r\nSELECT 1\r\n--x--',
    ],
    ['no type', '', q('SELECT 1')],
  ])('refuses %s with 415', async (_name, type, body) => {
    const res = await post(body, type ? { 'content-type': type } : {})
    expect(res.status).toBe(415)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type')
  })

  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403', async (_name, headers) => {
    const res = await post(q('SELECT 1'), { ...json, ...headers })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('origin_refused')
  })

  it('refuses a foreign host name (DNS rebinding) and accepts this server by name or address', async () => {
    const rebound = await post(q('SELECT 1'), json, 'http://attacker.example:8787/api/sql')
    expect(rebound.status).toBe(403)
    expect(((await rebound.json()) as { error: { code: string } }).error.code).toBe('host_refused')
    expect((await post(q('SELECT 1'), json, 'http://127.0.0.1:8787/api/sql')).status).toBe(200)
    const same = await post(q('SELECT 1'), { ...json, origin: 'http://localhost' })
    expect(same.status).toBe(200)
    expect(hostAllowed('atlas.lan', ['atlas.lan'])).toBe(true)
    expect(hostAllowed('atlas.lan', [])).toBe(false)
    expect(hostAllowed('[::1]', [])).toBe(true)
  })

  it('grants no cross-origin access to a preflight', async () => {
    const res = await h.app.request('http://localhost/api/sql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('limits', () => {
  it('answers a result over the byte cap with a clean 413', async () => {
    const big = await post(q("SELECT repeat('x', 1000) AS s FROM range(100)"), json)
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('sql_result_too_large')
    const small = await post(q("SELECT repeat('x', 1000) AS s FROM range(3)"), json)
    expect(small.status).toBe(200)
  })

  it('refuses beyond the queue with 503 and Retry-After; every request is answered', async () => {
    // streaming and CPU-bound: a cross join would hit the sandbox's memory cap before the time limit
    const runaway = q('SELECT sum(hash(i)) FROM range(100000000000) t(i)')
    const answers = await Promise.all([post(runaway, json), post(runaway, json), post(runaway, json)])
    const statuses = answers.map((r) => r.status).sort()
    expect(statuses).toEqual([422, 422, 503])
    const busy = answers.find((r) => r.status === 503) as Response
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('kills a worker stuck in the planner and replaces it', async () => {
    // The previous test's runaways were killed: wait for their replacement, or this query would wait
    // in the queue past its deadline and be dropped there, with no worker to kill.
    await h.sqlPool.ready()
    const before = h.sqlPool.pids
    const res = await post(q("SELECT levenshtein(repeat('a', 60000), repeat('b', 60000))"), json)
    expect(res.status).toBe(422)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('sql_timeout')
    await h.sqlPool.ready()
    expect(h.sqlPool.pids).not.toEqual(before)
    expect((await post(q('SELECT 42 AS n'), json)).status).toBe(200)
  })

  it('leaves no worker process behind when closed', async () => {
    const other = await createApp({ dbFile: path.join(dir, 'thidua.duckdb'), watch: false })
    await other.sqlPool.ready()
    const pids = other.sqlPool.pids
    expect(pids.length).toBeGreaterThan(0)
    await other.close()
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow()
  })
})
