import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { readQuery } from '../http/query-schema.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { COOKBOOK } from '../sql-console/cookbook.ts'
import { refuse } from '../sql-console/refusals.ts'
import type { RateLimiter } from '../sql-console/rate-limit.ts'
import { checkConsoleRequest } from '../sql-console/request-checks.ts'
import { boundedBody } from '../sql-console/bounded-body.ts'
import type { ConsolePool } from '../sql-console/worker-pool.ts'
import type { SqlAnswer } from './sql-types.ts'

export interface SqlRouteOptions {
  readonly pool: ConsolePool
  readonly limiter: RateLimiter
  readonly clientKey: (c: Context) => string
  /** Host names beyond loopback, IP literals and this machine's name (THIDUA_ALLOWED_HOSTS). */
  readonly allowedHosts: ReadonlyArray<string>
}

const readSql = async (c: Context): Promise<string> => {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new ApiError(
      400,
      'invalid_body',
      'Thân yêu cầu phải là JSON dạng {"sql": "…"}.',
      'The request body must be JSON like {"sql": "…"}.'
    )
  }
  const sql = (body as { sql?: unknown } | null)?.sql
  if (typeof sql !== 'string')
    throw new ApiError(400, 'invalid_body', 'Thiếu trường "sql" kiểu chuỗi.', 'Missing string field "sql".', {
      param: 'sql',
    })
  return sql
}

/** When each request arrived: the console's deadline counts from here, not from when a worker is free. */
const arrivals = new WeakMap<Request, number>()

export const sqlRoutes = (reg: RouteRegistry, prefix: string, opts: SqlRouteOptions) => {
  const { maxRows, maxBytes, timeoutMs, workers, queue } = opts.pool.opts
  const app = new Hono<AppEnv>()
  reg.post(prefix, '', {
    summary: 'Run one read-only SQL statement against the published database (researchers)',
    description: `Body {"sql": "…"} sent as application/json from this server's own origin. One SELECT/WITH/FROM/VALUES/EXPLAIN/DESCRIBE/SHOW/SUMMARIZE statement; no file, network, extension or settings access; at most ${maxRows} rows (truncated flag) and ${Math.round(maxBytes / 1024)} KB of JSON (413 beyond); answered within ${timeoutMs} ms of arrival (422 sql_timeout); ${workers} queries at once, ${queue} waiting (503 + Retry-After beyond); ${opts.limiter.max} requests per ${opts.limiter.windowMs / 1000} s per client. Refusals are 4xx JSON with message_vi and message_en.`,
    params: {},
    table: true,
    tag: 'sql',
  })
  app.post(
    '/',
    async (c, next) => {
      arrivals.set(c.req.raw, Date.now())
      await next()
    },
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new ApiError(
          413,
          'body_too_large',
          'Thân yêu cầu quá 64 KB.',
          'Request body larger than 64 KB.'
        )
      },
    }),
    async (c) => {
      const arrival = arrivals.get(c.req.raw) ?? Date.now()
      checkConsoleRequest(c, opts.allowedHosts)
      const { format } = readQuery(c, {})
      const decision = opts.limiter.check(opts.clientKey(c))
      c.header('X-RateLimit-Limit', String(opts.limiter.max))
      c.header('X-RateLimit-Remaining', String(decision.remaining))
      if (!decision.allowed)
        throw new ApiError(
          429,
          'rate_limited',
          `Quá nhiều truy vấn; thử lại sau ${decision.retryAfterSeconds} giây.`,
          `Too many queries; retry in ${decision.retryAfterSeconds} s.`,
          {
            headers: { 'Retry-After': String(decision.retryAfterSeconds) },
          }
        )
      const sql = await readSql(c)
      const result = await opts.pool.run(c.get('lease').file, sql, arrival)
      const deadline = arrival + timeoutMs
      if (Date.now() >= deadline) throw refuse.timeout(timeoutMs)
      c.header('Cache-Control', 'no-store')
      const res = sendTable(c, format, result, {
        name: 'query',
        // with the columns and rows sendTable adds, the JSON answer is a SqlAnswer
        extra: {
          truncated: result.truncated,
          max_rows: maxRows,
          elapsed_ms: result.elapsed_ms,
          types: result.types,
        } satisfies Omit<SqlAnswer, 'columns' | 'rows'>,
      })
      return boundedBody(res, deadline)
    }
  )
  reg.get(
    app,
    prefix,
    '/examples',
    { summary: 'Cookbook of example queries for the SQL console', params: {}, table: false, tag: 'sql' },
    async (c) => c.json({ examples: COOKBOOK })
  )
  return app
}
