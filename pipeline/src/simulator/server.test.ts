import { request } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listSnapshotPages } from '../snapshot/catalog.ts'
import { type FaultRule, FaultConfigError, validateFaultRules } from './faults.ts'
import { type Simulator, startSimulator } from './server.ts'

const pages = listSnapshotPages()
const article = pages.find((p) => p.kind === 'article' && p.host === 'baonghean.vn')!
const articlePath = article.path
const faults: FaultRule[] = [
  { host: 'nld.com.vn', path: '/', fault: 'rate-limit', retry_after: 7, times: 2 },
  { host: 'thanhnien.vn', path: '/', fault: 'server-error', times: 3 },
  { host: 'tienphong.vn', path: '/', fault: 'unavailable', retry_after: 2, times: 1 },
  { host: 'plo.vn', path: '/robots.txt', fault: 'slow', delay_ms: 300 },
  { host: 'vtv.vn', fault: 'reset' },
  { host: 'baonghean.vn', path: '/\\.html$/', fault: 'truncate', times: 1 },
  { host: 'dantri.com.vn', fault: 'redirect-loop' },
  { host: 'vneconomy.vn', fault: 'oversized', bytes: 3_000_000 },
  {
    host: 'langson.gov.vn',
    path: '/vi/news/tin-tuc-su-kien/',
    fault: 'wrong-charset',
    charset: 'iso-8859-1',
  },
]

let sim: Simulator
const get = (host: string, p: string, headers: Record<string, string> = {}) =>
  fetch(`${sim.hostMap[host]}${p}`, { headers, redirect: 'manual' })

beforeAll(async () => {
  sim = await startSimulator({ faults })
})
afterAll(async () => {
  await sim.close()
})

describe('portal simulator', () => {
  it('listens on loopback and maps every snapshot host', () => {
    expect(sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(Object.keys(sim.hostMap).length).toBe(new Set(pages.map((p) => p.host)).size)
    expect(sim.hostMap['langson.gov.vn']).toBe(`${sim.origin}/_h/langson.gov.vn`)
  })

  it('serves the snapshot bytes, robots, feeds and sitemaps', async () => {
    const r = await get('baonghean.vn', '/robots.txt')
    expect(r.status).toBe(200)
    expect(await r.text()).toMatch(/Disallow: /)
    const feed = await get('kontumtv.vn', '/feed/')
    expect(feed.headers.get('content-type')).toMatch(/rss\+xml/)
    expect(await feed.text()).toContain('<rss')
    const sm = await get('langson.gov.vn', '/sitemap.xml')
    expect(await sm.text()).toContain('<sitemapindex')
    const missing = await get('langson.gov.vn', '/khong-co-trang-nay.html')
    expect(missing.status).toBe(404)
  })

  it('keeps real hosts in redirects', async () => {
    const r = await get('hoabinh.gov.vn', '/')
    expect(r.status).toBe(302)
    const loc = new URL(r.headers.get('location')!)
    expect(loc.hostname).toBe('hoabinh.gov.vn')
    expect(loc.pathname).toBe('/web/guest')
  })

  it('answers conditional GETs with 304 (ETag and Last-Modified)', async () => {
    const p = pages.find((x) => x.kind === 'article' && x.host === 'kontumtv.vn')!
    const first = await get(p.host, p.path)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    const lm = first.headers.get('last-modified')!
    expect(etag).toMatch(/^".+"$/)
    expect((await get(p.host, p.path, { 'If-None-Match': etag })).status).toBe(304)
    expect((await get(p.host, p.path, { 'If-Modified-Since': lm })).status).toBe(304)
    expect(
      (
        await get(p.host, p.path, {
          'If-Modified-Since': new Date(Date.parse(lm) - 86_400_000).toUTCString(),
        })
      ).status
    ).toBe(200)
    expect((await get(p.host, p.path, { 'If-None-Match': '"other"' })).status).toBe(200)
  })

  it('gzips when the client accepts it', async () => {
    const p = pages.find((x) => x.kind === 'article' && x.host === 'www.vietnamplus.vn')!
    const res = await fetch(`${sim.hostMap[p.host]}${p.path}`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    // fetch inflates transparently; read the raw bytes to see that they really are gzip
    await res.arrayBuffer()
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const u = new URL(`${sim.hostMap[p.host]}${p.path}`)
      request(u, { headers: { 'Accept-Encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = []
        r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)))
      })
        .on('error', reject)
        .end()
    })
    expect(gunzipSync(raw).toString('utf8')).toContain('thidua:origin')
    const log = sim.requestLog.filter((l) => l.host === p.host && l.path === p.path)
    expect(log.at(-1)?.gzip).toBe(true)
  })

  it('rate-limits with 429 + Retry-After for the configured number of times', async () => {
    const a = await get('nld.com.vn', '/robots.txt')
    expect(a.status).toBe(429)
    expect(a.headers.get('retry-after')).toBe('7')
    expect((await get('nld.com.vn', '/robots.txt')).status).toBe(429)
    expect((await get('nld.com.vn', '/robots.txt')).status).toBe(200)
  })

  it('produces 500 and 503 bursts, then recovers', async () => {
    const codes = []
    for (let i = 0; i < 4; i++) codes.push((await get('thanhnien.vn', '/robots.txt')).status)
    expect(codes).toEqual([500, 500, 500, 200])
    const u = await get('tienphong.vn', '/robots.txt')
    expect(u.status).toBe(503)
    expect(u.headers.get('retry-after')).toBe('2')
    expect((await get('tienphong.vn', '/robots.txt')).status).toBe(200)
  })

  it('delays slow routes', async () => {
    const t0 = Date.now()
    const r = await get('plo.vn', '/robots.txt')
    expect(r.status).toBe(200)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250)
  })

  it('resets the connection', async () => {
    await expect(get('vtv.vn', '/robots.txt')).rejects.toThrow()
  })

  it('truncates a body below its Content-Length', async () => {
    const res = await get('baonghean.vn', articlePath)
    expect(res.status).toBe(200)
    await expect(res.arrayBuffer()).rejects.toThrow()
    const again = await get('baonghean.vn', articlePath, { 'Accept-Encoding': 'identity' })
    expect(Buffer.from(await again.arrayBuffer()).length).toBe(Number(again.headers.get('content-length')))
  })

  it('loops redirects between two URLs of the real host', async () => {
    const a = await get('dantri.com.vn', '/robots.txt')
    expect(a.status).toBe(302)
    const loc = new URL(a.headers.get('location')!)
    expect(loc.hostname).toBe('dantri.com.vn')
    const b = await get('dantri.com.vn', `${loc.pathname}${loc.search}`)
    expect(new URL(b.headers.get('location')!).pathname + new URL(b.headers.get('location')!).search).toBe(
      '/robots.txt'
    )
  })

  it('sends an oversized body', async () => {
    const r = await get('vneconomy.vn', '/robots.txt')
    expect(Number(r.headers.get('content-length'))).toBe(3_000_000)
    expect((await r.arrayBuffer()).byteLength).toBe(3_000_000)
  })

  it('announces a wrong charset for UTF-8 bytes', async () => {
    const r = await get('langson.gov.vn', '/vi/news/tin-tuc-su-kien/')
    expect(r.headers.get('content-type')).toBe('text/html; charset=iso-8859-1')
    const bytes = Buffer.from(await r.arrayBuffer())
    expect(bytes.toString('utf8')).toContain('Tin tức - Sự kiện')
  })

  it('ignores tracking parameters on article URLs', async () => {
    const r = await get(article.host, `${article.path}?utm_source=zalo`)
    expect(r.status).toBe(200)
  })

  it('rejects malformed fault rules with a clear error', () => {
    expect(() => validateFaultRules([{ fault: 'explode' }])).toThrow(FaultConfigError)
    expect(() => validateFaultRules([{ fault: 'slow', delay_ms: -1 }])).toThrow(/delay_ms/)
    expect(() => validateFaultRules({})).toThrow(/array/)
    expect(() => validateFaultRules([{ fault: 'reset', path: '/[/' }])).toThrow(/regex/)
  })
})
