/**
 * The crawler against the portal simulator, fault by fault (issue #4): transient faults are retried
 * until the crawl matches a clean one; permanent faults end as failed-with-reason and heal on the next
 * run; politeness delays hold per host.
 */
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { runCrawl } from '@thidua/pipeline/crawl/crawl'
import type { SourceConfig } from '@thidua/pipeline/domain/source'
import { snapshotDir, defaultSourcesFile } from '@thidua/pipeline/paths'
import { startSimulator, type Simulator } from '@thidua/pipeline/simulator/server'
import { afterEach, describe, expect, it } from 'vitest'

const allSources = JSON.parse(readFileSync(defaultSourcesFile, 'utf8')) as SourceConfig[]
const truth = readFileSync(path.join(snapshotDir, 'truth.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { url: string; source_id: string })

const pick = (ids: string[]) => allSources.filter((s) => ids.includes(s.id))
const hostOf = (id: string) => new URL(pick([id])[0]!.base_url).hostname
const articleOf = (id: string) => truth.find((t) => t.source_id === id)!.url
const pathOf = (url: string) => {
  const u = new URL(url)
  return `${u.pathname}${u.search}`
}

const IDS = [
  'baonghean',
  'cand',
  'kontumtv',
  'thanhnien',
  'tienphong',
  'thiduakhenthuong-langson',
  'nld',
  'sggp',
  'baolaocai',
  'dantri',
]
const sources = pick(IDS)

const sims: Simulator[] = []
afterEach(async () => {
  while (sims.length) await sims.pop()?.close()
})

const tempDb = (name: string) =>
  path.join(mkdtempSync(path.join(tmpdir(), 'thidua-faults-')), `${name}.duckdb`)

async function query<T>(db: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })
  try {
    const conn = await instance.connect()
    try {
      return (await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[]
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}

const storedArticles = async (db: string) =>
  (await query<{ url: string }>(db, "SELECT url FROM crawl_page_state WHERE state = 'stored' AND is_article"))
    .map((r) => r.url)
    .sort()

const policy = { timeoutMs: 1500, backoffBaseMs: 20 }

describe('crawl through the simulator with faults', () => {
  it('retries transient faults to the same result as a clean crawl; permanent ones fail with a reason and heal next run', async () => {
    const clean = await startSimulator()
    sims.push(clean)
    const cleanDb = tempDb('clean')
    await runCrawl({ dbFile: cleanDb, sources, hostMap: clean.hostMap, runId: 'clean', live: false, policy })
    const expected = await storedArticles(cleanDb)
    const cleanFailed = (await query<{ url: string }>(cleanDb, 'SELECT url FROM crawl_failures')).length
    expect(expected.length).toBeGreaterThanOrEqual(40)

    const oversized = articleOf('thanhnien')
    const looping = articleOf('tienphong')
    const faulty = await startSimulator({
      faults: [
        { host: hostOf('baonghean'), fault: 'rate-limit', retry_after: 1, times: 2 },
        { host: hostOf('cand'), fault: 'unavailable', times: 3 },
        { host: hostOf('kontumtv'), fault: 'server-error', times: 2 },
        { host: hostOf('nld'), fault: 'slow', delay_ms: 4000, times: 1 },
        { host: hostOf('sggp'), fault: 'reset', times: 2 },
        { host: hostOf('baolaocai'), fault: 'truncate', times: 2 },
        { host: hostOf('dantri'), fault: 'wrong-charset' },
        { host: hostOf('thiduakhenthuong-langson'), fault: 'rate-limit', retry_after: 0, times: 1 },
        { host: hostOf('thanhnien'), path: pathOf(oversized), fault: 'oversized', bytes: 20 * 1024 * 1024 },
        { host: hostOf('tienphong'), path: pathOf(looping), fault: 'redirect-loop' },
      ],
    })
    sims.push(faulty)
    const db = tempDb('faulty')
    const summary = await runCrawl({
      dbFile: db,
      sources,
      hostMap: faulty.hostMap,
      runId: 'faulty',
      live: false,
      policy,
    })
    const got = await storedArticles(db)
    expect(got).toEqual(expected.filter((u) => u !== oversized && u !== looping))
    expect(summary.totals.failed).toBe(cleanFailed + 2) // the snapshot's own 404s, plus the two permanent faults
    const failures = await query<{ url: string; reason: string }>(
      db,
      'SELECT url, reason FROM crawl_failures ORDER BY url'
    )
    expect(failures.find((f) => f.url === oversized)?.reason).toMatch(/^too_large:/)
    expect(failures.find((f) => f.url === looping)?.reason).toMatch(/^redirect_loop:/)
    // the faults really happened, and retries were logged with their attempts
    const faultKinds = new Set(faulty.requestLog.map((r) => r.fault).filter(Boolean))
    for (const f of ['rate-limit', 'unavailable', 'server-error', 'reset', 'truncate', 'wrong-charset']) {
      expect(faultKinds).toContain(f)
    }
    // the stalled answer was abandoned at the timeout (the simulator never got to log it) and retried
    const slowRetry = await query<{ n: number }>(
      db,
      "SELECT count(*)::INT AS n FROM crawl_fetches WHERE source_id = 'nld' AND attempts > 1 AND status = 200"
    )
    expect(slowRetry[0]?.n).toBe(1)
    const retried = await query<{ n: number }>(
      db,
      'SELECT count(*)::INT AS n FROM crawl_fetches WHERE attempts > 1 AND status = 200'
    )
    expect(retried[0]?.n).toBeGreaterThanOrEqual(5)
    // mislabelled charset: still decoded as UTF-8
    const enc = await query<{ encoding: string }>(
      db,
      `SELECT DISTINCT encoding FROM crawl_page_state WHERE source_id = 'dantri' AND is_article`
    )
    expect(enc.map((e) => e.encoding)).toEqual(['utf-8'])

    // next run against healthy servers: the failed pages are retried and stored, except the oversized
    // one: a body over the cap is a permanent failure (issue #18), kept with its reason, not fetched again
    await runCrawl({ dbFile: db, sources, hostMap: clean.hostMap, runId: 'healed', live: false, policy })
    expect(await storedArticles(db)).toEqual(expected.filter((u) => u !== oversized))
    const still = await query<{ url: string; reason: string }>(db, 'SELECT url, reason FROM crawl_failures')
    expect(still.find((f) => f.url === oversized)?.reason).toMatch(/^too_large:/)
  })

  it('keeps the minimum delay between requests to one host, redirect hops and robots.txt included', async () => {
    const sim = await startSimulator()
    sims.push(sim)
    const few = pick(['baonghean', 'cand', 'kontumtv'])
    const db = tempDb('polite')
    await runCrawl({
      dbFile: db,
      sources: few,
      hostMap: sim.hostMap,
      runId: 'polite',
      live: false,
      minDelayMs: 250,
      maxPerHost: 2,
    })
    const byHost = new Map<string, number[]>()
    for (const r of sim.requestLog) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.at])
    expect(byHost.size).toBe(3)
    for (const [, times] of byHost) {
      expect(times.length).toBeGreaterThanOrEqual(4)
      const sorted = [...times].sort((a, b) => a - b)
      const gaps = sorted.slice(1).map((t, i) => t - (sorted[i] ?? 0))
      // request log times are taken when the simulator answers; allow a little scheduling slack
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200)
    }
  })
})
