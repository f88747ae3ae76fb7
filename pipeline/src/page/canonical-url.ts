/**
 * One spelling per page: the crawler keys its frontier, fetch log and archive on `canonicalUrl`, and the
 * parser stores `ArticleRecord.url` in the same form, so the two always join.
 *
 * What changes: scheme and host are lower-cased (URL does it), default ports and fragments go, tracking
 * parameters go, an empty query goes, the root path becomes "/", the path is NFC with one percent-encoding
 * spelling, and `;jsessionid=` path parameters (Liferay) go. What does NOT change: the order of the
 * remaining query parameters and a trailing slash, because portals route on them and the simulator
 * serves the path + query exactly as requested.
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'gidzl', // Zalo share links
  'zarsrc',
  'zaloshare',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'igshid',
  'ref_src',
  'share',
])

/** Liferay decorates article links with the list page they came from; the article is the same. */
const LIFERAY_NAV_PARAMS = new Set(['redirect', 'inheritredirect'])

const isTracking = (name: string, path: string): boolean => {
  const n = name.toLowerCase()
  if (n.startsWith('utm_') || TRACKING_PARAMS.has(n)) return true
  return path.includes('/-/') && LIFERAY_NAV_PARAMS.has(n)
}

/** Re-encode one path segment: decode what decodes, NFC it, encode everything outside the safe set. */
const normalizeSegment = (segment: string): string => {
  let decoded: string
  try {
    decoded = decodeURIComponent(segment)
  } catch {
    return segment // malformed escapes stay byte-exact so the server still sees what the page linked
  }
  return encodeURIComponent(decoded.normalize('NFC')).replace(
    /%(2C|3A|40|21|24|26|27|28|29|2A|2B|3B|3D)/gi,
    (m) => decodeURIComponent(m)
  )
}

export class InvalidUrlError extends Error {
  readonly _tag = 'InvalidUrlError'
}

/** Canonical absolute URL; throws InvalidUrlError for input that is not an http(s) URL. */
export function canonicalUrl(url: string, base?: string): string {
  let u: URL
  try {
    u = new URL(url.trim(), base)
  } catch {
    throw new InvalidUrlError(`not a URL: ${JSON.stringify(url)}${base ? ` (base ${base})` : ''}`)
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new InvalidUrlError(`not an http(s) URL: ${JSON.stringify(url)}`)
  }
  u.hash = ''
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1)
  const path = u.pathname.replace(/;jsessionid=[^/?]*/i, '')
  u.pathname = path === '' ? '/' : path.split('/').map(normalizeSegment).join('/')
  const kept: Array<[string, string]> = []
  for (const [k, v] of u.searchParams) if (!isTracking(k, u.pathname)) kept.push([k, v])
  if (kept.length === 0) u.search = ''
  else if (kept.length !== [...u.searchParams].length) {
    u.search = new URLSearchParams(kept).toString()
  }
  return u.toString()
}

/** canonicalUrl that returns null instead of throwing: for links scraped from pages. */
export function tryCanonicalUrl(url: string, base?: string): string | null {
  try {
    return canonicalUrl(url, base)
  } catch {
    return null
  }
}

/**
 * Host key of a URL: lower-case host with its port when the port is not the scheme's default
 * (`127.0.0.1:8081`), so robots.txt, politeness lanes and the configured-hosts check all see the site
 * the URL really names.
 */
export const hostOf = (url: string): string => new URL(url).host
