import { Effect, Either } from 'effect'
import { afterEach, describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { hostOf } from '../page/canonical-url.ts'
import { crawl } from './crawl.ts'
import { mapThroughHosts } from './http.ts'
import { sourceHosts, validateSources } from './sources.ts'
import { queryDb, tempDbFile } from './testing/db.ts'
import { startTestSite, type TestSite } from './testing/site-server.ts'

const sites: TestSite[] = []
afterEach(async () => {
  while (sites.length) await sites.pop()?.close()
})

describe('hosts are host:port', () => {
  it('keys hosts with a non-default port and drops only default ports', () => {
    expect(hostOf('http://127.0.0.1:8081/a')).toBe('127.0.0.1:8081')
    expect(hostOf('http://example.vn:80/a')).toBe('example.vn')
    expect(hostOf('https://example.vn:443/a')).toBe('example.vn')
    expect(hostOf('https://example.vn:8443/a')).toBe('example.vn:8443')
    const s = validateSources([
      {
        id: 'wp-local',
        name: 'WordPress local',
        province_code_2008: null,
        province_code_2025: null,
        platform: 'wordpress',
        base_url: 'http://127.0.0.1:8081/',
        entry_points: ['http://localhost:8081/feed/'],
        extra_hosts: ['localhost:8081'],
      },
    ])
    expect(Either.isRight(s)).toBe(true)
    if (Either.isRight(s)) expect(sourceHosts(s.right[0]!)).toEqual(['127.0.0.1:8081', 'localhost:8081'])
    expect(() => mapThroughHosts({ 'a.vn': 'http://x/_h/a.vn' })('http://a.vn:8080/p')).toThrow(/a\.vn:8080/)
  })

  it('a live crawl of a site on a random port asks that port for robots.txt and honours it', async () => {
    const site = await startTestSite({ hosts: {} })
    sites.push(site)
    const host = new URL(site.origin).host
    const base = `${site.origin}/`
    site.set(host, '/robots.txt', {
      headers: { 'content-type': 'text/plain' },
      body: 'User-agent: *\nDisallow: /private/\n',
    })
    site.set(host, '/', {
      body: `<html><body><a href="/2024/05/ke-hoach-thi-dua/">Kế hoạch</a>
<a href="/private/2024/05/bi-mat/">Riêng</a></body></html>`,
    })
    site.set(host, '/2024/05/ke-hoach-thi-dua/', {
      body: '<html><head><meta property="og:type" content="article"></head><body><p>Kế hoạch thi đua năm 2024.</p></body></html>',
    })
    const source: SourceConfig = {
      id: 'wp-local',
      name: 'WordPress local',
      province_code_2008: null,
      province_code_2025: null,
      platform: 'wordpress',
      base_url: base,
      entry_points: [],
    }
    const db = tempDbFile()
    await Effect.runPromise(
      crawl({
        dbFile: db,
        sources: [source],
        runId: 'r1',
        live: true,
        minDelayMs: 0,
        isArticlePage: null,
        policy: { backoffBaseMs: 5, timeoutMs: 2_000, maxAttempts: 1 },
      })
    )
    expect(site.log[0]).toMatchObject({ host, path: '/robots.txt' })
    const fetches = await queryDb<{ url: string }>(db, 'SELECT url FROM crawl_fetches ORDER BY url')
    expect(fetches.map((f) => f.url)).toContain(`${site.origin}/robots.txt`)
    const states = new Map(
      (await queryDb<{ url: string; state: string }>(db, 'SELECT url, state FROM crawl_page_state')).map(
        (r) => [r.url, r.state]
      )
    )
    expect(states.get(`${site.origin}/2024/05/ke-hoach-thi-dua/`)).toBe('stored')
    expect(states.get(`${site.origin}/private/2024/05/bi-mat/`)).toBe('skipped_robots')
    expect(site.log.some((r) => r.path.startsWith('/private/'))).toBe(false)
  })
})
