import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { readParams } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import { COOKBOOK } from '../sql-console/cookbook.ts'
import type { RateLimiter } from '../sql-console/rate-limit.ts'
import { runConsoleQuery, type SqlLimits } from '../sql-console/run-query.ts'

export interface SqlRouteOptions extends SqlLimits {
  readonly limiter: RateLimiter
  readonly clientKey: (c: Context) => string
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

export const sqlRoutes = (reg: RouteRegistry, prefix: string, opts: SqlRouteOptions) => {
  const app = new Hono<AppEnv>()
  reg.post(prefix, '', {
    summary: 'Run one read-only SQL statement against the published database (researchers)',
    description: `Body {"sql": "…"}. One SELECT/WITH/EXPLAIN/DESCRIBE/SHOW statement; no file, network, extension or settings access; at most ${opts.maxRows} rows (truncated flag); interrupted after ${opts.timeoutMs} ms; ${opts.limiter.max} requests per ${opts.limiter.windowMs / 1000} s per client. Refusals are 4xx JSON with message_vi and message_en.`,
    params: {},
    table: true,
    tag: 'sql',
  })
  app.post(
    '/',
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
      const { format } = readParams(c, {})
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
      const conn = await c.get('lease').sandboxConnection()
      const result = await runConsoleQuery(conn, sql, opts)
      c.header('Cache-Control', 'no-store')
      return sendTable(c, format, result, {
        name: 'query',
        extra: {
          truncated: result.truncated,
          max_rows: opts.maxRows,
          elapsed_ms: result.elapsed_ms,
          types: result.types,
        },
      })
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
