import { Effect } from 'effect'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { defaultSourcesFile, registryFile } from '../paths.ts'
import { type Simulator, startSimulator } from '../simulator/server.ts'
import { readTruth } from '../snapshot/catalog.ts'
import { checkSource, checkSources, offlineLine, reportLine, reportText } from './check.ts'
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

  it('answers for every registry source offline, one clear line each, without the network', async () => {
    const registry = await Effect.runPromise(loadSources(registryFile))
    // A transport that is not the simulator would throw here: mapThroughHosts refuses unknown hosts.
    const results = await Effect.runPromise(checkSources(registry, { hostMap: sim.hostMap, maxPages: 2 }))
    expect(results.map((r) => r.source.id)).toEqual(registry.map((s) => s.id))
    for (const { source, report, line } of results) {
      expect(line, source.id).not.toContain('\n')
      const inSnapshot = new URL(source.base_url).host in sim.hostMap
      expect(report === null, source.id).toBe(!inSnapshot)
      if (report) expect(line).toMatch(new RegExp(`^(ok {3}|FAIL )${source.id}: `))
      else {
        expect(line).toMatch(new RegExp(`^offline ${source.id}: \\S+ is not reachable offline`))
        expect(line).toContain(`${new URL(source.base_url).host}/robots.txt`)
        expect(line).toMatch(/; (platform unknown \(read as generic\)|platform [a-z-]+)/)
      }
    }
    // Both kinds occur: registry hosts the snapshot holds, and the many it does not.
    expect(results.filter((r) => r.report).length).toBeGreaterThan(5)
    expect(results.filter((r) => !r.report).length).toBeGreaterThan(30)
    // Snapshot-held registry sources are checked for real: most of them yield article links.
    const withLinks = results.filter((r) => (r.report?.links.articles ?? 0) > 0).length
    expect(withLinks).toBeGreaterThan(results.filter((r) => r.report).length / 2)
  }, 120_000)

  it('the offline line names feeds, sitemaps and pages it would ask for, and the end of service', () => {
    const s: SourceConfig = {
      id: 'x',
      name: 'x',
      province_code_2008: '02',
      province_code_2025: '08',
      platform: 'generic',
      platform_basis: 'unknown',
      active_until: '2025-06-30',
      base_url: 'https://x.gov.vn/',
      entry_points: ['https://x.gov.vn/', 'https://x.gov.vn/rss/home.rss', 'https://x.gov.vn/sitemap.xml'],
    }
    expect(offlineLine(s)).toBe(
      'offline x: x.gov.vn is not reachable offline (not in the snapshot); with --live it would ask ' +
        'https://x.gov.vn/robots.txt (and the sitemaps it names); feed /rss/home.rss; sitemap /sitemap.xml; ' +
        'page / (and the feeds it announces); platform unknown (read as generic); served its unit until 2025-06-30'
    )
    expect(
      offlineLine({ ...s, platform: 'wordpress', platform_basis: 'generator meta', entry_points: [] })
    ).toMatch(
      /ask https:\/\/x.gov.vn\/robots.txt \(and the sitemaps it names\); page \/ \(and the feeds it announces\); platform wordpress;/
    )
  })
})
