/**
 * Minimal stand-in for crawl/canonical-url.ts (engineer B): lower-case scheme/host, drop the
 * fragment, `;jsessionid=`, tracking and display params, NFC the path. Replaced by B's version.
 */
const DROP_PARAMS = /^(utm_.*|fbclid|gclid|nocache|redirect|inheritRedirect|_.*_redirect)$/i

export const canonicalUrl = (url: string, base?: string): string => {
  let u: URL
  try {
    u = new URL(url, base)
  } catch {
    return url.trim()
  }
  u.hash = ''
  u.pathname = u.pathname.replace(/;jsessionid=[^/?]*/i, '')
  try {
    u.pathname = encodeURI(decodeURI(u.pathname).normalize('NFC'))
  } catch {
    // A malformed percent-escape: keep the path as it was.
  }
  for (const k of [...u.searchParams.keys()]) if (DROP_PARAMS.test(k)) u.searchParams.delete(k)
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443'))
    u.port = ''
  return u.toString()
}
