import { Effect } from 'effect'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { defaultSourcesFile } from '../paths.ts'
import { type Simulator, startSimulator } from '../simulator/server.ts'
import { readTruth } from '../snapshot/catalog.ts'
import { checkSource, reportLine, reportText } from './check.ts'
import { transportMapped } from './http.ts'
import { loadSources } from './sources.ts'
import { startTestSite, type TestSite } from './testing/site-server.ts'

let sim: Simulator
let sources: SourceConfig[]
const sites: TestSite[] = []
beforeAll(async () => {
  sim = await startSimulator()
  sources = await Effect.runPromise(loadSources(defaultSourcesFile))
}, 60_000)
afterAll(async () => {
  await sim.close()
  for (const s of sites) await s.close()
})

const check = (s: SourceConfig, hostMap: Record<string, string>) =>
  Effect.runPromise(checkSource(s, { live: false }).pipe(Effect.provide(transportMapped(hostMap))))

describe('sources check', () => {
  it('reports robots, links, platform and a parsed sample for snapshot sources', async () => {
    const truth = new Map(readTruth().map((t) => [t.url, t]))
    const picked = ['langson', 'baogialai'].map((id) => sources.find((s) => s.id === id)!)
    for (const s of picked) {
      const r = await check(s, sim.hostMap)
      expect(r.problems).toEqual([])
      expect(r.detected).toBe(s.platform)
      expect(r.links.articles).toBeGreaterThan(0)
      expect(r.sample?.error).toBeNull()
      const t = truth.get(r.sample?.url ?? '')
      expect(r.sample?.title).toBe(t?.title)
      expect(r.sample?.published_at?.slice(0, 10)).toBe(t?.published_at.slice(0, 10))
      expect(reportLine(r)).toMatch(new RegExp(`^ok {3}${s.id}: `))
      expect(reportText(r)).toContain('would crawl:')
    }
  }, 60_000)

  it('says clearly when a site cannot be crawled', async () => {
    const site = await startTestSite({ hosts: { 'down.example.vn': { '/robots.txt': { status: 503 } } } })
    sites.push(site)
    const s: SourceConfig = {
      id: 'down',
      name: 'down',
      province_code_2008: null,
      province_code_2025: null,
      platform: 'generic',
      base_url: 'https://down.example.vn/',
      entry_points: [],
    }
    const r = await check(s, site.hostMap)
    expect(r.ok).toBe(false)
    expect(r.problems).toContain('robots.txt unreachable')
    expect(r.robots).toMatch(/^robots.txt unreachable \(http_status: HTTP 503\)/)
    expect(reportLine(r)).toMatch(/^FAIL down: .*no article links found/)
  }, 60_000)
})
