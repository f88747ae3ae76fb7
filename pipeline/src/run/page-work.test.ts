/**
 * One parse per page: when the run asks the parser to decide article or not (no crawler verdict),
 * doWork parses the page once with the run's options and still gives exactly what isArticlePage
 * followed by parseArticle gives, whatever options the page carries (reference time, a source of
 * any platform, a forced platform).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SourceConfig } from '../domain/source.ts'
import { extract } from '../extract/extract.ts'
import { decodeHtml } from '../page/decode.ts'
import { checkArticle, isArticlePage, type ParseOptions, parseArticle } from '../parse/parse-article.ts'
import { listSnapshotPages, readSnapshotPage } from '../snapshot/catalog.ts'
import { doWork, type Outcome } from './page-work.ts'
import { articleDigest } from '../warehouse/rows-digest.ts'

const fixtures = path.join(import.meta.dirname, '..', 'parse', 'fixtures')
const snapshot = listSnapshotPages()
  .filter((p) => p.status === 200 && ['article', 'listing', 'home'].includes(p.kind))
  .filter((_, i) => i % 12 === 0)
  .map((p) => ({ kind: p.kind, html: decodeHtml(readSnapshotPage(p), p.content_type).text, url: p.url }))
// Without the snapshot's origin mark the check parses the page itself, as on a real portal.
const ORIGIN = /<meta[^>]+name=["']thidua:origin["'][^>]*>/gi
const pages = [
  ...readdirSync(fixtures)
    .filter((f) => f.endsWith('.html.txt'))
    .map((f) => ({
      html: readFileSync(path.join(fixtures, f), 'utf8'),
      url: `https://vidu.gov.vn/tin-tuc/${f.replace('.html.txt', '')}-123.html`,
    })),
  ...snapshot,
  ...snapshot.filter((p) => p.kind === 'article').map((p) => ({ ...p, html: p.html.replace(ORIGIN, '') })),
  // The snapshot marks it an article, yet no option reads a body from it: the 'failed' outcome.
  {
    url: 'https://vidu.gov.vn/tin-tuc/bai-trong-123.html',
    html: '<html><head><meta name="thidua:origin" content="snapshot"><title>Bài trống</title></head><body><h1>Bài trống</h1><div class="entry-content"><p>Đang cập nhật.</p></div></body></html>',
  },
]

const source = (platform: SourceConfig['platform']) => ({ id: 'nguon', platform }) as SourceConfig
const NOW = '2025-06-01T00:00:00.000Z'
const optionSets: ParseOptions[] = [
  { now: NOW },
  { source: source('generic'), now: NOW },
  { source: source('nukeviet'), now: NOW },
  { source: source('liferay') },
  { platform: 'wordpress' },
]

/** What the run did before: the article check's own parse, then a second parse with the options. */
const twoParses = (html: string, url: string, opts: ParseOptions): Outcome => {
  if (!isArticlePage(html, url)) return { kind: 'not_article' }
  const r = parseArticle(html, url, opts)
  if (!r.ok) return { kind: 'failed', url, source_id: null, reason: r.reason }
  const article = { ...r.article, source_id: r.article.source_id ?? null }
  const published = article.published_at?.slice(0, 10) ?? null
  const extraction = extract(article.body_text, { id: article.url, published })
  return {
    kind: 'item',
    item: { article, extraction, archive_record_id: 'r', digest: articleDigest(article) },
  }
}

describe('doWork with the article check', () => {
  it('gives what the check and a second parse gave, for every kind of options', () => {
    const kinds = new Set<string>()
    for (const { html, url } of pages)
      for (const opts of optionSets) {
        const input = { html, url, opts, detectArticle: true }
        const got = doWork({ kind: 'page', source_id: null, record_id: 'r', input })
        expect(got, `${url} ${JSON.stringify(opts)}`).toEqual(twoParses(html, url, opts))
        kinds.add(got.kind)
      }
    // 'failed': a page the snapshot marks as an article whose body no option can read.
    expect([...kinds].sort()).toEqual(['failed', 'item', 'not_article'])
  }, 120_000)
})

describe('checkArticle', () => {
  const counted = (html: string, url: string) => {
    let calls = 0
    const r = checkArticle(html, url, () => {
      calls++
      return parseArticle(html, url)
    })
    return { r, calls }
  }
  const article = pages.find((p) => p.url.includes('nukeviet-article'))!

  it('parses an article once and hands that parse back', () => {
    const { r, calls } = counted(article.html, article.url)
    expect(calls).toBe(1)
    expect(r).toEqual(parseArticle(article.html, article.url))
    expect(r?.ok).toBe(true)
  })

  it('refuses a listing address, a home page and a non-HTML body without parsing', () => {
    for (const url of ['https://vidu.gov.vn/tin-tuc/page-2/', 'https://vidu.gov.vn/'])
      expect(counted(article.html, url)).toEqual({ r: null, calls: 0 })
    expect(counted('{"json": true}', article.url)).toEqual({ r: null, calls: 0 })
  })
})
