import { Effect } from 'effect'
import { afterEach, describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { writeDoc97 } from '../snapshot/attachments/doc97.ts'
import { crawl } from './crawl.ts'
import { queryDb, tempDbFile } from './testing/db.ts'
import { startTestSite, type TestSite } from './testing/site-server.ts'
import { LANGSON_HOST, langsonSource } from './testing/source.ts'

const HOST = LANGSON_HOST
const url = (p: string) => `https://${HOST}${p}`
const sites: TestSite[] = []
afterEach(async () => {
  while (sites.length) await sites.pop()?.close()
})

const source: SourceConfig = langsonSource()

const article = `<!doctype html><html><head><meta property="og:type" content="article"></head><body>
<h1>Kế hoạch tổ chức Đại hội thi đua yêu nước</h1><p>UBND tỉnh ban hành Kế hoạch số 138/KH-UBND.</p>
<a href="/uploads/van-ban/kh-138.doc">Tải về</a> <a href="/uploads/van-ban/scan-lon.pdf">Bản scan</a>
<a href="/private/noi-bo.pdf">Nội bộ</a> <a href="https://other.vn/van-ban/ngoai.pdf">Nơi khác</a></body></html>`

describe('attachments in the crawl', () => {
  it('follows PDF/DOC links from article pages of configured hosts only, under robots.txt and a size cap', async () => {
    const doc = writeDoc97(['ỦY BAN NHÂN DÂN', 'TỈNH LẠNG SƠN', 'Số: 138/KH-UBND'])
    const s = await startTestSite({
      hosts: {
        [HOST]: {
          '/robots.txt': {
            headers: { 'content-type': 'text/plain' },
            body: 'User-agent: *\nDisallow: /private/\n',
          },
          '/': { body: '<html><body><a href="/uploads/van-ban/tu-trang-chu.pdf">PDF</a></body></html>' },
          '/vi/news/thi-dua/ke-hoach-dai-hoi-1234.html': { body: article },
          '/uploads/van-ban/kh-138.doc': { headers: { 'content-type': 'application/msword' }, body: doc },
          '/uploads/van-ban/scan-lon.pdf': {
            headers: { 'content-type': 'application/pdf' },
            streamBytes: 50_000,
          },
          '/uploads/van-ban/tu-trang-chu.pdf': {
            headers: { 'content-type': 'application/pdf' },
            body: '%PDF-1.4',
          },
        },
      },
    })
    sites.push(s)
    const db = tempDbFile()
    await Effect.runPromise(
      crawl({
        dbFile: db,
        sources: [
          { ...source, entry_points: [url('/'), url('/vi/news/thi-dua/ke-hoach-dai-hoi-1234.html')] },
        ],
        hostMap: s.hostMap,
        runId: 'r1',
        live: false,
        isArticlePage: null,
        maxAttachmentBytes: 20_000,
        policy: { backoffBaseMs: 0, timeoutMs: 2_000, maxAttempts: 1 },
      })
    )
    const rows = await queryDb<{ url: string; state: string; role: string; last_error: string | null }>(
      db,
      "SELECT url, state, role, last_error FROM crawl_page_state WHERE url LIKE '%.pdf' OR url LIKE '%.doc'"
    )
    const by = new Map(rows.map((r) => [r.url, r]))
    expect(by.get(url('/uploads/van-ban/kh-138.doc'))).toMatchObject({ state: 'stored', role: 'attachment' })
    expect(by.get(url('/uploads/van-ban/scan-lon.pdf'))?.last_error).toMatch(/^too_large:/)
    expect(by.get(url('/private/noi-bo.pdf'))?.state).toBe('skipped_robots')
    // not from a home page, never off the configured hosts
    expect(by.has(url('/uploads/van-ban/tu-trang-chu.pdf'))).toBe(false)
    expect(by.has('https://other.vn/van-ban/ngoai.pdf')).toBe(false)
    expect(s.log.some((r) => r.path.includes('tu-trang-chu') || r.host === 'other.vn')).toBe(false)
    const links = await queryDb<{ to_url: string }>(
      db,
      "SELECT to_url FROM crawl_link_log WHERE rel = 'attachment'"
    )
    expect(links.map((l) => l.to_url).sort()).toEqual(
      [
        url('/private/noi-bo.pdf'),
        url('/uploads/van-ban/kh-138.doc'),
        url('/uploads/van-ban/scan-lon.pdf'),
      ].sort()
    )
  })
})
