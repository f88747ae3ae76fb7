import { Effect, Exit } from 'effect'
import { afterEach, describe, expect, it } from 'vitest'
import { readArchive } from './archive.ts'
import { type CrawlOptions, type CrawlSummary, crawl } from './crawl.ts'
import { queryDb, tempDbFile } from './testing/db.ts'
import { seedArticles } from './testing/seed-articles.ts'
import {
  articlePath,
  listingPath,
  newsSiteRoutes,
  type Route,
  startTestSite,
  type TestSite,
} from './testing/site-server.ts'
import { LANGSON_HOST, langsonSource } from './testing/source.ts'

const HOST = LANGSON_HOST
const articles = seedArticles(12)

const source = langsonSource

const sites: TestSite[] = []
afterEach(async () => {
  while (sites.length) await sites.pop()?.close()
})

const site = async (routes: Record<string, Route>, more: Record<string, Record<string, Route>> = {}) => {
  const s = await startTestSite({ hosts: { [HOST]: routes, ...more } })
  sites.push(s)
  return s
}

const fastPolicy = { backoffBaseMs: 0, timeoutMs: 400, maxBodyBytes: 300_000, maxAttempts: 3 }

const run = (
  s: TestSite,
  dbFile: string,
  runId: string,
  over: Partial<CrawlOptions> = {}
): Promise<CrawlSummary> =>
  Effect.runPromise(
    crawl({
      dbFile,
      sources: [source()],
      hostMap: s.hostMap,
      runId,
      live: false,
      policy: fastPolicy,
      ...over,
    })
  )

const url = (p: string) => `https://${HOST}${p}`
const pages = (db: string) =>
  queryDb<{ url: string; state: string; last_error: string | null; is_article: boolean | null }>(
    db,
    'SELECT url, state, last_error, is_article FROM crawl_page_state ORDER BY url'
  )
const pageState = async (db: string, u: string) => (await pages(db)).find((p) => p.url === u)

describe('crawl against a NukeViet-shaped site', () => {
  it('finds every article through home → category → pagination, archives them, records off-site links', async () => {
    const s = await site(
      newsSiteRoutes({ host: HOST, articles, perPage: 4, offsiteLink: 'https://facebook.com/langson' })
    )
    const db = tempDbFile()
    const summary = await run(s, db, 'r1')
    const src = summary.sources[0]
    expect(src?.articles).toBe(articles.length)
    expect(src?.failed).toBe(0)
    const stored = (await pages(db)).filter((p) => p.state === 'stored' && p.is_article)
    expect(stored.map((p) => p.url).sort()).toEqual(articles.map((_, i) => url(articlePath(i))).sort())
    // tracking parameters on listing links were dropped before fetching
    expect(s.log.some((r) => r.path.includes('utm_source'))).toBe(false)
    // off-site links are recorded, never fetched
    const offsite = await queryDb<{ n: number }>(
      db,
      "SELECT count(*)::INT AS n FROM crawl_link_log WHERE rel = 'offsite'"
    )
    expect(offsite[0]?.n).toBeGreaterThan(0)
    expect(s.log.some((r) => r.host === 'facebook.com')).toBe(false)
    // the raw archive holds the latest successful fetch of every stored page, bytes intact
    const archived = new Map<string, string>()
    for await (const r of readArchive(db)) archived.set(r.url, new TextDecoder().decode(r.body))
    for (const [i, a] of articles.entries())
      expect(archived.get(url(articlePath(i)))).toContain(a.paragraphs[0]?.slice(0, 40))
    // every fetch is logged with status, bytes, attempts and run
    const log = await queryDb<{ n: number; bad: number }>(
      db,
      "SELECT count(*)::INT AS n, count(*) FILTER (WHERE status IS NULL OR bytes IS NULL OR attempts < 1 OR run_id <> 'r1')::INT AS bad FROM crawl_fetches WHERE url NOT LIKE '%robots.txt'"
    )
    expect(log[0]).toEqual({ n: stored.length + 1 + 1 + 3, bad: 0 }) // articles + home + feed + 3 listing pages
  })

  it('revisits with conditional GET, stops paging at known articles, and picks up a new one', async () => {
    const routes = newsSiteRoutes({ host: HOST, articles, perPage: 4 })
    const s = await site(routes)
    const db = tempDbFile()
    await run(s, db, 'r1')
    const firstRunRequests = s.log.length
    const second = await run(s, db, 'r2')
    const revisit = s.log.slice(firstRunRequests)
    const page1 = revisit.find((r) => r.path === listingPath(1))
    expect(page1?.headers['if-none-match']).toBe(`"list-1-${articles.length}"`)
    expect(second.sources[0]?.not_modified).toBeGreaterThanOrEqual(1)
    expect(revisit.some((r) => r.path.endsWith('.html'))).toBe(false) // no stored article refetched
    expect(revisit.some((r) => r.path === listingPath(2))).toBe(false) // incremental: page 1 was all known

    // a new article appears on top of page 1 (new ETag); the next run fetches it and nothing older
    const fresh = '/vi/news/thi-dua-khen-thuong/bai-moi-ve-thi-dua-5000.html'
    const page1Body = String((routes[listingPath(1)] as { body: string }).body)
    s.set(HOST, listingPath(1), {
      headers: { etag: '"list-1-new"' },
      body: page1Body.replace(
        '<div class="news_column">',
        `<div class="news_column"><h3><a href="${fresh}">Bài mới</a></h3>`
      ),
    })
    s.set(HOST, fresh, {
      body: `<html><body><p>${articles[3]?.paragraphs.join('</p><p>')} Bài mới.</p></body></html>`,
    })
    const before = s.log.length
    const third = await run(s, db, 'r3')
    const fetched = s.log.slice(before).map((r) => r.path)
    expect(fetched).toContain(fresh)
    expect(fetched.filter((p) => p.endsWith('.html'))).toEqual([fresh])
    expect(third.sources[0]?.fetched).toBeGreaterThanOrEqual(2) // page 1 and the new article
    expect((await pageState(db, url(fresh)))?.state).toBe('stored')
  })

  it('honours robots.txt: disallowed pages are skipped with a reason, sitemaps named there are crawled', async () => {
    const routes = newsSiteRoutes({
      host: HOST,
      articles,
      perPage: 20,
      robots: `User-agent: *\nDisallow: ${articlePath(1)}\nSitemap: https://${HOST}/sitemap.xml\n`,
    })
    const s = await site(routes)
    const db = tempDbFile()
    const summary = await run(s, db, 'r1', { sources: [source({ entry_points: [url('/vi/news/rss/')] })] })
    expect(summary.sources[0]?.skipped_robots).toBe(1)
    expect(await pageState(db, url(articlePath(1)))).toMatchObject({
      state: 'skipped_robots',
      last_error: 'disallowed by robots.txt',
    })
    expect(s.log.some((r) => r.path === articlePath(1))).toBe(false)
    // sitemap index → news sitemap → every other article
    expect(s.log.some((r) => r.path === '/sitemap-vi.news.xml')).toBe(true)
    expect(summary.sources[0]?.articles).toBe(articles.length - 1)
    const ua = s.log.find((r) => r.path === '/robots.txt')?.headers['user-agent']
    expect(ua).toMatch(/^ThiDuaAtlasBot\//)
  })

  it('does not follow a redirect into a path robots.txt disallows', async () => {
    const routes = newsSiteRoutes({
      host: HOST,
      articles: articles.slice(0, 1),
      robots: 'User-agent: *\nDisallow: /private/\n',
    })
    const s = await site({
      ...routes,
      '/go-3001.html': { status: 302, headers: { location: '/private/secret-3002.html' } },
      '/private/secret-3002.html': { body: '<html><body>bí mật</body></html>' },
    })
    const db = tempDbFile()
    await run(s, db, 'r1', { sources: [source({ entry_points: [url('/go-3001.html')] })] })
    expect((await pageState(db, url('/go-3001.html')))?.last_error).toMatch(/^robots_redirect:/)
    expect(s.log.some((r) => r.path.startsWith('/private/'))).toBe(false)
  })

  it('an unreachable robots.txt defers the whole host, and the next run retries', async () => {
    const routes = newsSiteRoutes({ host: HOST, articles: articles.slice(0, 3) })
    const s = await site({
      ...routes,
      '/robots.txt': ({ hit }) => (hit <= 3 ? { status: 503 } : { body: '' }),
    })
    const db = tempDbFile()
    const first = await run(s, db, 'r1')
    expect(first.sources[0]?.fetched).toBe(0)
    expect((await pageState(db, url('/')))?.last_error).toMatch(/robots\.txt unreachable/)
    const second = await run(s, db, 'r2')
    expect(second.sources[0]?.articles).toBe(3)
  })
})

describe('faults, one by one', () => {
  const oneArticle = (extra: Record<string, Route>) =>
    site({ ...newsSiteRoutes({ host: HOST, articles: articles.slice(0, 1) }), ...extra })
  const entry = (p: string) => ({ sources: [source({ entry_points: [url(p)] })] })

  // How long Retry-After makes us wait is asserted on the test clock in http.test.ts; here the cap
  // (maxRetryAfterMs 0) keeps the run from sleeping while the retry path is exercised end to end.
  it('429 with Retry-After: retried, then succeeds on the second attempt', async () => {
    const s = await oneArticle({
      '/busy.html': ({ hit }) =>
        hit === 1
          ? { status: 429, headers: { 'retry-after': '1' } }
          : { body: '<html><body>ok</body></html>' },
    })
    const db = tempDbFile()
    await run(s, db, 'r1', { ...entry('/busy.html'), policy: { ...fastPolicy, maxRetryAfterMs: 0 } })
    const hits = s.log.filter((r) => r.path === '/busy.html')
    expect(hits).toHaveLength(2)
    const f = await queryDb<{ attempts: number; status: number }>(
      db,
      "SELECT attempts, status FROM crawl_fetches WHERE url LIKE '%busy.html'"
    )
    expect(f).toEqual([{ attempts: 2, status: 200 }])
  })

  it('persistent 503: bounded attempts, recorded as failed with the reason, retried and recovered next run', async () => {
    let down = true
    const s = await oneArticle({
      '/flaky.html': () => (down ? { status: 503 } : { body: '<html><body>ok</body></html>' }),
    })
    const db = tempDbFile()
    const first = await run(s, db, 'r1', entry('/flaky.html'))
    expect(s.log.filter((r) => r.path === '/flaky.html')).toHaveLength(fastPolicy.maxAttempts)
    expect(first.sources[0]?.failed).toBe(1)
    expect(await pageState(db, url('/flaky.html'))).toMatchObject({
      state: 'failed',
      last_error: 'http_status: HTTP 503',
    })
    down = false
    await run(s, db, 'r2', entry('/flaky.html'))
    expect((await pageState(db, url('/flaky.html')))?.state).toBe('stored')
  })

  it('a stalled answer times out; a reset connection is a network error', async () => {
    const s = await oneArticle({
      '/slow.html': { delayMs: 5_000, body: 'late' },
      '/reset.html': { reset: true },
    })
    const db = tempDbFile()
    await run(s, db, 'r1', {
      sources: [source({ entry_points: [url('/slow.html'), url('/reset.html')] })],
      policy: { ...fastPolicy, maxAttempts: 1 },
    })
    expect((await pageState(db, url('/slow.html')))?.last_error).toMatch(/^timeout:/)
    expect((await pageState(db, url('/reset.html')))?.last_error).toMatch(/^network:/)
  })

  it('a body over the size limit is refused', async () => {
    const s = await oneArticle({ '/huge.html': { streamBytes: 2_000_000 } })
    const db = tempDbFile()
    await run(s, db, 'r1', entry('/huge.html'))
    expect((await pageState(db, url('/huge.html')))?.last_error).toMatch(/^too_large:/)
  })

  it('redirects: followed within the limit, loops and off-site targets refused', async () => {
    const redirect = (to: string): Route => ({ status: 301, headers: { location: to } })
    const s = await oneArticle({
      '/old-1.html': redirect('/new-1.html'),
      '/new-1.html': { body: '<html><body>moved here</body></html>' },
      '/loop-a.html': redirect('/loop-b.html'),
      '/loop-b.html': redirect(`https://${HOST}/loop-a.html`),
      '/away.html': redirect('https://evil.example/x'),
      ...Object.fromEntries(
        Array.from({ length: 8 }, (_, i) => [`/hop-${i}.html`, redirect(`/hop-${i + 1}.html`)])
      ),
    })
    const db = tempDbFile()
    const targets = ['/old-1.html', '/loop-a.html', '/away.html', '/hop-0.html'].map(url)
    await run(s, db, 'r1', { sources: [source({ entry_points: targets })] })
    const got = new Map((await pages(db)).map((p) => [p.url, p]))
    expect(got.get(url('/old-1.html'))?.state).toBe('redirected')
    expect(got.get(url('/new-1.html'))?.state).toBe('stored')
    expect(got.get(url('/loop-a.html'))?.last_error).toMatch(/^redirect_loop:/)
    expect(got.get(url('/away.html'))?.last_error).toMatch(/^offsite_redirect:/)
    expect(got.get(url('/hop-0.html'))?.last_error).toMatch(/^too_many_redirects:/)
    expect(s.log.some((r) => r.host === 'evil.example')).toBe(false)
  })

  it('the same body under two URLs is stored once; the other is a duplicate', async () => {
    const body = '<html><body><p>Cùng một nội dung thi đua</p></body></html>'
    const s = await oneArticle({ '/a-100.html': { body }, '/b-200.html': { body } })
    const db = tempDbFile()
    const summary = await run(s, db, 'r1', {
      sources: [source({ entry_points: [url('/a-100.html'), url('/b-200.html')] })],
      maxPerHost: 1,
    })
    expect(summary.sources[0]?.duplicates).toBe(1)
    const states = (await pages(db))
      .filter((p) => /[ab]-\d00/.test(p.url))
      .map((p) => p.state)
      .sort()
    expect(states).toEqual(['duplicate', 'stored'])
  })

  it('4xx pages fail with the status and are not retried, within the run or in the next', async () => {
    const s = await oneArticle({
      '/gone-410.html': { status: 410 },
      '/forbidden.html': { status: 403 },
      '/flaky.html': ({ hit }) => (hit === 1 ? { status: 503 } : { body: '<html><body>ok</body></html>' }),
    })
    const db = tempDbFile()
    const targets = ['/gone-404.html', '/gone-410.html', '/forbidden.html', '/flaky.html'].map(url)
    const opts = { sources: [source({ entry_points: targets })], policy: { ...fastPolicy, maxAttempts: 1 } }
    await run(s, db, 'r1', opts)
    expect(await pageState(db, url('/gone-404.html'))).toMatchObject({
      state: 'failed',
      last_error: 'HTTP 404',
    })
    await run(s, db, 'r2', opts)
    for (const p of ['/gone-404.html', '/gone-410.html', '/forbidden.html'])
      expect(s.log.filter((r) => r.path === p)).toHaveLength(1)
    // a temporary failure is tried again next run and recovers
    expect(s.log.filter((r) => r.path === '/flaky.html')).toHaveLength(2)
    expect((await pageState(db, url('/flaky.html')))?.state).toBe('stored')
  })

  it('a redirect to javascript:, file: or data: is refused with a reason, never left queued or retried', async () => {
    const redirect = (to: string): Route => ({ status: 302, headers: { location: to } })
    const s = await oneArticle({
      '/js.html': redirect('javascript:alert(document.cookie)'),
      '/file.html': redirect('file:///etc/passwd'),
      '/data.html': redirect('data:text/html;base64,PHNjcmlwdD4='),
    })
    const db = tempDbFile()
    const targets = ['/js.html', '/file.html', '/data.html'].map(url)
    const opts = { sources: [source({ entry_points: targets })] }
    await run(s, db, 'r1', opts)
    await run(s, db, 'r2', opts)
    for (const t of targets) {
      const p = await pageState(db, t)
      expect(p?.state).toBe('failed')
      expect(p?.last_error).toMatch(/^refused_scheme: redirect to a (javascript|file|data): URL refused/)
      expect(s.log.filter((r) => url(r.path) === t)).toHaveLength(1)
    }
  })

  it('never has more requests in flight per host than allowed', async () => {
    let inFlight = 0
    let peak = 0
    const slow: Route = () => {
      inFlight++
      peak = Math.max(peak, inFlight)
      setTimeout(() => inFlight--, 40)
      return { delayMs: 40, body: `<html><body>${Math.random()}</body></html>` }
    }
    const extra = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`/p-${1000 + i}.html`, slow]))
    const s = await oneArticle(extra)
    const db = tempDbFile()
    await run(s, db, 'r1', {
      sources: [source({ entry_points: Object.keys(extra).map(url), max_per_host: 3 })],
    })
    // The upper bound is what the crawl must never break; that the gate really runs 3 at once is
    // asserted on the test clock in http.test.ts, where a loaded machine cannot change the answer.
    expect(peak).toBeLessThanOrEqual(3)
    expect(s.log.filter((r) => /\/p-10\d\d\.html$/.test(r.path))).toHaveLength(10)
  })

  it('a legacy-encoded page is decoded and its encoding recorded', async () => {
    const iconv = (await import('iconv-lite')).default
    const s = await oneArticle({
      '/cu-1999.html': {
        headers: { 'content-type': 'text/html; charset=iso-8859-1' },
        body: iconv.encode(`<html><body><p>${articles[0]?.paragraphs.join(' ')}</p></body></html>`, 'tcvn'),
      },
    })
    const db = tempDbFile()
    await run(s, db, 'r1', entry('/cu-1999.html'))
    const row = await queryDb<{ encoding: string }>(
      db,
      "SELECT encoding FROM crawl_page_state WHERE url LIKE '%cu-1999%'"
    )
    expect(row[0]?.encoding).toBe('tcvn3')
  })

  it('gzip answers are inflated before archiving; a body that inflates past the limit is refused', async () => {
    const { gzipSync } = await import('node:zlib')
    const html = `<html><body><p>${articles[1]?.paragraphs.join('</p><p>')}</p></body></html>`
    const s = await oneArticle({
      '/nen-2001.html': { headers: { 'content-encoding': 'gzip' }, body: gzipSync(Buffer.from(html)) },
      '/bom-2002.html': {
        headers: { 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.alloc(5_000_000, 0x20)),
      },
    })
    const db = tempDbFile()
    await run(s, db, 'r1', {
      sources: [source({ entry_points: [url('/nen-2001.html'), url('/bom-2002.html')] })],
    })
    expect(s.log.find((r) => r.path === '/nen-2001.html')?.headers['accept-encoding']).toContain('gzip')
    const archived = new Map<string, string>()
    for await (const r of readArchive(db)) archived.set(r.url, new TextDecoder().decode(r.body))
    expect(archived.get(url('/nen-2001.html'))).toBe(html)
    expect((await pageState(db, url('/bom-2002.html')))?.last_error).toMatch(/^too_large:/)
  })

  it('revisits stored articles only when asked, and then conditionally', async () => {
    const s = await site(newsSiteRoutes({ host: HOST, articles: articles.slice(0, 3) }))
    const db = tempDbFile()
    await run(s, db, 'r1')
    const before = s.log.length
    await run(s, db, 'r2', { revisitArticles: true })
    const revisits = s.log.slice(before).filter((r) => r.path === articlePath(0))
    expect(revisits).toHaveLength(1)
    expect(revisits[0]?.headers['if-modified-since']).toBe('Tue, 22 Oct 2019 08:50:00 GMT')
    const nm = await queryDb<{ n: number }>(
      db,
      "SELECT count(*)::INT AS n FROM crawl_fetches WHERE run_id = 'r2' AND not_modified"
    )
    expect(nm[0]?.n).toBeGreaterThanOrEqual(3)
  })

  it('refuses to start offline without a simulator, and with no sources', async () => {
    const db = tempDbFile()
    const noMap = await Effect.runPromiseExit(
      crawl({ dbFile: db, sources: [source()], runId: 'x', live: false })
    )
    expect(Exit.isFailure(noMap)).toBe(true)
    const s = await oneArticle({})
    const none = await Effect.runPromiseExit(
      crawl({ dbFile: db, sources: [], hostMap: s.hostMap, runId: 'x', live: false })
    )
    expect(Exit.isFailure(none)).toBe(true)
  })
})
