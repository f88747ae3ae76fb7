/**
 * A small programmable web server for crawler tests: many virtual hosts behind one loopback port with
 * the simulator's URL mapping (`<origin>/_h/<host>/path?query`), conditional GET, and per-route fault
 * handlers (status codes, Retry-After, stalls, oversized bodies, redirects, resets). Unit tests use it
 * where the snapshot simulator would be too coarse to provoke one exact fault.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Reply {
  readonly status?: number
  readonly headers?: Record<string, string>
  readonly body?: string | Uint8Array
  /** Hold the response this long before answering (timeouts). */
  readonly delayMs?: number
  /** Destroy the socket without an answer (network error). */
  readonly reset?: boolean
  /** Stream this many bytes of filler (max body size). */
  readonly streamBytes?: number
}

/** `hit` counts requests to this host+path (1 = first). */
export type Route = Reply | ((ctx: { hit: number; req: IncomingMessage }) => Reply)

export interface SiteSpec {
  /** host → path-with-query → route */
  readonly hosts: Record<string, Record<string, Route>>
}

export interface LoggedRequest {
  readonly host: string
  readonly path: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly at: number
}

export interface TestSite {
  readonly origin: string
  readonly hostMap: Record<string, string>
  readonly log: LoggedRequest[]
  /** Replace or add routes while running (revisits, changed pages). */
  readonly set: (host: string, path: string, route: Route) => void
  readonly close: () => Promise<void>
}

const send = (res: ServerResponse, reply: Reply, req: IncomingMessage) => {
  if (reply.reset) {
    req.socket.destroy()
    return
  }
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', ...reply.headers }
  const etag = headers.etag
  const lastModified = headers['last-modified']
  const status = reply.status ?? 200
  if (status === 200 && etag && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag })
    res.end()
    return
  }
  if (status === 200 && !etag && lastModified && req.headers['if-modified-since'] === lastModified) {
    res.writeHead(304, { 'last-modified': lastModified })
    res.end()
    return
  }
  if (reply.streamBytes !== undefined) {
    res.writeHead(status, headers)
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let left = reply.streamBytes
    const pump = () => {
      while (left > 0) {
        const part = chunk.subarray(0, Math.min(chunk.length, left))
        left -= part.length
        if (!res.write(part)) {
          res.once('drain', pump)
          return
        }
      }
      res.end()
    }
    pump()
    return
  }
  const body = reply.body ?? ''
  res.writeHead(status, headers)
  res.end(typeof body === 'string' ? body : Buffer.from(body))
}

export async function startTestSite(spec: SiteSpec): Promise<TestSite> {
  const routes = new Map<string, Map<string, Route>>()
  for (const [host, paths] of Object.entries(spec.hosts)) routes.set(host, new Map(Object.entries(paths)))
  const hits = new Map<string, number>()
  const log: LoggedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  const server = createServer((req, res) => {
    const m = /^\/_h\/([^/]+)(\/.*)?$/.exec(req.url ?? '')
    // Without the /_h/ prefix the site answers as itself: the Host header (with its port) picks the routes.
    const host = m ? (m[1] ?? '') : (req.headers.host ?? '')
    const path = m ? (m[2] ?? '/') : (req.url ?? '/')
    log.push({ host, path, headers: req.headers, at: Date.now() })
    const route = routes.get(host)?.get(path)
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found')
      return
    }
    const key = `${host}${path}`
    const hit = (hits.get(key) ?? 0) + 1
    hits.set(key, hit)
    const reply = typeof route === 'function' ? route({ hit, req }) : route
    if (reply.delayMs) {
      const t = setTimeout(() => {
        timers.delete(t)
        if (!res.destroyed) send(res, reply, req)
      }, reply.delayMs)
      timers.add(t)
      res.on('close', () => {
        clearTimeout(t)
        timers.delete(t)
      })
    } else send(res, reply, req)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const hostMap: Record<string, string> = {}
  for (const host of routes.keys()) hostMap[host] = `${origin}/_h/${host}`
  return {
    origin,
    hostMap,
    log,
    set: (host, path, route) => {
      let r = routes.get(host)
      if (!r) {
        r = new Map()
        routes.set(host, r)
        hostMap[host] = `${origin}/_h/${host}`
      }
      r.set(path, route)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t)
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// ---------------------------------------------------------------------------------------------------
// A NukeViet-shaped news site with real Vietnamese text, for end-to-end crawl tests.

export interface NewsSiteOptions {
  readonly host: string
  /** Article texts (paragraph lists); one article per entry. */
  readonly articles: ReadonlyArray<{ readonly title: string; readonly paragraphs: ReadonlyArray<string> }>
  readonly perPage?: number
  readonly robots?: string
  /** Extra off-site link placed on every listing page. */
  readonly offsiteLink?: string
}

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

export const articlePath = (i: number) => `/vi/news/thi-dua-khen-thuong/bai-viet-${i + 1}-${1000 + i}.html`
export const listingPath = (page: number) =>
  page <= 1 ? '/vi/news/thi-dua-khen-thuong/' : `/vi/news/thi-dua-khen-thuong/page-${page}/`

/** Routes of a NukeViet-like site: home, paged category, articles, RSS, sitemap, robots.txt. */
export function newsSiteRoutes(o: NewsSiteOptions): Record<string, Route> {
  const perPage = o.perPage ?? 5
  const pages = Math.max(1, Math.ceil(o.articles.length / perPage))
  const routes: Record<string, Route> = {}
  const lastModified = 'Tue, 22 Oct 2019 08:50:00 GMT'
  o.articles.forEach((a, i) => {
    routes[articlePath(i)] = {
      headers: { 'last-modified': lastModified },
      body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<meta property="og:type" content="article"></head><body><div class="news_column panel">
<h1 class="title">${esc(a.title)}</h1><span class="h5">Thứ ba - 22/10/2019 15:50</span>
<div id="news-bodyhtml" class="bodytext">${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div>
<ul class="related"><li><a href="${articlePath((i + 1) % o.articles.length)}">Tin khác</a></li></ul>
</div></body></html>`,
    }
  })
  for (let p = 1; p <= pages; p++) {
    const items = o.articles.slice((p - 1) * perPage, p * perPage)
    const pager = Array.from({ length: pages }, (_, k) => k + 1)
      .map((n) =>
        n === p
          ? `<li class="page-item active"><a class="page-link" href="javascript:void(0)">${n}</a></li>`
          : `<li class="page-item"><a class="page-link" href="${listingPath(n)}"${n === p + 1 ? ' rel="next"' : ''}>${n}</a></li>`
      )
      .join('')
    routes[listingPath(p)] = {
      headers: { etag: `"list-${p}-${o.articles.length}"` },
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Thi đua - Trang ${p}</title></head><body>
<div class="news_column">${items
        .map((a, k) => {
          const idx = (p - 1) * perPage + k
          return `<div class="panel-body"><h3><a href="${articlePath(idx)}?utm_source=list">${esc(a.title)}</a></h3></div>`
        })
        .join('\n')}</div>
${o.offsiteLink ? `<a href="${o.offsiteLink}">Liên kết</a>` : ''}
<div class="text-center"><ul class="pagination">${pager}</ul></div></body></html>`,
    }
  }
  routes['/'] = {
    body: `<!doctype html><html><head><meta charset="utf-8"><title>Trang chủ</title>
<link rel="alternate" type="application/rss+xml" href="/vi/news/rss/"></head><body>
<nav><a href="${listingPath(1)}">Thi đua khen thưởng</a><a href="mailto:x@y.vn">mail</a></nav></body></html>`,
  }
  routes['/vi/news/rss/'] = {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin</title>${o.articles
      .slice(0, 3)
      .map(
        (a, i) =>
          `<item><title>${esc(a.title)}</title><link>https://${o.host}${articlePath(i)}</link><guid isPermaLink="false">news_${i}</guid></item>`
      )
      .join('')}</channel></rss>`,
  }
  routes['/sitemap.xml'] = {
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://${o.host}/sitemap-vi.news.xml</loc></sitemap></sitemapindex>`,
  }
  routes['/sitemap-vi.news.xml'] = {
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${o.articles
      .map(
        (_, i) =>
          `<url><loc>https://${o.host}${articlePath(i)}</loc><news:news><news:title>t</news:title></news:news></url>`
      )
      .join('')}</urlset>`,
  }
  routes['/robots.txt'] = {
    headers: { 'content-type': 'text/plain' },
    body: o.robots ?? 'User-agent: *\nDisallow: /admin/\n',
  }
  return routes
}
