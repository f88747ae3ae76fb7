/**
 * One GET over node:http(s) with plain listeners, for the crawler's Transport (`http.ts`). It replaced
 * @effect/platform's HttpClient there: that client opened a tracing span per request and read the body as
 * an Effect Stream folded chunk by chunk, ≈ 20 % of the crawl's CPU in a profile (issue #17). The agents
 * keep connections alive (that client's default did not): less CPU per page on both ends; the archived
 * response headers then say `connection: keep-alive`.
 */
import http from 'node:http'
import https from 'node:https'

export interface Agents {
  readonly http: http.Agent
  readonly https: https.Agent
}

// Connections kept alive between requests to a host, as the bare fetch (undici) keeps them.
export const makeAgents = (): Agents => ({
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
})

export const destroyAgents = (a: Agents): void => {
  a.http.destroy()
  a.https.destroy()
}

export interface Exchanged {
  readonly status: number
  readonly headers: Record<string, string>
  /** The body as sent on the wire (still compressed when content-encoding says so). */
  readonly body: Uint8Array
}

export interface ExchangeFailure {
  readonly reason: 'network' | 'too_large'
  readonly message: string
}

export type ExchangeResult = { readonly ok: Exchanged } | { readonly failure: ExchangeFailure }

const describe = (e: unknown): string => (e instanceof Error && e.message ? e.message : String(e))

/** Node's header object as one string per name (repeated headers joined with ", "), names lower-case. */
export const headerRecord = (h: http.IncomingHttpHeaders): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h)) {
    if (Array.isArray(v)) out[k] = v.join(', ')
    else if (v !== undefined) out[k] = v
  }
  return out
}

const concat = (parts: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * Start one GET of `target`; `done` is called exactly once, unless the returned abort function runs
 * first (then the request is destroyed and `done` is never called). Bodies past `maxBodyBytes`, declared
 * or streamed, fail as too_large without being read further.
 */
export const getOnce = (
  target: URL,
  headers: Readonly<Record<string, string>>,
  maxBodyBytes: number,
  agents: Agents,
  done: (r: ExchangeResult) => void
): (() => void) => {
  let settled = false
  const finish = (r: ExchangeResult) => {
    if (settled) return
    settled = true
    done(r)
  }
  const fail = (reason: ExchangeFailure['reason'], message: string) =>
    finish({ failure: { reason, message } })
  const req =
    target.protocol === 'https:'
      ? https.request(target, { agent: agents.https, method: 'GET', headers })
      : http.request(target, { agent: agents.http, method: 'GET', headers })
  req.on('error', (e) => fail('network', `request failed: ${describe(e)}`))
  req.on('response', (res) => {
    const declared = Number(res.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      fail('too_large', `content-length ${declared} exceeds ${maxBodyBytes} bytes`)
      req.destroy()
      return
    }
    const parts: Uint8Array[] = []
    let size = 0
    res.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        fail('too_large', `body larger than ${maxBodyBytes} bytes`)
        req.destroy()
        return
      }
      parts.push(chunk)
    })
    res.on('end', () =>
      finish({
        ok: { status: res.statusCode ?? 0, headers: headerRecord(res.headers), body: concat(parts, size) },
      })
    )
    res.on('error', (e) => fail('network', `body read failed: ${describe(e)}`))
    // A connection cut before the end: 'close' without 'end' (after 'end' this is a no-op).
    res.on('close', () => fail('network', 'body read failed: connection closed before the end of the body'))
  })
  req.end()
  return () => {
    settled = true
    req.destroy()
  }
}
