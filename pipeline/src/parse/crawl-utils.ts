/**
 * The one import point of the page helpers the parser shares with the crawler (`canonicalUrl`,
 * `decodeHtml`, in pipeline/src/page/), so both spell URLs and decode bytes identically.
 */
export { canonicalUrl } from '../page/canonical-url.ts'
export { decodeHtml } from '../page/decode.ts'
