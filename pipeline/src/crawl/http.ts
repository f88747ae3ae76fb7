/**
 * The crawler's network edge. `Transport` performs exactly one HTTP exchange (no redirects) and is a
 * Layer, so the same crawler runs against the real portals (`transportLive`) or against the simulator
 * on loopback (`transportMapped(hostMap)`: https://langson.gov.vn/a?b=1 → <hostMap[host]>/a?b=1).
 * `fetchPage` adds what every fetch needs whichever transport runs: timeout, maximum body size,
 * redirect limit with loop detection, configured-hosts-only, retries with backoff + jitter honouring
 * Retry-After.
 */
import { gunzipSync, inflateSync } from 'node:zlib'
import { Context, Data, Duration, Effect, Either, Layer, Schedule } from 'effect'
import { canonicalUrl } from '../page/canonical-url.ts'
import { destroyAgents, type Exchanged, getOnce, makeAgents } from './exchange-node.ts'

export const USER_AGENT =
  'ThiDuaAtlasBot/0.1 (+https://github.com/thidua-atlas/thidua-atlas; research crawler)'
/** The token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'ThiDuaAtlasBot'

export interface RawResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
}

export type FetchFailure =
  | 'timeout'
  | 'network'
  | 'too_large'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'offsite_redirect'
  | 'robots_redirect'
  | 'refused_scheme'
  | 'invalid_url'
  | 'http_status'

export class FetchError extends Data.TaggedError('FetchError')<{
  readonly url: string
  readonly reason: FetchFailure
  readonly message: string
  readonly status?: number
  readonly retryAfterMs?: number
  /** Attempts spent when the error is final (set by fetchPage). */
  readonly attempts?: number
}> {}

export interface TransportOptions {
  readonly timeoutMs: number
  readonly maxBodyBytes: number
}

export class Transport extends Context.Tag('thidua/crawl/Transport')<
  Transport,
  {
    readonly exchange: (
      url: string,
      headers: Readonly<Record<string, string>>,
      opts: TransportOptions
    ) => Effect.Effect<RawResponse, FetchError>
  }
>() {}

/** Undo gzip/deflate transfer compression, refusing bodies that inflate past the size limit. */
const inflate = (url: string, raw: Uint8Array, encoding: string, max: number) =>
  Effect.try({
    try: () => {
      if (encoding === '' || encoding === 'identity' || raw.length === 0) return raw
      const opts = { maxOutputLength: max }
      if (encoding === 'gzip' || encoding === 'x-gzip') return new Uint8Array(gunzipSync(raw, opts))
      if (encoding === 'deflate') return new Uint8Array(inflateSync(raw, opts))
      throw new Error(`unsupported content-encoding ${encoding}`)
    },
    catch: (e) => {
      const message = e instanceof Error ? e.message : String(e)
      return /maxOutputLength|buffer/i.test(message)
        ? new FetchError({ url, reason: 'too_large', message: `body inflates past ${max} bytes` })
        : new FetchError({ url, reason: 'network', message: `cannot decode ${encoding} body: ${message}` })
    },
  })

const describe = (e: unknown): string => {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string' && e.message)
    return e.message
  if (e && typeof e === 'object' && 'cause' in e) return describe((e as { cause: unknown }).cause)
  return String(e)
}

/**
 * A transport over node:http(s) (`exchange-node.ts`) whose agents live as long as the layer; `mapUrl`
 * turns real URLs into request URLs.
 */
const makeTransport = (mapUrl: (url: string) => string) =>
  Effect.map(
    Effect.acquireRelease(Effect.sync(makeAgents), (a) => Effect.sync(() => destroyAgents(a))),
    (agents) =>
      Transport.of({
        exchange: (url, headers, opts) =>
          Effect.try({
            // A host the simulator does not serve is an error for this URL, not a crash of the worker.
            try: () => new URL(mapUrl(url)),
            catch: (e) => new FetchError({ url, reason: 'invalid_url', message: describe(e) }),
          }).pipe(
            Effect.flatMap((target) =>
              Effect.async<Exchanged, FetchError>((resume) => {
                const sent = { 'user-agent': USER_AGENT, 'accept-encoding': 'gzip, deflate', ...headers }
                const abort = getOnce(target, sent, opts.maxBodyBytes, agents, (r) =>
                  resume(
                    'ok' in r ? Effect.succeed(r.ok) : Effect.fail(new FetchError({ url, ...r.failure }))
                  )
                )
                return Effect.sync(abort)
              })
            ),
            Effect.flatMap((res) => {
              const encoding = (res.headers['content-encoding'] ?? '').toLowerCase().trim()
              const { 'content-encoding': _dropped, ...rest } = res.headers
              // The archive keeps the decoded bytes, so the header that described the wire form goes.
              return Effect.map(inflate(url, res.body, encoding, opts.maxBodyBytes), (body) => ({
                status: res.status,
                headers: encoding ? rest : res.headers,
                body,
              }))
            }),
            Effect.timeoutFail({
              duration: Duration.millis(opts.timeoutMs),
              onTimeout: () =>
                new FetchError({
                  url,
                  reason: 'timeout',
                  message: `no complete answer within ${opts.timeoutMs} ms`,
                }),
            })
          ),
      })
  )

/** Real network. */
export const transportLive: Layer.Layer<Transport> = Layer.scoped(
  Transport,
  makeTransport((u) => u)
)

/** Map every real host through `hostMap` (the simulator's `/_h/<host>` prefixes). Unknown hosts fail. */
export const mapThroughHosts =
  (hostMap: Readonly<Record<string, string>>) =>
  (url: string): string => {
    const u = new URL(url)
    const prefix = hostMap[u.host]
    if (prefix === undefined) throw new Error(`host ${u.host} is not served by the simulator`)
    return `${prefix.replace(/\/$/, '')}${u.pathname}${u.search}`
  }

export const transportMapped = (hostMap: Readonly<Record<string, string>>): Layer.Layer<Transport> =>
  Layer.scoped(Transport, makeTransport(mapThroughHosts(hostMap)))

// -----------------------------------------------------------------------------------------------------

export interface FetchPolicy extends TransportOptions {
  readonly maxRedirects: number
  /** Total tries per URL (1 = no retry). */
  readonly maxAttempts: number
  readonly backoffBaseMs: number
  /** Retry-After values above this are capped (a portal asking for an hour must not stall a run). */
  readonly maxRetryAfterMs: number
  /** Whether a URL may be fetched at all (configured hosts only). */
  readonly allowedHost: (host: string) => boolean
  /** Whether robots.txt lets a redirect hop be followed (rules known so far; unknown hosts pass). */
  readonly robotsAllow?: (url: string) => boolean
}

export const defaultPolicy = (live: boolean): Omit<FetchPolicy, 'allowedHost' | 'robotsAllow'> => ({
  // Offline the peer is our own loopback simulator: a timeout there only guards against a hang, and a
  // busy machine (tests beside other CPU-heavy work) must not turn slow answers into lost pages.
  timeoutMs: live ? 30_000 : 60_000,
  maxBodyBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
  maxAttempts: 4,
  backoffBaseMs: live ? 2_000 : 50,
  maxRetryAfterMs: live ? 120_000 : 5_000,
})

export interface FetchedPage extends RawResponse {
  /** Canonical URL of the answer after redirects (equals the request when there were none). */
  readonly finalUrl: string
  readonly redirects: ReadonlyArray<string>
  readonly attempts: number
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524])

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export const parseRetryAfter = (value: string | undefined, now = Date.now()): number | undefined => {
  if (!value) return undefined
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** Statuses that will answer the same on every retry (the page is gone, forbidden or never served). */
export const PERMANENT_STATUS: ReadonlySet<number> = new Set([400, 401, 403, 404, 410, 501])
const PERMANENT_REASONS: ReadonlySet<string> = new Set([
  'too_large',
  'refused_scheme',
  'invalid_url',
  'offsite_redirect',
])

/**
 * A failure no later run can turn into a page: permanent statuses, a body over the cap, a redirect to a
 * non-HTTP scheme, an invalid or off-site target. `lastError` is the stored `<reason>: <message>`.
 */
export const isPermanentFailure = (status: number | null, lastError: string | null): boolean =>
  (status !== null && PERMANENT_STATUS.has(status)) ||
  (lastError !== null && PERMANENT_REASONS.has(lastError.split(':', 1)[0] ?? ''))

const isRetryable = (e: FetchError): boolean =>
  e.reason === 'timeout' ||
  e.reason === 'network' ||
  (e.reason === 'http_status' && RETRYABLE_STATUS.has(e.status ?? 0))

/** Exponential backoff with jitter, bounded attempts, and never shorter than the server's Retry-After. */
export const retrySchedule = (policy: FetchPolicy) =>
  Schedule.exponential(Duration.millis(policy.backoffBaseMs), 2).pipe(
    Schedule.jittered,
    Schedule.intersect(Schedule.recurs(Math.max(0, policy.maxAttempts - 1))),
    Schedule.intersect(Schedule.identity<FetchError>()),
    Schedule.whileInput((e: FetchError) => isRetryable(e)),
    Schedule.modifyDelay(([, e], delay) => {
      const ra = e.retryAfterMs === undefined ? 0 : Math.min(e.retryAfterMs, policy.maxRetryAfterMs)
      return Duration.max(delay, Duration.millis(ra))
    })
  )

/**
 * Where a Location header points, or why it cannot be followed: `javascript:`, `file:`, `data:` and every
 * other non-HTTP scheme are refused with the scheme named; unparseable targets are invalid URLs.
 */
const redirectTarget = (
  url: string,
  location: string,
  current: string
): Either.Either<string, FetchError> => {
  let parsed: URL
  try {
    parsed = new URL(location.trim(), current)
  } catch {
    return Either.left(
      new FetchError({
        url,
        reason: 'invalid_url',
        message: `redirect to an invalid URL: ${JSON.stringify(location.slice(0, 200))}`,
      })
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return Either.left(
      new FetchError({
        url,
        reason: 'refused_scheme',
        message: `redirect to a ${parsed.protocol} URL refused (only http and https are followed)`,
      })
    )
  }
  try {
    return Either.right(canonicalUrl(parsed.href))
  } catch (e) {
    return Either.left(
      new FetchError({ url, reason: 'invalid_url', message: `redirect target: ${String(e)}` })
    )
  }
}

/**
 * One exchange with redirects followed by hand: every hop is checked against the configured hosts,
 * a URL seen twice is a loop, and more than `maxRedirects` hops is an error. Retryable statuses come
 * back as FetchError('http_status') so the retry schedule sees them.
 */
const exchangeFollowing = (
  url: string,
  headers: Readonly<Record<string, string>>,
  policy: FetchPolicy,
  throttle: Throttle
) =>
  Effect.gen(function* () {
    const transport = yield* Transport
    const chain: string[] = []
    let current = url
    for (;;) {
      const res = yield* throttle(transport.exchange(current, chain.length === 0 ? headers : {}, policy))
      if (RETRYABLE_STATUS.has(res.status)) {
        return yield* new FetchError({
          url,
          reason: 'http_status',
          status: res.status,
          message: `HTTP ${res.status}`,
          retryAfterMs: parseRetryAfter(res.headers['retry-after']),
        })
      }
      const location = res.headers.location
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
        chain.push(current)
        const target = redirectTarget(url, location, current)
        if (target._tag === 'Left') return yield* target.left
        const next = target.right
        if (chain.includes(next)) {
          return yield* new FetchError({ url, reason: 'redirect_loop', message: `redirect loop at ${next}` })
        }
        if (chain.length > policy.maxRedirects) {
          return yield* new FetchError({
            url,
            reason: 'too_many_redirects',
            message: `more than ${policy.maxRedirects} redirects`,
          })
        }
        if (!policy.allowedHost(new URL(next).host)) {
          return yield* new FetchError({
            url,
            reason: 'offsite_redirect',
            message: `redirect to a host outside the configured sources: ${next}`,
          })
        }
        if (policy.robotsAllow && !policy.robotsAllow(next)) {
          return yield* new FetchError({
            url,
            reason: 'robots_redirect',
            message: `redirect to a URL robots.txt disallows: ${next}`,
          })
        }
        current = next
        continue
      }
      return { ...res, finalUrl: current, redirects: chain }
    }
  })

/** Wraps every single HTTP exchange (each redirect hop, each retry): the per-host politeness gate. */
export type Throttle = <A, E>(exchange: Effect.Effect<A, E>) => Effect.Effect<A, E>
const unthrottled: Throttle = (e) => e

/** Fetch with retries; the error carries the attempts spent. Backoff waits happen outside the throttle. */
export const fetchPage = (
  url: string,
  headers: Readonly<Record<string, string>>,
  policy: FetchPolicy,
  throttle: Throttle = unthrottled
) =>
  Effect.gen(function* () {
    let attempts = 0
    const once = Effect.suspend(() => {
      attempts++
      return exchangeFollowing(url, headers, policy, throttle)
    })
    return yield* once.pipe(
      Effect.retry(retrySchedule(policy)),
      Effect.map((res): FetchedPage => ({ ...res, attempts })),
      Effect.mapError(
        (e) =>
          new FetchError({
            url: e.url,
            reason: e.reason,
            message: e.message,
            status: e.status,
            retryAfterMs: e.retryAfterMs,
            attempts,
          })
      )
    )
  })
