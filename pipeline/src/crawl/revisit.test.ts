import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DuckDBInstance } from '@duckdb/node-api'
import { Effect } from 'effect'
import { afterEach, describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { type CrawlOptions, crawl } from './crawl.ts'
import { changeDates } from './discover.ts'
import { queryDb, tempDbFile } from './testing/db.ts'
import { type Route, startTestSite, type TestSite } from './testing/site-server.ts'
import { LANGSON_HOST, langsonSource } from './testing/source.ts'

const HOST = LANGSON_HOST
const url = (p: string) => `https://${HOST}${p}`
const A = '/vi/news/thi-dua/bai-a-1001.html'
const B = '/vi/news/thi-dua/bai-b-1002.html'
const sites: TestSite[] = []
afterEach(async () => {
  while (sites.length) await sites.pop()?.close()
})

const page = (text: string): Route => ({
  headers: { etag: `"${createHash('sha1').update(text).digest('hex')}"` },
  body: `<html><head><meta property="og:type" content="article"></head><body><p>${text}</p></body></html>`,
})
const sitemap = (lastmodA: string): Route => ({
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${url(A)}</loc><lastmod>${lastmodA}</lastmod></url><url><loc>${url(B)}</loc><lastmod>2024-01-02</lastmod></url></urlset>`,
})
const source: SourceConfig = langsonSource({ entry_points: [url('/sitemap.xml')] })

describe('revisit policy', () => {
  it('reads lastmod and feed update dates', () => {
    const sm = changeDates(
      '<urlset><url><loc>https://a.vn/x-1.html</loc><lastmod>2025-03-10T08:00:00+07:00</lastmod></url><url><loc>https://a.vn/y</loc></url></urlset>',
      'https://a.vn/sitemap.xml',
      'sitemap'
    )
    expect([...sm]).toEqual([['https://a.vn/x-1.html', Date.parse('2025-03-10T01:00:00Z')]])
    const atom = changeDates(
      '<feed><entry><link href="https://a.vn/z"/><updated>2025-04-01T00:00:00Z</updated></entry></feed>',
      'https://a.vn/feed',
      'feed'
    )
    expect(atom.get('https://a.vn/z')).toBe(Date.parse('2025-04-01T00:00:00Z'))
  })

  it('refetches what the sitemap says changed, keeps both versions, and re-checks the oldest on schedule', async () => {
    const s = await startTestSite({
      hosts: {
        [HOST]: {
          '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' },
          '/sitemap.xml': sitemap('2024-01-01'),
          [A]: page('Kế hoạch thi đua năm 2024, bản đầu.'),
          [B]: page('Hội nghị điển hình tiên tiến.'),
        },
      },
    })
    sites.push(s)
    const db = tempDbFile()
    const run = (runId: string, over: Partial<CrawlOptions> = {}) =>
      Effect.runPromise(
        crawl({
          dbFile: db,
          sources: [source],
          hostMap: s.hostMap,
          runId,
          live: false,
          isArticlePage: null,
          policy: { backoffBaseMs: 0, timeoutMs: 2_000, maxAttempts: 1 },
          ...over,
        })
      )
    await run('r1')
    const hits = (p: string) => s.log.filter((r) => r.path === p)
    expect(hits(A)).toHaveLength(1)

    // The article is corrected; the sitemap's lastmod moves past our fetch.
    s.set(HOST, A, page('Kế hoạch thi đua năm 2024, bản đã sửa.'))
    s.set(HOST, '/sitemap.xml', sitemap(new Date(Date.now() + 60_000).toISOString()))
    await run('r2')
    expect(hits(A)).toHaveLength(2)
    expect(hits(A)[1]?.headers['if-none-match']).toBeDefined()
    expect(hits(B)).toHaveLength(1)

    const versions = await queryDb<{ content_hash: string; record_id: string }>(
      db,
      `SELECT content_hash, record_id FROM crawl_page_log WHERE url = '${url(A)}' AND state = 'stored' ORDER BY seq`
    )
    expect(versions).toHaveLength(2)
    expect(versions[0]?.content_hash).not.toBe(versions[1]?.content_hash)
    expect(versions[0]?.record_id).not.toBe(versions[1]?.record_id)

    // Periodic re-check on an injected clock two days on: one article per source, the oldest fetch (B).
    s.set(HOST, '/sitemap.xml', sitemap('2024-01-01'))
    await run('r3', { recheckAfterDays: 1, recheckPerSource: 1, now: () => Date.now() + 2 * 86_400_000 })
    expect(hits(B)).toHaveLength(2)
    expect(hits(B)[1]?.headers['if-none-match']).toBeDefined()
    expect(hits(A)).toHaveLength(2)
    const nm = await queryDb<{ n: number }>(
      db,
      `SELECT count(*)::INTEGER AS n FROM crawl_fetches WHERE url = '${url(B)}' AND not_modified`
    )
    expect(nm[0]?.n).toBe(1)

    // The warehouse view lists both versions of A, the second current.
    const inst = await DuckDBInstance.create(db)
    const conn = await inst.connect()
    try {
      await conn.run('CREATE TABLE articles AS SELECT $1 AS article_id, $2 AS url', ['a_test', url(A)])
      const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../warehouse/migrations')
      await conn.run(readFileSync(path.join(dir, '0421_article_versions.sql'), 'utf8'))
      const rows = (
        await conn.runAndReadAll('SELECT version, is_current FROM article_versions ORDER BY version')
      ).getRowObjectsJson()
      expect(rows).toEqual([
        { version: '1', is_current: false },
        { version: '2', is_current: true },
      ])
    } finally {
      conn.closeSync()
      inst.closeSync()
    }
  })
})
