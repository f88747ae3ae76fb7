/**
 * What makes POST /api/sql impossible to forge from another web page: a JSON body only (a cross-site
 * form or `text/plain` fetch cannot set application/json without a CORS preflight, and CORS is off),
 * an Origin that is absent (non-browser clients) or the server's own, and a Host that names this
 * server (DNS rebinding sends the attacker's host name).
 */
import { hostname } from 'node:os'
import type { Context } from 'hono'
import { ApiError } from '../http/api-error.ts'

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

const isIpLiteral = (host: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')

/** Host names (without port) the server answers the console for: loopback, IP literals, this machine, extras. */
export const hostAllowed = (host: string, extra: ReadonlyArray<string>): boolean => {
  const h = host.toLowerCase()
  return (
    LOOPBACK_NAMES.has(h) ||
    h.endsWith('.localhost') ||
    isIpLiteral(h) ||
    h === hostname().toLowerCase() ||
    extra.some((e) => e.toLowerCase() === h)
  )
}

/** Extra host names from THIDUA_ALLOWED_HOSTS (comma-separated), for a server reached by name. */
export const allowedHostsFromEnv = (): string[] =>
  (process.env.THIDUA_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

export const checkConsoleRequest = (c: Context, extraHosts: ReadonlyArray<string>): void => {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json')
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Thân yêu cầu phải có Content-Type: application/json.',
      'The request body must be sent as Content-Type: application/json.',
      { detail: type || '(none)' }
    )
  const url = new URL(c.req.url)
  if (!hostAllowed(url.hostname, extraHosts))
    throw new ApiError(
      403,
      'host_refused',
      'Tên máy chủ trong yêu cầu không phải của máy chủ này (THIDUA_ALLOWED_HOSTS để thêm).',
      'The Host of the request does not name this server (add it with THIDUA_ALLOWED_HOSTS).',
      { detail: url.hostname }
    )
  const origin = c.req.header('origin')
  const site = c.req.header('sec-fetch-site')
  let sameOrigin = origin === undefined
  if (origin !== undefined) {
    try {
      sameOrigin = new URL(origin).host === url.host
    } catch {
      sameOrigin = false
    }
  }
  if (!sameOrigin || site === 'cross-site' || site === 'same-site')
    throw new ApiError(
      403,
      'origin_refused',
      'Bảng điều khiển SQL chỉ nhận yêu cầu từ chính trang của máy chủ này.',
      "The SQL console only accepts requests from this server's own pages.",
      { detail: origin ?? site ?? '' }
    )
}
