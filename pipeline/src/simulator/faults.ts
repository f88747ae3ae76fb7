/**
 * Per-route fault injection for the portal simulator. A rule matches a host and/or a path (prefix, or a
 * regular expression written "/.../"), fires `times` times (default: always) and then lets requests pass.
 */
import { readFileSync } from 'node:fs'

export type FaultKind =
  | 'rate-limit' // 429 with Retry-After
  | 'server-error' // 500
  | 'unavailable' // 503 (with Retry-After when given)
  | 'slow' // answer after delay_ms
  | 'reset' // destroy the socket before any response
  | 'truncate' // announce the full Content-Length, send half the body, then close
  | 'redirect-loop' // 302 to itself (alternating two URLs)
  | 'oversized' // a body of `bytes` bytes (default 12 MB)
  | 'wrong-charset' // serve the page with a charset header that does not match its bytes

export const FAULT_KINDS: ReadonlyArray<FaultKind> = [
  'rate-limit',
  'server-error',
  'unavailable',
  'slow',
  'reset',
  'truncate',
  'redirect-loop',
  'oversized',
  'wrong-charset',
]

export interface FaultRule {
  readonly host?: string
  /** Path prefix ("/vi/news/"), or a regular expression between slashes ("/\\.html$/"). */
  readonly path?: string
  readonly fault: FaultKind
  /** How many matching requests the fault hits before it stops (a burst); unlimited when absent. */
  readonly times?: number
  /** Seconds for Retry-After (rate-limit, unavailable). */
  readonly retry_after?: number
  /** Delay for "slow", in milliseconds. */
  readonly delay_ms?: number
  /** Body size for "oversized". */
  readonly bytes?: number
  /** Charset announced by "wrong-charset" (default iso-8859-1). */
  readonly charset?: string
}

export class FaultConfigError extends Error {
  override readonly name = 'FaultConfigError'
}

export const validateFaultRules = (input: unknown, origin = 'faults'): FaultRule[] => {
  if (!Array.isArray(input)) throw new FaultConfigError(`${origin}: expected a JSON array of fault rules`)
  return input.map((r, i) => {
    const where = `${origin}[${i}]`
    if (typeof r !== 'object' || r === null) throw new FaultConfigError(`${where}: not an object`)
    const rule = r as Record<string, unknown>
    if (!FAULT_KINDS.includes(rule.fault as FaultKind))
      throw new FaultConfigError(
        `${where}: fault must be one of ${FAULT_KINDS.join(', ')} (got ${JSON.stringify(rule.fault)})`
      )
    for (const k of ['host', 'path', 'charset'] as const)
      if (rule[k] !== undefined && typeof rule[k] !== 'string')
        throw new FaultConfigError(`${where}: ${k} must be a string`)
    for (const k of ['times', 'retry_after', 'delay_ms', 'bytes'] as const)
      if (rule[k] !== undefined && (typeof rule[k] !== 'number' || (rule[k] as number) < 0))
        throw new FaultConfigError(`${where}: ${k} must be a non-negative number`)
    if (typeof rule.path === 'string' && isRegexPath(rule.path)) compilePath(rule.path, where)
    return rule as unknown as FaultRule
  })
}

export const loadFaultRules = (file: string): FaultRule[] => {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new FaultConfigError(
      `${file}: cannot read fault rules (${e instanceof Error ? e.message : String(e)})`
    )
  }
  return validateFaultRules(json, file)
}

const isRegexPath = (p: string): boolean => p.length > 2 && p.startsWith('/') && p.endsWith('/')

const compilePath = (p: string, where: string): RegExp => {
  try {
    return new RegExp(p.slice(1, -1))
  } catch (e) {
    throw new FaultConfigError(
      `${where}: bad path regex ${p} (${e instanceof Error ? e.message : String(e)})`
    )
  }
}

/** Stateful matcher: remembers how often each rule fired. */
export class FaultBook {
  private readonly fired: number[]
  private readonly regexes: Array<RegExp | null>
  constructor(readonly rules: ReadonlyArray<FaultRule>) {
    this.fired = rules.map(() => 0)
    this.regexes = rules.map((r, i) =>
      r.path && isRegexPath(r.path) ? compilePath(r.path, `faults[${i}]`) : null
    )
  }

  /** The first live rule matching the request, consuming one of its `times`. */
  take(host: string, pathAndQuery: string): FaultRule | null {
    for (let i = 0; i < this.rules.length; i++) {
      const r = this.rules[i]!
      if (r.host !== undefined && r.host !== host) continue
      const re = this.regexes[i]
      if (r.path !== undefined && !(re ? re.test(pathAndQuery) : pathAndQuery.startsWith(r.path))) continue
      if (r.times !== undefined && this.fired[i]! >= r.times) continue
      this.fired[i]!++
      return r
    }
    return null
  }
}
