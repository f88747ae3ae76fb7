/**
 * One frontier in Redis for several crawler processes (issue #17). A throwaway redis-server, the portal
 * simulator in this process, and two `thidua run --live --frontier redis://…` processes routed to it
 * (THIDUA_HOST_MAP); one is SIGKILLed mid-crawl. Then: the two ledgers together settle every URL a clean
 * one-process crawl settles; no page was asked for more often than by one clean process, except the few the killed process had in flight
 * (those again only after the kill; a redirect hop asks for its target again, as in one process); no host saw requests faster than its delay allows.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCrawl } from '@thidua/pipeline/crawl/crawl'
import type { SourceConfig } from '@thidua/pipeline/domain/source'
import { defaultSourcesFile, repoRoot } from '@thidua/pipeline/paths'
import { type Simulator, startSimulator } from '@thidua/pipeline/simulator/server'
import { afterAll, describe, expect, it } from 'vitest'
import { ledger, settled, startRedis, tightestWindow } from './crawl-redis-helpers.ts'

const IDS = ['baonghean', 'cand', 'kontumtv', 'thanhnien', 'tienphong', 'nld']
const DELAY_MS = 150
const CONCURRENCY = 4
const all = JSON.parse(readFileSync(defaultSourcesFile, 'utf8')) as SourceConfig[]
const sources = all
  .filter((s) => IDS.includes(s.id))
  .map((s) => ({ ...s, min_delay_ms: DELAY_MS, max_per_host: 2 }))

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-redis-'))
const cleanup: Array<() => unknown> = []
afterAll(async () => {
  for (const f of cleanup.reverse()) await f()
})

const spawnRun = (db: string, frontier: string, hostMapFile: string, sourcesFile: string): ChildProcess =>
  spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'pipeline/src/cli/main.ts',
      'run',
      '--live',
      '--frontier',
      frontier,
      '--sources',
      sourcesFile,
      '--db',
      db,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        THIDUA_HOST_MAP: hostMapFile,
        THIDUA_FRONTIER_CONCURRENCY: String(CONCURRENCY),
        THIDUA_PARSE_WORKERS: '1',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    }
  )

const exited = (p: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }>((resolve) => {
    let err = ''
    p.stderr?.on('data', (b: Buffer) => {
      err += b.toString()
    })
    p.once('exit', (code, signal) => resolve({ code, signal, err }))
  })

const pageRequests = (sim: Simulator, from: number) =>
  sim.requestLog.slice(from).filter((r) => !r.path.startsWith('/robots.txt'))

/** Request times per page (host + path). */
const perPage = (log: ReadonlyArray<{ host: string; path: string; at: number }>) => {
  const out = new Map<string, number[]>()
  for (const r of log) out.set(`${r.host}${r.path}`, [...(out.get(`${r.host}${r.path}`) ?? []), r.at])
  return out
}

describe('two crawler processes on one Redis frontier', () => {
  it('fetch every page once, keep every host under its rate, and lose nothing when one is SIGKILLed', async () => {
    const redis = await startRedis(dir)
    cleanup.push(() => redis.proc.kill('SIGTERM'))
    const sim = await startSimulator()
    cleanup.push(() => sim.close())
    const cleanDb = path.join(dir, 'clean.duckdb')
    await runCrawl({
      dbFile: cleanDb,
      sources,
      hostMap: sim.hostMap,
      runId: 'clean',
      live: false,
      minDelayMs: 0,
    })
    const expected = settled(await ledger(cleanDb))
    const cleanAsked = perPage(pageRequests(sim, 0))
    const cleanPages = cleanAsked.size
    expect(expected.length).toBeGreaterThanOrEqual(60)

    const hostMapFile = path.join(dir, 'hosts.json')
    writeFileSync(hostMapFile, JSON.stringify(sim.hostMap))
    const sourcesFile = path.join(dir, 'sources.json')
    writeFileSync(sourcesFile, JSON.stringify(sources))
    const frontier = `redis://127.0.0.1:${redis.port}/0?name=longtest`
    const from = sim.requestLog.length
    const [dbA, dbB] = [path.join(dir, 'a.duckdb'), path.join(dir, 'b.duckdb')]
    const a = spawnRun(dbA, frontier, hostMapFile, sourcesFile)
    const b = spawnRun(dbB, frontier, hostMapFile, sourcesFile)
    const doneA = exited(a)
    const doneB = exited(b)
    // SIGKILL A once a third of the pages were asked for, while both are crawling.
    let killedAt = 0
    const watch = setInterval(() => {
      if (killedAt === 0 && pageRequests(sim, from).length >= cleanPages / 3) {
        killedAt = Date.now()
        a.kill('SIGKILL')
      }
    }, 20)
    const [ra, rb] = await Promise.all([doneA, doneB])
    clearInterval(watch)
    expect(ra.signal, ra.err).toBe('SIGKILL')
    expect(rb.code, rb.err).toBe(0)

    // nothing lost: together the two ledgers settle what one clean process settles
    expect(settled(await ledger(dbA), await ledger(dbB))).toEqual(expected)

    // fetched once: as often as one clean process asks for each page (redirect hops ask for their
    // target again), plus at most one more request, after the kill, for what A had in flight
    const asked = perPage(pageRequests(sim, from))
    expect([...asked.keys()].sort()).toEqual([...cleanAsked.keys()].sort())
    const extra = [...asked].filter(([page, times]) => times.length > (cleanAsked.get(page)?.length ?? 0))
    // each task A had in flight asks for its URL and, when redirected, the target
    expect(extra.length).toBeLessThanOrEqual(2 * CONCURRENCY)
    for (const [page, times] of extra) {
      expect(times.length, page).toBe((cleanAsked.get(page)?.length ?? 0) + 1)
      expect(Math.max(...times), page).toBeGreaterThanOrEqual(killedAt)
    }

    // rate: across both processes (robots.txt included) no 5 intervals of a host shorter than 5 delays,
    // less 100 ms of slack for the simulator's answer times on a busy machine
    const byHost = new Map<string, number[]>()
    for (const r of sim.requestLog.slice(from)) byHost.set(r.host, [...(byHost.get(r.host) ?? []), r.at])
    for (const [host, times] of byHost) {
      if (times.length < 6) continue
      expect(tightestWindow(times, 5), host).toBeGreaterThanOrEqual(5 * DELAY_MS - 100)
    }
  }, 240_000)
})
