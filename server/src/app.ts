/**
 * The HTTP application: one Hono sub-app per resource under /api, the SQL console, OpenAPI, and the
 * built dashboard with SPA fallback. `createApp` opens the published database and returns the app plus
 * a close function; `server/src/main.ts` puts it on a port.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { compress } from 'hono/compress'
import { PublishedDb } from './db/published-db.ts'
import { ApiError, errorResponse, internalError } from './http/api-error.ts'
import { AuditLog, auditConsole, auditFileFor, auditRoutes } from './http/audit.ts'
import {
  type AccessConfig,
  accessConfigured,
  accessControl,
  Authenticator,
  parseAccessConfig,
  principalOf,
} from './http/auth.ts'
import type { AppEnv } from './http/env.ts'
import { RouteRegistry } from './http/route-docs.ts'
import { corsFor, parseCorsOrigins, securityHeaders } from './http/security-headers.ts'
import { buildOpenApi } from './openapi.ts'
import { articlesRoutes } from './routes/articles.ts'
import { campaignsRoutes } from './routes/campaigns.ts'
import { checksRoutes } from './routes/checks.ts'
import { coverageRoutes } from './routes/coverage.ts'
import { documentsRoutes } from './routes/documents.ts'
import { documentDetailRoutes } from './routes/document-detail.ts'
import { alertsRoutes } from './routes/alerts.ts'
import { feedsRoutes } from './routes/feeds.ts'
import { geoRoutes } from './routes/geo.ts'
import { healthRoutes } from './routes/health.ts'
import { runsRoutes, sourcesRoutes } from './routes/pipeline.ts'
import { provinceProfileRoutes } from './routes/province-profile.ts'
import { provincesRoutes } from './routes/provinces.ts'
import { type SqlRouteOptions, sqlRoutes } from './routes/sql.ts'
import { sqlSchemaRoutes } from './routes/sql-schema.ts'
import { timelinesRoutes } from './routes/timelines.ts'
import { trendsRoutes } from './routes/trends.ts'
import { overviewRoutes } from './routes/overview.ts'
import { consolePoolFor, type ConsoleSettings } from './sql-console/config.ts'
import { RateLimiter } from './sql-console/rate-limit.ts'
import { allowedHostsFromEnv } from './sql-console/request-checks.ts'
import type { ConsolePool } from './sql-console/worker-pool.ts'
import { searchThreadCount } from './search/index-store.ts'
import { mountWeb } from './static-web.ts'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DEFAULT_WEB_DIST = path.join(repoRoot, 'web', 'dist')
export const DEFAULT_REFERENCE_DIR = path.join(repoRoot, 'data', 'reference')
export const API_VERSION = '1.0.0'

export interface CreateAppOptions {
  readonly dbFile: string
  readonly webDist?: string
  readonly referenceDir?: string
  readonly sql?: ConsoleSettings & { rateLimit?: number; rateWindowMs?: number }
  /** Use X-Forwarded-For for the client key (only behind a trusted reverse proxy). */
  readonly trustProxy?: boolean
  /** Watch X.published/CURRENT for new versions (default true). */
  readonly watch?: boolean
  readonly pollMs?: number
  /** Cache query results per published version (default true; benchmarks turn it off). */
  readonly cache?: boolean
  readonly log?: (msg: string) => void
  /** Roles and credentials (default: THIDUA_TOKENS / THIDUA_USERS from the environment; see http/auth.ts). */
  readonly access?: AccessConfig
  /** Origins allowed by CORS (default: THIDUA_CORS_ORIGINS; none = CORS off). */
  readonly corsOrigins?: ReadonlyArray<string>
  /** Console audit log file (default `<dbFile>.audit/console.jsonl`) and clocks for tests. */
  readonly audit?: { file?: string; now?: () => number; wallClock?: () => Date }
}

export interface AppHandle {
  readonly app: Hono<AppEnv>
  readonly db: PublishedDb
  /** The SQL console's worker processes (tests await `sqlPool.ready()`). */
  readonly sqlPool: ConsolePool
  /** True when credentials are configured; otherwise the server must listen on loopback only. */
  readonly accessControlled: boolean
  readonly audit: AuditLog
  close(): Promise<void>
}

const clientKeyOf =
  (trustProxy: boolean) =>
  (c: Context): string => {
    if (trustProxy) {
      const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      if (fwd) return fwd
    }
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    return incoming?.socket?.remoteAddress ?? 'local'
  }

const etagFor = (version: string, url: string): string =>
  `W/"${createHash('sha1').update(version).update('\n').update(url).digest('base64url').slice(0, 27)}"`

const noRoute = (c: Context) =>
  errorResponse(
    c,
    new ApiError(
      404,
      'not_found',
      `Không có đường dẫn ${c.req.method} ${c.req.path}.`,
      `No route ${c.req.method} ${c.req.path}.`,
      { detail: 'See /api/openapi.json' }
    )
  )

/**
 * Every API request leases one database version for its whole lifetime, so a publish that swaps
 * versions mid-request never closes the file under it. GET answers carry an ETag of that version.
 */
const leaseVersion =
  (db: PublishedDb): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const lease = db.acquire()
    c.set('lease', lease)
    try {
      if (c.req.method !== 'GET') return await next()
      const etag = etagFor(lease.versionTag, c.req.url.slice(new URL(c.req.url).origin.length))
      const inm = c.req.header('if-none-match')
      if (inm && inm.split(',').some((t) => t.trim() === etag)) {
        return c.body(null, 304, { ETag: etag, 'Cache-Control': 'no-cache' })
      }
      await next()
      if (c.res.status === 200) {
        c.res.headers.set('ETag', etag)
        if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache')
      }
    } finally {
      lease.release()
    }
  }

/** Every resource's sub-app under /api, registered with its documentation. */
const mountApi = (
  app: Hono<AppEnv>,
  reg: RouteRegistry,
  o: { referenceDir?: string; sqlOpts: SqlRouteOptions; audit: AuditLog }
) => {
  const mount = (prefix: string, build: (reg: RouteRegistry, prefix: string) => Hono<AppEnv>) =>
    app.route(prefix, build(reg, prefix))
  mount('/api/health', healthRoutes)
  mount('/api/provinces', provincesRoutes)
  mount('/api/provinces', provinceProfileRoutes)
  mount('/api/campaigns', campaignsRoutes)
  mount('/api/coverage', coverageRoutes)
  mount('/api/timelines', timelinesRoutes)
  mount('/api/trends', trendsRoutes)
  mount('/api/overview', overviewRoutes)
  mount('/api/documents', documentsRoutes)
  mount('/api/documents', documentDetailRoutes)
  mount('/api/alerts', alertsRoutes)
  mount('/api/feeds', feedsRoutes)
  mount('/api/articles', articlesRoutes)
  mount('/api/runs', runsRoutes)
  mount('/api/checks', checksRoutes)
  mount('/api/sources', sourcesRoutes)
  mount('/api/geo', (r, p) => geoRoutes(r, p, o.referenceDir ?? DEFAULT_REFERENCE_DIR))
  mount('/api/sql', (r, p) => sqlRoutes(r, p, o.sqlOpts))
  mount('/api/sql/schema', sqlSchemaRoutes)
  mount('/api/audit', (r, p) => auditRoutes(r, p, o.audit))
  reg.docs.push({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI document',
    params: {},
    table: false,
    tag: 'meta',
  })
}

export const createApp = async (opts: CreateAppOptions): Promise<AppHandle> => {
  const log = opts.log ?? ((m: string) => console.error(m))
  // Configuration errors are found before the database is opened.
  const access = opts.access ?? parseAccessConfig(process.env)
  const cors = corsFor(opts.corsOrigins ?? parseCorsOrigins(process.env.THIDUA_CORS_ORIGINS))
  searchThreadCount() // a bad THIDUA_SEARCH_THREADS stops the start with its one line, not the first search
  const db = await PublishedDb.open(opts.dbFile, {
    watch: opts.watch ?? true,
    pollMs: opts.pollMs,
    cache: opts.cache,
  })
  db.onSwap = (tag) => log(`[server] now serving ${tag}`)
  const reg = new RouteRegistry()
  const app = new Hono<AppEnv>()

  app.onError((err, c) => (err instanceof ApiError ? errorResponse(c, err) : internalError(c, err, log)))
  app.notFound(noRoute)
  app.use('*', compress())
  app.use('*', securityHeaders())
  if (cors) app.use('/api/*', cors)
  // The audit wraps access control too, so refused console requests are logged as well.
  const audit = new AuditLog(opts.audit?.file ?? auditFileFor(opts.dbFile), log)
  const clientKey = clientKeyOf(opts.trustProxy ?? false)
  app.use('/api/sql', auditConsole(audit, { principal: principalOf, clientKey, ...opts.audit }))
  app.use('*', accessControl(accessConfigured(access) ? new Authenticator(access) : null))

  app.use('/api/*', leaseVersion(db))

  const sqlPool = consolePoolFor(opts.sql, log)
  const sqlOpts = {
    pool: sqlPool,
    limiter: new RateLimiter(opts.sql?.rateLimit ?? 30, opts.sql?.rateWindowMs ?? 60_000),
    clientKey: clientKeyOf(opts.trustProxy ?? false),
    allowedHosts: allowedHostsFromEnv(),
  }
  mountApi(app, reg, { referenceDir: opts.referenceDir, sqlOpts, audit })
  const openapi = buildOpenApi(reg.docs, API_VERSION)
  app.get('/api/openapi.json', (c) => c.json(openapi))
  app.all('/api/*', (c) => c.notFound())

  mountWeb(app, opts.webDist)
  return {
    app,
    db,
    sqlPool,
    accessControlled: accessConfigured(access),
    audit,
    // Console workers first: they are killed, so a runaway query never holds up shutdown.
    close: () => sqlPool.close().then(() => audit.flushed().then(() => db.close())),
  }
}
