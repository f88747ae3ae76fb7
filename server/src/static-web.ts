/**
 * Serves the built dashboard (web/dist) with an SPA fallback: any GET outside /api that is not a file
 * gets index.html, so deep links like /compare?province=20,40 work on reload.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './http/env.ts'

const MISSING_BUILD = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Thi Đua Atlas</title>
<body><h1>Thi Đua Atlas</h1><p>Chưa có bản build giao diện. Chạy <code>pnpm --filter @thidua/web build</code>.</p>
<p>The dashboard is not built yet. Run <code>pnpm --filter @thidua/web build</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`

export const mountWeb = (app: Hono<AppEnv>, webDist: string | undefined): void => {
  const indexFile = webDist ? path.join(webDist, 'index.html') : null
  if (!webDist || !indexFile || !existsSync(indexFile)) {
    app.get('*', (c) => (c.req.path.startsWith('/api') ? c.notFound() : c.html(MISSING_BUILD)))
    return
  }
  const root = path.relative(process.cwd(), webDist) || '.'
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    })
  )
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api')) return next()
    return serveStatic({ root })(c, next)
  })
  // Read per request so a rebuilt dashboard is picked up without restarting the server.
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api')) return c.notFound()
    c.header('Cache-Control', 'no-cache')
    return c.html(readFileSync(indexFile, 'utf8'))
  })
}
