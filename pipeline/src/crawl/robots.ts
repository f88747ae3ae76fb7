/**
 * robots.txt per host, read with robots-parser. Rules follow RFC 9309: a 4xx robots.txt means
 * "no rules", an unreachable one (5xx, network) means "disallow everything for now" and is retried
 * on the next run. Sitemaps named in robots.txt become discovery entry points; Crawl-delay raises the
 * per-host delay.
 */
import { createRequire } from 'node:module'
import { ROBOTS_AGENT } from './http.ts'

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined
  getCrawlDelay(ua?: string): number | undefined
  getSitemaps(): string[]
}
// robots-parser is CommonJS with a default-export typing that NodeNext cannot call; require it plainly.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robot

export interface RobotsRules {
  readonly isAllowed: (url: string) => boolean
  readonly sitemaps: ReadonlyArray<string>
  readonly crawlDelayMs: number | null
  /** Why everything is refused (unreachable robots.txt), or null. */
  readonly unreachable: string | null
}

export const allowAll: RobotsRules = {
  isAllowed: () => true,
  sitemaps: [],
  crawlDelayMs: null,
  unreachable: null,
}

export const disallowAll = (reason: string): RobotsRules => ({
  isAllowed: () => false,
  sitemaps: [],
  crawlDelayMs: null,
  unreachable: reason,
})

export function parseRobots(robotsUrl: string, text: string): RobotsRules {
  const robot = robotsParser(robotsUrl, text)
  const delay = robot.getCrawlDelay(ROBOTS_AGENT)
  return {
    // robots-parser answers undefined for URLs of another host: those are never ours to judge.
    isAllowed: (url) => robot.isAllowed(url, ROBOTS_AGENT) !== false,
    sitemaps: robot.getSitemaps(),
    crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.min(delay, 60) * 1000 : null,
    unreachable: null,
  }
}

/** Rules from a robots.txt answer; `status` is the final HTTP status. */
export function robotsFromResponse(robotsUrl: string, status: number, text: string): RobotsRules {
  if (status >= 200 && status < 300) return parseRobots(robotsUrl, text)
  if (status >= 400 && status < 500) return allowAll
  return disallowAll(`robots.txt answered HTTP ${status}`)
}
