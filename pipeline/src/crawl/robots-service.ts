/**
 * robots.txt as a cached service: each host's rules are fetched once per process (concurrent askers
 * share the one fetch), and rules already known answer synchronously for redirect hops.
 */
import { Effect, Either } from 'effect'
import { decodeHtml } from '../page/decode.ts'
import type { FetchedPage, FetchError } from './http.ts'
import { allowAll, disallowAll, type RobotsRules, robotsFromResponse } from './robots.ts'
import type { FetchRow } from './store-rows.ts'

export class RobotsCache {
  private readonly loads = new Map<string, Effect.Effect<RobotsRules>>()
  private readonly rules = new Map<string, RobotsRules>()

  /** For redirect hops: true unless the host's known rules refuse the URL. */
  isAllowed(host: string, url: string): boolean {
    return this.rules.get(host)?.isAllowed(url) ?? true
  }

  /** The host's rules, loading them with `load` the first time. */
  get(host: string, load: Effect.Effect<RobotsRules>): Effect.Effect<RobotsRules> {
    let cached = this.loads.get(host)
    if (!cached) {
      const remembered = Effect.tap(load, (r) => Effect.sync(() => this.rules.set(host, r)))
      cached = Effect.runSync(Effect.cached(remembered))
      this.loads.set(host, cached)
    }
    return cached
  }
}

/**
 * Rules from the answer to a robots.txt fetch (RFC 9309): an off-site redirect or a redirect loop means
 * "no rules" (§2.3.1.2); an unreachable file refuses everything for now.
 */
export const rulesFromFetch = (
  robotsUrl: string,
  res: Either.Either<FetchedPage, FetchError>
): RobotsRules => {
  if (Either.isLeft(res)) {
    const e = res.left
    if (e.reason === 'offsite_redirect' || e.reason === 'too_many_redirects') return allowAll
    return disallowAll(`robots.txt unreachable: ${e.message}`)
  }
  return robotsFromResponse(robotsUrl, res.right.status, decodeHtml(res.right.body, null).text)
}

/** The fetch log row of a robots.txt fetch. */
export const robotsFetchRow = (
  sourceId: string,
  robotsUrl: string,
  res: Either.Either<FetchedPage, FetchError>,
  elapsedMs: number
): FetchRow => ({
  source_id: sourceId,
  url: robotsUrl,
  final_url: Either.isRight(res) ? res.right.finalUrl : null,
  status: Either.isRight(res) ? res.right.status : (res.left.status ?? null),
  bytes: Either.isRight(res) ? res.right.body.length : null,
  attempts: Either.isRight(res) ? res.right.attempts : (res.left.attempts ?? 1),
  error: Either.isLeft(res) ? res.left.message : null,
  not_modified: false,
  elapsed_ms: elapsedMs,
  fetched_at: new Date().toISOString(),
})
