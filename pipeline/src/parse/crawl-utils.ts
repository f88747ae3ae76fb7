/**
 * The one import point for engineer B's crawler utilities (`canonicalUrl`, `decodeHtml`), so the
 * parser and the crawler spell URLs and decode bytes identically. parse/fallback/ keeps minimal
 * private stand-ins; switching back to them is a one-line change per function here.
 */
export { canonicalUrl } from '../crawl/canonical-url.ts'
export { decodeHtml } from '../crawl/decode.ts'
