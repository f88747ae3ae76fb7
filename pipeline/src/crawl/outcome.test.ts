/** The page outcome is a pure function: each answer maps to one row, its links and its counters. */
import { Either } from 'effect'
import { describe, expect, it } from 'vitest'
import { FetchError, type FetchedPage } from './http.ts'
import { type OutcomeInput, pageOutcome } from './outcome.ts'
import { emptyPage } from './state.ts'
import type { KnownPage } from './store-rows.ts'
import { LANGSON_HOST, langsonSource } from './testing/source.ts'

const source = langsonSource()
const url = (p: string) => `https://${LANGSON_HOST}${p}`
const HOME = url('/')
const ARTICLE = url('/tin-tuc/ke-hoach-thi-dua-2025-12345.html')

const answer = (over: Partial<FetchedPage> = {}): FetchedPage => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' },
  body: new TextEncoder().encode(
    `<html><body><a href="${ARTICLE}">Kế hoạch</a><a href="https://other.vn/x">x</a></body></html>`
  ),
  finalUrl: HOME,
  redirects: [],
  attempts: 1,
  ...over,
})

const input = (result: OutcomeInput['result'], over: Partial<OutcomeInput> = {}): OutcomeInput => ({
  task: { url: HOME, source, role: 'home', from: null },
  prior: undefined,
  base: emptyPage(HOME, source.id, 'home', null),
  result,
  elapsedMs: 5,
  fetchedAt: '2026-01-01T00:00:00.000Z',
  finalKnown: () => false,
  hashOwner: () => undefined,
  detector: null,
  sourceOf: (u) => (new URL(u).hostname === LANGSON_HOST ? source : undefined),
  ...over,
})

describe('pageOutcome', () => {
  it('stores a new page with its classified links and the fetch row', () => {
    const o = pageOutcome(input(Either.right(answer())))
    expect(o.tag).toBe('stored')
    if (o.tag !== 'stored') return
    expect(o.row).toMatchObject({
      url: HOME,
      state: 'stored',
      is_article: false,
      content_kind: 'html',
      etag: '"v1"',
    })
    expect(o.edges).toEqual([
      { from_url: HOME, to_url: ARTICLE, rel: 'article' },
      { from_url: HOME, to_url: 'https://other.vn/x', rel: 'offsite' },
    ])
    expect(o.fetch).toMatchObject({ url: HOME, status: 200, not_modified: false, error: null })
    expect(o.unchanged).toBeNull()
    expect(o.redirect).toBeNull()
  })

  it('fails with the reason on a fetch error and on a non-2xx answer', () => {
    const err = new FetchError({ url: HOME, reason: 'network', message: 'reset', attempts: 4 })
    const failed = pageOutcome(input(Either.left(err)))
    expect(failed).toMatchObject({
      tag: 'settled',
      counts: ['failed'],
      row: { state: 'failed', attempts: 4, last_error: 'network: reset' },
    })
    const gone = pageOutcome(input(Either.right(answer({ status: 404 }))))
    expect(gone).toMatchObject({
      tag: 'settled',
      row: { state: 'failed', http_status: 404, last_error: 'HTTP 404' },
    })
  })

  it('replays on 304 only for a page known before', () => {
    const prior = { url: HOME, state: 'stored' } as KnownPage
    expect(pageOutcome(input(Either.right(answer({ status: 304 })), { prior })).tag).toBe('not_modified')
    expect(pageOutcome(input(Either.right(answer({ status: 304 })))).tag).toBe('settled')
  })

  it('marks a body stored under another URL as a duplicate, and keeps an unchanged revisit archived once', () => {
    const dup = pageOutcome(input(Either.right(answer()), { hashOwner: () => url('/other') }))
    expect(dup).toMatchObject({
      tag: 'settled',
      counts: ['duplicates'],
      row: { state: 'duplicate', duplicate_of: url('/other') },
    })
    const first = pageOutcome(input(Either.right(answer())))
    const hash = first.tag === 'stored' ? first.row.content_hash : null
    const prior = { url: HOME, state: 'stored', content_hash: hash, record_id: '<urn:uuid:1>' } as KnownPage
    const again = pageOutcome(input(Either.right(answer()), { prior }))
    expect(again).toMatchObject({ tag: 'stored', unchanged: '<urn:uuid:1>' })
  })

  it('records a redirect, and settles it alone when the target is held already', () => {
    const moved = answer({ finalUrl: ARTICLE, redirects: [ARTICLE] })
    const fresh = pageOutcome(input(Either.right(moved)))
    expect(fresh).toMatchObject({
      tag: 'stored',
      row: { url: ARTICLE },
      redirect: { url: HOME, state: 'redirected', redirect_to: ARTICLE },
    })
    const known = pageOutcome(input(Either.right(moved), { finalKnown: () => true }))
    expect(known).toMatchObject({
      tag: 'settled',
      counts: ['redirects'],
      row: { url: HOME, state: 'redirected' },
      links: [{ from_url: HOME, to_url: ARTICLE, rel: 'redirect' }],
    })
  })
})
