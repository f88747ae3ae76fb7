/**
 * A hostile news portal on loopback (issue #18): script, SVG, CSS, template and SQL-ish payloads in every
 * field a parser reads (title, body, byline, date, links, attachment names, meta tags, JSON-LD, URLs),
 * and the awkward pages — 15 MB of combining marks, 10,000-deep nesting, redirects to `file:` and
 * `javascript:`, a UTF-7 meta charset, stray bytes in UTF-8, NUL and RLO in a title, an 880k-character
 * article made of one giant repeated sentence. Every payload that runs sets `window.__pwned` or opens a
 * dialog, which the browser test watches for. Requests are logged with their arrival time.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Markup that runs script if a view ever inserts it as HTML. */
export const PAYLOADS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<svg onload="window.__pwned=1;alert(1)"><circle r="1"/></svg>',
  '<a href="javascript:window.__pwned=1;alert(1)">bấm vào đây</a>',
  '<div style="width:expression(alert(1));background:url(javascript:alert(1))">css</div>',
  '<iframe src="javascript:parent.__pwned=1"></iframe>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>window.__pwned=1</script>',
  '{{constructor.constructor("window.__pwned=1;alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${alert(1)}',
  "'; DROP TABLE articles; --",
  '" OR 1=1 --',
] as const

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const PARA =
  'Ủy ban nhân dân tỉnh ban hành Kế hoạch số 45/KH-UBND ngày 10/3/2024 về tổ chức phong trào thi đua yêu nước năm 2024, giao các sở, ban, ngành và địa phương triển khai thực hiện đến cơ sở.'
const PARA2 =
  'Đại hội Thi đua yêu nước tỉnh lần thứ VI dự kiến tổ chức trong tháng 9/2025; Ban Tổ chức đại hội đã phân công nhiệm vụ cho các tiểu ban chuẩn bị văn kiện và khen thưởng.'

interface ArticleParts {
  title: string // raw text; escaped here
  byline?: string
  date?: string
  body?: string // raw HTML
  head?: string // raw HTML
}

/** A news article in plain markup; the title and byline are text (escaped), so payloads arrive as text. */
const article = (a: ArticleParts) => {
  const p = PAYLOADS.map(esc)
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.date ?? '2024-05-10T08:00:00+07:00',
    author: { '@type': 'Person', name: a.byline ?? PAYLOADS[1] },
    description: PAYLOADS.join(' '),
  }).replace(/<\//g, '<\\/')
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">${a.head ?? ''}
<title>${esc(a.title)}</title>
<meta property="og:title" content="${esc(a.title)}">
<meta name="description" content="${p.join(' ')}">
<meta property="article:published_time" content="${esc(a.date ?? '2024-05-10T08:00:00+07:00')}">
<meta name="author" content="${esc(a.byline ?? PAYLOADS[0])}">
<script type="application/ld+json">${ld}</script>
<style>body{background:url("javascript:alert(1)")}</style>
</head><body><div class="container"><article class="news-detail">
<h1 class="title">${esc(a.title)}</h1>
<p class="byline">Tác giả: ${esc(a.byline ?? PAYLOADS[1])} · <time datetime="${esc(a.date ?? '2024-05-10')}">10/05/2024 ${p[8]}</time></p>
${a.body ?? `<p>${PARA} ${p[0]}</p><p>${PARA2} ${p[1]} ${p[9]}</p><p>Văn bản liên quan: ${p[10]} ${p[11]} ${p[6]}</p>`}
<p>${PAYLOADS[0]}${PAYLOADS[2]}${PAYLOADS[4]} Xem thêm <a href="javascript:window.__pwned=1">liên kết ${p[3]}</a>.</p>
<p>Tải về: <a href="/files/ke-hoach-${encodeURIComponent(PAYLOADS[1])}.pdf">Kế hoạch ${p[1]}.pdf</a></p>
</article></div></body></html>`
}

export interface HostilePage {
  readonly path: string
  readonly what: string
  readonly status?: number
  readonly headers?: Record<string, string>
  readonly body: () => Buffer
}

const html = (s: string) => () => Buffer.from(s, 'utf8')
const HTML = { 'content-type': 'text/html; charset=utf-8' }
const BARE = { 'content-type': 'text/html' }

/** Characters of the giant article; its body is one sentence repeated with no full stop. */
export const GIANT_CHARS = 880_000
const giantBody = () => {
  const s = `Thực hiện Kế hoạch số 45/KH-UBND ngày 10/3/2024 về phong trào thi đua yêu nước ${PAYLOADS[0]}, `
  return `<p>${PARA}</p><p>${esc(s.repeat(Math.ceil(GIANT_CHARS / s.length)).slice(0, GIANT_CHARS))}</p>`
}

/** The awkward pages, at article-shaped URLs so the crawler treats them as articles. */
export const awkwardPages = (): HostilePage[] => [
  {
    path: '/tin-tuc/dau-thanh-1001.html',
    what: '15 MB of combining marks',
    headers: HTML,
    // ~14.6 MB: under the crawler's 15 MiB body cap, so the page is fetched and decoded whole
    body: html(
      article({
        title: 'Kế hoạch thi đua năm 2024 (dấu chồng)',
        body: `<p>${PARA}</p><p>${PARA2}</p><p>a${'\u0301\u0323'.repeat(3_650_000)}</p>`,
      })
    ),
  },
  {
    path: '/tin-tuc/long-sau-1002.html',
    what: '10,000-deep nesting',
    headers: HTML,
    body: html(
      article({
        title: 'Kế hoạch thi đua năm 2024 (lồng sâu)',
        body: `${'<div>'.repeat(10_000)}<p>${PARA}</p><p>${PARA2}</p>${'</div>'.repeat(10_000)}`,
      })
    ),
  },
  {
    path: '/tin-tuc/chuyen-file-1003.html',
    what: 'redirect to file:',
    status: 302,
    headers: { location: 'file:///etc/passwd' },
    body: () => Buffer.alloc(0),
  },
  {
    path: '/tin-tuc/chuyen-js-1004.html',
    what: 'redirect to javascript:',
    status: 302,
    headers: { location: 'javascript:alert(1)' },
    body: () => Buffer.alloc(0),
  },
  {
    path: '/tin-tuc/utf7-1005.html',
    what: 'UTF-7 meta charset',
    headers: BARE,
    // honoured as UTF-7, "+ADw-script+AD4-" would become a script tag
    body: html(
      article({
        title: 'Kế hoạch thi đua năm 2024 (UTF-7)',
        head: '<meta charset="utf-7">',
        body: `<p>${PARA} +ADw-script+AD4-window.__pwned=1+ADw-/script+AD4-</p><p>${PARA2}</p>`,
      })
    ),
  },
  {
    path: '/tin-tuc/byte-lac-1006.html',
    what: 'stray bytes in UTF-8',
    headers: BARE,
    body: () => {
      const b = Buffer.from(
        article({ title: 'Kế hoạch thi đua yêu nước năm 2024 có byte lạc' }).replace(
          '<meta charset="utf-8">',
          ''
        ),
        'utf8'
      )
      const at = b.indexOf('Ủy ban')
      return Buffer.concat([b.subarray(0, at), Buffer.from([0xff, 0xfe, 0x81]), b.subarray(at)])
    },
  },
  {
    path: '/tin-tuc/tieu-de-1007.html',
    what: 'NUL and RLO in the title',
    headers: HTML,
    body: html(article({ title: 'Kế hoạch\u0000 thi đua \u202eexe.gnp\u202c năm 2024' })),
  },
  {
    path: '/tin-tuc/bai-khong-lo-1008.html',
    what: '880k-character article of one giant repeated sentence',
    headers: HTML,
    body: html(article({ title: 'Kế hoạch thi đua năm 2024 (bài khổng lồ)', body: giantBody() })),
  },
  {
    path: `/tin-tuc/${encodeURIComponent('<script>alert(1)</script>')}-1009.html`,
    what: 'payload in the URL',
    headers: HTML,
    body: html(article({ title: `Kế hoạch thi đua năm 2024 ${PAYLOADS[0]}` })),
  },
]

/** Ordinary articles with payloads in every field, crawled after the awkward ones. */
export const payloadPages = (n: number): HostilePage[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `/tin-tuc/bai-viet-${2001 + i}.html`,
    what: 'payloads in every field',
    headers: HTML,
    body: html(
      article({
        title: `Phong trào thi đua số ${i + 1} năm 2024 ${PAYLOADS[i % PAYLOADS.length]}`,
        byline: PAYLOADS[(i + 3) % PAYLOADS.length],
        date: i % 3 === 0 ? `2024-05-${10 + i}T08:00:00+07:00` : `${PAYLOADS[9]} 2024-05-1${i % 10}`,
      })
    ),
  }))

/** Plain articles of a well-behaved second site, crawled beside the hostile one to see it is not stalled. */
export const calmPages = (n: number): HostilePage[] =>
  Array.from({ length: n }, (_, i) => ({
    path: `/tin-tuc/tin-binh-thuong-${3001 + i}.html`,
    what: 'an ordinary article',
    headers: HTML,
    body: html(
      article({
        title: `Tin thi đua bình thường số ${i + 1}`,
        byline: 'Phóng viên',
        body: `<p>${PARA}</p><p>${PARA2}</p>`,
      })
    ),
  }))

export interface Portal {
  readonly origin: string
  readonly pages: HostilePage[]
  /** Every request: path and arrival (performance.now() of this process). */
  readonly log: Array<{ path: string; at: number }>
  close(): Promise<void>
}

/** Serves `pages` plus robots.txt, a sitemap of them and a home page full of payloads, on loopback. */
export interface PortalOptions {
  /** Answer this path only once the promise settles (null: at once). */
  readonly hold?: (path: string) => Promise<void> | null
  readonly onRequest?: (path: string) => void
}

export const startPortal = async (pages: HostilePage[], opts: PortalOptions = {}): Promise<Portal> => {
  // Bodies are built before listening, so building a 15 MB page never stalls this process's answers.
  const bodies = new Map(pages.map((p) => [p.path, p.body()]))
  const log: Array<{ path: string; at: number }> = []
  let origin = ''
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/'
    log.push({ path, at: performance.now() })
    opts.onRequest?.(path)
    const page = pages.find((p) => p.path === path)
    if (page) {
      const answer = () => {
        res.writeHead(page.status ?? 200, page.headers)
        res.end(bodies.get(path))
      }
      const held = opts.hold?.(path)
      if (held) void held.then(answer)
      else answer()
    } else if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end(`User-agent: *\nAllow: /\nSitemap: ${origin}/sitemap.xml\n`)
    } else if (path === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' })
      const urls = pages.map(
        (p) => `<url><loc>${esc(origin + p.path)}</loc><lastmod>2024-05-10</lastmod></url>`
      )
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`
      )
    } else if (path === '/') {
      res.writeHead(200, HTML)
      res.end(
        `<!doctype html><html><head><title>${esc(PAYLOADS[0])}</title></head><body>${PAYLOADS.join('')}</body></html>`
      )
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    pages,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export const startHostilePortal = (opts: PortalOptions = {}, fillers = 12): Promise<Portal> =>
  startPortal([...awkwardPages(), ...payloadPages(fillers)], opts)
