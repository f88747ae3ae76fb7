/**
 * The one error type of the HTTP boundary. Every refusal carries a machine code and a message in
 * Vietnamese and English; nothing else (no stack, no SQL internals beyond DuckDB's own message) leaks.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface ErrorBody {
  readonly error: {
    readonly status: number
    readonly code: string
    readonly message_vi: string
    readonly message_en: string
    readonly param?: string
    readonly detail?: string
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly extra: { param?: string; detail?: string; headers?: Record<string, string> } = {}
  ) {
    super(en)
  }

  body(): ErrorBody {
    const { param, detail } = this.extra
    return {
      error: {
        status: this.status,
        code: this.code,
        message_vi: this.vi,
        message_en: this.en,
        ...(param ? { param } : {}),
        ...(detail ? { detail } : {}),
      },
    }
  }
}

export const badParam = (param: string, vi: string, en: string): ApiError =>
  new ApiError(
    400,
    'invalid_parameter',
    `Tham số "${param}" không hợp lệ: ${vi}`,
    `Invalid "${param}": ${en}`,
    {
      param,
    }
  )

export const notFound = (what: string, vi: string, en: string): ApiError =>
  new ApiError(404, 'not_found', vi, en, { detail: what })

export const errorResponse = (c: Context, err: ApiError): Response => {
  for (const [k, v] of Object.entries(err.extra.headers ?? {})) c.header(k, v)
  c.header('Cache-Control', 'no-store')
  return c.json(err.body(), err.status)
}

/** Anything that is not an ApiError becomes a 500 with a generic message; the cause goes to the log. */
export const internalError = (c: Context, cause: unknown, log: (msg: string) => void): Response => {
  log(`[server] ${c.req.method} ${c.req.path}: ${cause instanceof Error ? cause.message : String(cause)}`)
  return errorResponse(
    c,
    new ApiError(
      500,
      'internal_error',
      'Lỗi máy chủ nội bộ; vui lòng thử lại sau.',
      'Internal server error; please retry later.'
    )
  )
}
