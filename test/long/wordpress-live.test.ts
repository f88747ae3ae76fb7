/**
 * A real WordPress (Debian's package on Apache and MariaDB, on a loopback port; scripts/ensure-wordpress.sh)
 * crawled by `thidua run --live --sources X` through a fault proxy, twice: robots.txt is asked at the
 * site's own host:port, every post is fetched and stored exactly once despite 503s with Retry-After and a
 * reset feed, every published post (WordPress's own "Hello world!" included) becomes exactly one article
 * dated to the second as WordPress's own post_date says, the Sample Page does not, and the second run
 * stores nothing twice.
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { promisify } from 'node:util'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const WP_PORT = 8481
const root = path.join(import.meta.dirname, '../..')
const POSTS = [
  [
    '2023-03-15 09:30:00',
    'Phát động phong trào thi đua năm 2023',
    'UBND tỉnh ban hành Kế hoạch số 45/KH-UBND ngày 10/3/2023 phát động phong trào thi đua yêu nước năm 2023 trên địa bàn tỉnh. Các sở, ban, ngành và địa phương tổ chức triển khai sâu rộng, gắn với nhiệm vụ chính trị của từng đơn vị.',
  ],
  [
    '2024-06-20 14:05:00',
    'Hội nghị điển hình tiên tiến giai đoạn 2020-2025',
    'Sáng 20/6, tỉnh tổ chức Hội nghị điển hình tiên tiến giai đoạn 2020-2025, biểu dương các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước. Hội nghị cũng đề ra phương hướng cho giai đoạn tiếp theo.',
  ],
  [
    '2025-01-08 08:00:00',
    'Kế hoạch tổ chức Đại hội Thi đua yêu nước lần thứ VI',
    'Đại hội Thi đua yêu nước của tỉnh lần thứ VI dự kiến tổ chức trong tháng 9/2025. Ban Tổ chức đại hội đã ban hành kế hoạch chi tiết, phân công nhiệm vụ cho các tiểu ban chuẩn bị văn kiện, khen thưởng và hậu cần.',
  ],
  [
    '2025-09-12 16:45:00',
    'Khai mạc Đại hội Thi đua yêu nước tỉnh lần thứ VI',
    'Chiều 12/9, Đại hội Thi đua yêu nước tỉnh lần thứ VI khai mạc với sự tham dự của gần 400 đại biểu đại diện cho các điển hình tiên tiến trên mọi lĩnh vực của đời sống xã hội trong toàn tỉnh.',
  ],
] as const

let proxy: Server
let origin = ''
let hits = new Map<string, number>()
const faults: string[] = []

beforeAll(async () => {
  proxy = createServer((req, res) => {
    const key = req.url ?? '/'
    const n = (hits.get(key) ?? 0) + 1
    hits.set(key, n)
    // First request of every other post: 503 with Retry-After; of the feed: a reset connection.
    const post = /thidua-post-(\d+)/.exec(key)
    if (n === 1 && post && Number(post[1]) % 2 === 1) {
      faults.push(`503 ${key}`)
      res.writeHead(503, { 'retry-after': '1' })
      res.end()
      return
    }
    if (n === 1 && /\/feed\/$|feed=rss2/.test(key)) {
      faults.push(`reset ${key}`)
      req.socket.destroy()
      return
    }
    const up = request(
      { host: '127.0.0.1', port: WP_PORT, path: key, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers)
        r.pipe(res)
      }
    )
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
  const script = path.join(root, 'scripts/ensure-wordpress.sh')
  execFileSync('bash', [script], {
    input: `${POSTS.map((p) => p.join('\t')).join('\n')}\n`,
    env: { ...process.env, WP_PORT: String(WP_PORT), WP_SITE_URL: origin },
    stdio: ['pipe', 'inherit', 'inherit'],
    timeout: 900_000,
  })
}, 900_000)
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())))

interface WpItem {
  readonly slug: string
  readonly type: string
  /** Local time as WordPress stores it (the site's zone is Asia/Ho_Chi_Minh, UTC+7). */
  readonly date: string
}

/** What WordPress itself published, read from its database (the truth the crawl is compared with). */
const wordpressPublished = (): WpItem[] => {
  const sql =
    "SELECT post_name, post_type, post_date FROM wp_posts WHERE post_status = 'publish' AND post_type IN ('post', 'page')"
  const args = ['thidua_wp', '--batch', '--skip-column-names', '-e', sql]
  const asRoot = process.getuid?.() === 0
  const out = execFileSync(asRoot ? 'mysql' : 'sudo', asRoot ? args : ['mysql', ...args], {
    encoding: 'utf8',
  })
  return out
    .trim()
    .split('\n')
    .map((line) => line.split('\t'))
    .map(([slug = '', type = '', date = '']) => ({ slug, type, date }))
}

/** The WordPress slug a permalink ends with (`/index.php/2023/03/15/<slug>/`). */
const slugOf = (url: string): string => new URL(url).pathname.split('/').filter(Boolean).pop() ?? ''

describe('a real WordPress on a loopback port, crawled live through a fault proxy', () => {
  it('asks robots.txt at host:port and stores every post exactly once, twice over', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-wp-'))
    const sourcesFile = path.join(dir, 'sources.json')
    const dbFile = path.join(dir, 'wp.duckdb')
    writeFileSync(
      sourcesFile,
      JSON.stringify([
        {
          id: 'wp-local',
          name: 'WordPress thử nghiệm',
          province_code_2008: null,
          province_code_2025: null,
          platform: 'wordpress',
          base_url: `${origin}/`,
          entry_points: [],
        },
      ])
    )
    const query = async (sql: string) => {
      const inst = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' })
      const c = await inst.connect()
      try {
        return (await c.runAndReadAll(sql)).getRowObjectsJson()
      } finally {
        c.closeSync()
        inst.closeSync()
      }
    }
    const wp = wordpressPublished()
    // The fixture as installed: our posts plus WordPress's own first post and Sample Page.
    expect(wp.filter((w) => w.type === 'post').length).toBe(POSTS.length + 1)
    expect(wp.some((w) => w.type === 'page' && w.slug === 'sample-page')).toBe(true)
    for (const round of [1, 2]) {
      hits = new Map()
      // `thidua run --live --sources X` from source, as a user runs it; asynchronously, because the fault
      // proxy answers from this process's event loop.
      await run(
        path.join(root, 'node_modules/.bin/tsx'),
        [
          path.join(root, 'pipeline/src/cli/main.ts'),
          'run',
          '--live',
          '--sources',
          sourcesFile,
          '--db',
          dbFile,
        ],
        { timeout: 600_000 }
      )
      const robots = (await query(
        "SELECT url, status FROM crawl_fetches WHERE url LIKE '%/robots.txt'"
      )) as Array<{ url: string }>
      expect(robots.map((r) => r.url)).toContain(`${origin}/robots.txt`)
      const pages = (await query(
        "SELECT url, state FROM crawl_page_state WHERE url LIKE '%thidua-post-%'"
      )) as Array<{ url: string; state: string }>
      expect(
        pages.map((p) => p.state),
        `run ${round}`
      ).toEqual(POSTS.map(() => 'stored'))
      // one stored version per post: the second run finds nothing new to store
      const stored = (await query(
        "SELECT url, count(*)::INTEGER AS n FROM crawl_page_log WHERE url LIKE '%thidua-post-%' AND state = 'stored' GROUP BY url"
      )) as Array<{ n: number }>
      expect(stored.map((r) => r.n)).toEqual(POSTS.map(() => 1))

      // Every post is one article dated as WordPress dates it; pages (the Sample Page) are not articles.
      const articles = (await query(
        "SELECT url, epoch(published_at)::BIGINT AS ts FROM articles WHERE source_id = 'wp-local' ORDER BY url"
      )) as Array<{ url: string; ts: string | number | null }>
      const posts = wp.filter((w) => w.type === 'post')
      expect(articles.map((a) => slugOf(a.url)).sort(), `run ${round}`).toEqual(
        posts.map((p) => p.slug).sort()
      )
      for (const p of posts) {
        const a = articles.find((x) => slugOf(x.url) === p.slug)
        const want = Date.parse(`${p.date.replace(' ', 'T')}+07:00`) / 1000
        expect(a?.ts === null || a?.ts === undefined ? null : Number(a.ts), `${p.slug} published_at`).toBe(
          want
        )
      }
      for (const page of wp.filter((w) => w.type === 'page'))
        expect(
          articles.some((a) => slugOf(a.url) === page.slug),
          `${page.slug} is not an article`
        ).toBe(false)
    }
    expect(faults.some((f) => f.startsWith('503'))).toBe(true)
  }, 900_000)
})
