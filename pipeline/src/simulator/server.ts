/**
 * The portal simulator: one loopback HTTP server that answers for every snapshot host under
 * `/_h/<host>/<path>` (contract 2), with robots/feeds/sitemaps from the snapshot, conditional GET,
 * gzip and per-route fault injection. Redirects and page links keep the real hosts.
 */
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { snapshotDir } from '../paths.ts'
import { FaultBook, type FaultRule } from './faults.ts'
import { GeneratedRoutes } from './generated-routes.ts'
import {
  MergedRoutes,
  NOT_FOUND_PAGE,
  type ResolvedRoute,
  type RouteSource,
  SnapshotRoutes,
} from './routes.ts'

export interface RequestLogEntry {
  readonly method: string
  readonly host: string
  readonly path: string
  readonly status: number
  readonly fault: FaultRule['fault'] | null
  readonly gzip: boolean
  readonly at: number
}

export interface Simulator {
  /** "http://127.0.0.1:<port>" */
  readonly origin: string
  /** Real host → base URL to prefix the real path with: `${origin}/_h/${host}`. */
  readonly hostMap: Record<string, string>
  readonly requestLog: RequestLogEntry[]
  close(): Promise<void>
}

export interface SimulatorOptions {
  /** Snapshot folder (default data/snapshot). Pass null to serve only a generated corpus. */
  readonly root?: string | null
  readonly port?: number
  readonly faults?: ReadonlyArray<FaultRule>
  /** A corpus written by `thidua generate`, served next to (or instead of) the snapshot. */
  readonly generated?: { readonly dir: string }
}

const etagOf = (bytes: Uint8Array): string =>
  `"${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}"`

const httpDate = (iso: string): string => new Date(iso).toUTCString()

const DEFAULT_OVERSIZE = 12 * 1024 * 1024

/** One request in flight: where it goes and how it is logged. */
interface Exchange {
  readonly req: http.IncomingMessage
  readonly res: http.ServerResponse
  readonly host: string
  readonly pathAndQuery: string
  readonly fault: FaultRule | null
  readonly log: (status: number, fault: FaultRule['fault'] | null, gz?: boolean) => void
}

/** ETags and gzipped bodies, computed once per body. */
interface BodyCache {
  readonly etags: WeakMap<Uint8Array, string>
  readonly gzipped: WeakMap<Uint8Array, Uint8Array>
}

const etagFor = (cache: BodyCache, body: Uint8Array): string => {
  let etag = cache.etags.get(body)
  if (!etag) {
    etag = etagOf(body)
    cache.etags.set(body, etag)
  }
  return etag
}

const gzipFor = (cache: BodyCache, body: Uint8Array): Uint8Array => {
  let z = cache.gzipped.get(body)
  if (!z) {
    z = new Uint8Array(gzipSync(body))
    cache.gzipped.set(body, z)
  }
  return z
}

/** Conditional GET: If-None-Match first, else If-Modified-Since (at one-second precision). */
const notModified = (req: http.IncomingMessage, etag: string, lastModified: string): boolean => {
  const inm = req.headers['if-none-match']
  const ims = req.headers['if-modified-since']
  return inm
    ? inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')
    : ims
      ? !Number.isNaN(Date.parse(ims)) &&
        Date.parse(ims) >= Math.floor(Date.parse(lastModified) / 1000) * 1000
      : false
}

const sendNotFound = (x: Exchange): void => {
  x.res.writeHead(404, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': NOT_FOUND_PAGE.length,
  })
  x.res.end(x.req.method === 'HEAD' ? undefined : NOT_FOUND_PAGE)
  x.log(404, x.fault?.fault ?? null)
}

/**
 * Promise the whole body, deliver half, then close: written on the raw socket so that Node's own
 * Content-Length bookkeeping cannot hold the short body back.
 */
const sendTruncated = (
  x: Exchange,
  status: number,
  headers: Record<string, string | number>,
  payload: Uint8Array
): void => {
  const head = [
    `HTTP/1.1 ${status} OK`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    'Connection: close',
    '',
    '',
  ].join('\r\n')
  const sock = x.req.socket
  x.res.detachSocket(sock)
  sock.write(head)
  sock.end(payload.subarray(0, Math.floor(payload.length / 2)))
}

/** A route's answer: redirect, 304, or the body (gzipped when asked), truncated under that fault. */
const sendRoute = (x: Exchange, cache: BodyCache, r: ResolvedRoute | null, contentType?: string) => {
  if (!r) return sendNotFound(x)
  const { req, res, fault } = x
  if (r.redirectTo) {
    res.writeHead(r.status, { Location: r.redirectTo, 'Content-Length': 0 }).end()
    return x.log(r.status, fault?.fault ?? null)
  }
  const body = r.body()
  const etag = etagFor(cache, body)
  const headers: Record<string, string | number> = {
    'Content-Type': contentType ?? r.contentType,
    'Last-Modified': httpDate(r.lastModified),
    // Replaying a capture: the server's clock is the capture time, so relative dates resolve as they did.
    ...(r.capturedAt ? { Date: httpDate(r.capturedAt) } : {}),
    ETag: etag,
    'Cache-Control': 'max-age=0, must-revalidate',
    Vary: 'Accept-Encoding',
  }
  if (r.status === 200 && notModified(req, etag, r.lastModified)) {
    res.writeHead(304, { ETag: etag, 'Last-Modified': headers['Last-Modified']! }).end()
    return x.log(304, fault?.fault ?? null)
  }
  const gz = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 256
  const payload = gz ? gzipFor(cache, body) : body
  if (gz) headers['Content-Encoding'] = 'gzip'
  headers['Content-Length'] = payload.length
  if (fault?.fault === 'truncate') {
    sendTruncated(x, r.status, headers, payload)
    return x.log(r.status, 'truncate', gz)
  }
  res.writeHead(r.status, headers)
  res.end(req.method === 'HEAD' ? undefined : payload)
  x.log(r.status, fault?.fault ?? null, gz)
}

/** An endless-looking body of `size` bytes, written as the socket drains. */
const sendOversized = (res: http.ServerResponse, size: number): void => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': size })
  const chunk = Buffer.alloc(64 * 1024, 0x61)
  let sent = 0
  const pump = () => {
    while (sent < size) {
      const n = Math.min(chunk.length, size - sent)
      sent += n
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump)
    }
    res.end()
  }
  res.on('error', () => undefined)
  pump()
}

/** Two URLs that send the client back and forth; both keep the real host. */
const loopTarget = (pathAndQuery: string): string => {
  const q = pathAndQuery.includes('?') ? '&' : '?'
  return pathAndQuery.includes('loop=1')
    ? pathAndQuery.replace(/[?&]loop=1/, '')
    : `${pathAndQuery}${q}loop=1`
}

/** The injected fault's answer; faults that still serve the route call `send`. */
const sendFault = (
  x: Exchange,
  fault: FaultRule,
  route: ResolvedRoute | null,
  send: (r: ResolvedRoute | null, contentType?: string) => void
) => {
  const { res } = x
  switch (fault.fault) {
    case 'rate-limit':
      res.writeHead(429, {
        'Retry-After': String(fault.retry_after ?? 1),
        'Content-Type': 'text/plain; charset=utf-8',
      })
      res.end('Too Many Requests')
      return x.log(429, 'rate-limit')
    case 'server-error':
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error')
      return x.log(500, 'server-error')
    case 'unavailable':
      res.writeHead(503, {
        'Content-Type': 'text/plain; charset=utf-8',
        ...(fault.retry_after !== undefined ? { 'Retry-After': String(fault.retry_after) } : {}),
      })
      res.end('Service Unavailable')
      return x.log(503, 'unavailable')
    case 'reset':
      x.log(0, 'reset')
      x.req.socket.destroy()
      return
    case 'redirect-loop':
      res
        .writeHead(302, { Location: `https://${x.host}${loopTarget(x.pathAndQuery)}`, 'Content-Length': 0 })
        .end()
      return x.log(302, 'redirect-loop')
    case 'oversized':
      sendOversized(res, fault.bytes ?? DEFAULT_OVERSIZE)
      return x.log(200, 'oversized')
    case 'truncate':
      return send(route)
    case 'slow':
      setTimeout(() => send(route), fault.delay_ms ?? 2000)
      return
    case 'wrong-charset':
      return send(
        route,
        `${route?.contentType.split(';')[0] ?? 'text/html'}; charset=${fault.charset ?? 'iso-8859-1'}`
      )
  }
}

export const startSimulator = async (opts: SimulatorOptions = {}): Promise<Simulator> => {
  const sources: RouteSource[] = []
  if (opts.root !== null) sources.push(new SnapshotRoutes(opts.root ?? snapshotDir))
  if (opts.generated) sources.push(new GeneratedRoutes(opts.generated.dir))
  const routes = new MergedRoutes(sources)
  const faults = new FaultBook(opts.faults ?? [])
  const requestLog: RequestLogEntry[] = []
  const cache: BodyCache = { etags: new WeakMap(), gzipped: new WeakMap() }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const raw = req.url ?? '/'
    const m = /^\/_h\/([^/?#]+)(.*)$/.exec(raw)
    const host = (m ? m[1]! : (req.headers.host ?? '').replace(/:\d+$/, '')).toLowerCase()
    const pathAndQuery = m ? m[2] || '/' : raw
    const log = (status: number, fault: FaultRule['fault'] | null, gz = false) =>
      void requestLog.push({
        method: req.method ?? 'GET',
        host,
        path: pathAndQuery,
        status,
        fault,
        gzip: gz,
        at: Date.now(),
      })
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return log(405, null)
    }
    const fault = faults.take(host, pathAndQuery) ?? null
    const route = routes.resolve(host, pathAndQuery)
    const x: Exchange = { req, res, host, pathAndQuery, fault, log }
    const send = (r: ResolvedRoute | null, contentType?: string) => sendRoute(x, cache, r, contentType)
    if (!fault) return send(route)
    sendFault(x, fault, route, send)
  }

  const server = http.createServer(handler)
  server.keepAliveTimeout = 5000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  const hostMap = Object.fromEntries(routes.hosts().map((h) => [h, `${origin}/_h/${h}`]))
  return {
    origin,
    hostMap,
    requestLog,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((e) => (e ? reject(e) : resolve()))
      }),
  }
}
