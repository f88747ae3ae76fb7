/**
 * The outcome of one fetch, as a pure function of the task, what was known of the URL before and the
 * answer: which page row to commit, which links it yielded, what to count. The runner carries it out
 * (archive write, store commit, scheduling).
 */
import { createHash } from 'node:crypto'
import { Either } from 'effect'
import { decodeHtml } from '../page/decode.ts'
import { type ContentKind, sniffContent } from './classify.ts'
import { detectArticle } from './detect.ts'
import { extractHtmlLinks } from './discover.ts'
import type { FetchedPage, FetchError } from './http.ts'
import { classifyLinks, type SourceOf } from './links.ts'
import type { SourceStats } from './progress.ts'
import type { FetchRow, KnownPage, LinkRow, PageRole, PageRow } from './store-rows.ts'
import type { ArticleDetector, Task } from './types.ts'

export interface OutcomeInput {
  readonly task: Task
  readonly prior: KnownPage | undefined
  /** The page row before the fetch (queued state, the role the page keeps). */
  readonly base: PageRow
  readonly result: Either.Either<FetchedPage, FetchError>
  readonly elapsedMs: number
  readonly fetchedAt: string
  /** The redirect target is a page this run holds already. */
  readonly finalKnown: (url: string) => boolean
  /** The URL that first stored these bytes, if any. */
  readonly hashOwner: (hash: string) => string | undefined
  readonly detector: ArticleDetector | null
  readonly sourceOf: SourceOf
}

export type Counter = keyof SourceStats

export type PageOutcome =
  /** Commit `row` (with `fetch`, if any) and count `count`; nothing to archive or follow. */
  | {
      readonly tag: 'settled'
      readonly row: PageRow
      readonly links: ReadonlyArray<LinkRow>
      readonly fetch: FetchRow | null
      readonly counts: ReadonlyArray<Counter>
      /** The requested URL's row when the answer came from another URL, committed first. */
      readonly redirect?: PageRow | null
    }
  /** 304: log the fetch, follow the links recorded for the page. */
  | { readonly tag: 'not_modified'; readonly fetch: FetchRow }
  /** A new body: archive it (unless unchanged), commit the row with its links, follow them. */
  | {
      readonly tag: 'stored'
      readonly row: PageRow
      readonly edges: ReadonlyArray<LinkRow>
      readonly changedAt: ReadonlyMap<string, number>
      /** Archived record of an unchanged revisit (server without conditional GET), else null. */
      readonly unchanged: string | null
      readonly fetch: FetchRow
      readonly redirect: PageRow | null
      readonly headers: Readonly<Record<string, string>>
      readonly body: Uint8Array
    }

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

const fetchRowOf = (i: OutcomeInput, res: FetchedPage): FetchRow => ({
  source_id: i.task.source.id,
  url: i.task.url,
  final_url: res.finalUrl,
  status: res.status,
  bytes: res.body.length,
  attempts: res.attempts,
  error: null,
  not_modified: res.status === 304,
  elapsed_ms: i.elapsedMs,
  fetched_at: i.fetchedAt,
})

const fetchFailed = (i: OutcomeInput, e: FetchError): PageOutcome => {
  const reason = `${e.reason}: ${e.message}`
  const status = e.status ?? null
  const attempts = e.attempts ?? 1
  return {
    tag: 'settled',
    row: {
      ...i.base,
      state: 'failed',
      http_status: status,
      attempts,
      last_error: reason,
      fetched_at: i.fetchedAt,
    },
    links: [],
    counts: ['failed'],
    fetch: {
      source_id: i.task.source.id,
      url: i.task.url,
      final_url: null,
      status,
      bytes: null,
      attempts,
      error: reason,
      not_modified: false,
      elapsed_ms: i.elapsedMs,
      fetched_at: i.fetchedAt,
    },
  }
}

/** Decoded text, content kind, links and the article verdict of a body. */
export const readBody = (
  res: FetchedPage,
  page: { readonly url: string; readonly role: PageRole; readonly task: Task },
  detector: ArticleDetector | null
) => {
  const contentType = res.headers['content-type'] ?? null
  const attachment = page.role === 'attachment'
  // An attachment is archived as bytes; decoding it as HTML would only waste time on a 20 MB scan.
  const decoded = attachment ? { text: '', encoding: null } : decodeHtml(res.body, contentType)
  const kind: ContentKind = attachment ? 'other' : sniffContent(decoded.text, contentType)
  const htmlLinks = kind === 'html' ? extractHtmlLinks(decoded.text, page.url) : null
  const isArticle =
    htmlLinks !== null &&
    detectArticle(detector, {
      html: decoded.text,
      url: page.url,
      platform: page.task.source.platform,
      role: page.role,
    })
  return { contentType, text: decoded.text, encoding: decoded.encoding, kind, htmlLinks, isArticle }
}

/** What the crawler does with one fetch's answer. */
export const pageOutcome = (i: OutcomeInput): PageOutcome => {
  if (Either.isLeft(i.result)) return fetchFailed(i, i.result.left)
  const res = i.result.right
  const fetch = fetchRowOf(i, res)
  if (res.status === 304 && i.prior) return { tag: 'not_modified', fetch }
  if (res.status < 200 || res.status >= 300) {
    const reason = `HTTP ${res.status}`
    const row: PageRow = {
      ...i.base,
      state: 'failed',
      http_status: res.status,
      attempts: res.attempts,
      last_error: reason,
      fetched_at: i.fetchedAt,
    }
    return { tag: 'settled', row, links: [], fetch: { ...fetch, error: reason }, counts: ['failed'] }
  }
  // Redirected: the answer belongs to the final URL; the requested one records where it went.
  const redirected = res.finalUrl !== i.task.url
  const redirect: PageRow | null = redirected
    ? {
        ...i.base,
        state: 'redirected',
        http_status: res.status,
        redirect_to: res.finalUrl,
        attempts: res.attempts,
        fetched_at: i.fetchedAt,
      }
    : null
  const redirectEdge: LinkRow = { from_url: i.task.url, to_url: res.finalUrl, rel: 'redirect' }
  if (redirect && i.finalKnown(res.finalUrl))
    return { tag: 'settled', row: redirect, links: [redirectEdge], fetch, counts: ['redirects'] }
  return storedOutcome(i, res, fetch, redirect)
}

const storedOutcome = (
  i: OutcomeInput,
  res: FetchedPage,
  fetch: FetchRow,
  redirect: PageRow | null
): PageOutcome => {
  const pageUrl = res.finalUrl
  const role = i.base.role
  const body = readBody(res, { url: pageUrl, role, task: i.task }, i.detector)
  const hash = sha256(res.body)
  const stored: PageRow = {
    ...i.base,
    url: pageUrl,
    state: 'stored',
    is_article: body.isArticle,
    content_kind: body.kind,
    http_status: res.status,
    content_type: body.contentType,
    etag: res.headers.etag ?? null,
    last_modified: res.headers['last-modified'] ?? null,
    content_hash: hash,
    bytes: res.body.length,
    encoding: body.encoding,
    attempts: res.attempts,
    fetched_at: i.fetchedAt,
  }
  const redirects: Counter[] = redirect ? ['redirects'] : []
  const owner = i.hashOwner(hash)
  if (owner !== undefined && owner !== pageUrl) {
    const row: PageRow = { ...stored, state: 'duplicate', duplicate_of: owner }
    return { tag: 'settled', row, links: [], fetch, counts: [...redirects, 'duplicates'], redirect }
  }
  try {
    const page = {
      pageUrl,
      kind: body.kind,
      isArticle: body.isArticle,
      role,
      text: body.text,
      htmlLinks: body.htmlLinks,
    }
    const { edges, changedAt } = classifyLinks(page, i.sourceOf)
    const unchanged =
      i.prior?.state === 'stored' && i.prior.content_hash === hash && i.prior.record_id
        ? i.prior.record_id
        : null
    const { headers, body: bytes } = res
    return { tag: 'stored', row: stored, edges, changedAt, unchanged, fetch, redirect, headers, body: bytes }
  } catch (e) {
    const reason = `unreadable ${body.kind}: ${e instanceof Error ? e.message : String(e)}`
    const row: PageRow = { ...stored, state: 'failed', last_error: reason }
    return {
      tag: 'settled',
      row,
      links: [],
      fetch: { ...fetch, error: reason },
      counts: [...redirects, 'failed'],
      redirect,
    }
  }
}
