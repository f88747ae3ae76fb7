/** Seeding is pure: entry points, due re-checks and what earlier runs left unfinished. */
import { describe, expect, it } from 'vitest'
import { seedTasks } from './frontier.ts'
import type { KnownPage } from './store-rows.ts'
import { LANGSON_HOST, langsonSource } from './testing/source.ts'

const url = (p: string) => `https://${LANGSON_HOST}${p}`
const DAY = 86_400_000
const NOW = Date.parse('2026-06-01T00:00:00Z')
const known = (p: string, over: Partial<KnownPage>): KnownPage => ({
  url: url(p),
  source_id: 'langson-portal',
  role: 'article',
  state: 'stored',
  is_article: true,
  etag: null,
  last_modified: null,
  content_hash: null,
  record_id: null,
  discovered_from: null,
  http_status: 200,
  last_error: null,
  fetched_ms: NOW,
  ...over,
})

describe('seedTasks', () => {
  it('starts at the home page (role home) and other entry points (role entry)', () => {
    const s = langsonSource({ entry_points: [url('/'), url('/rss/tin-tuc.rss')] })
    const seeds = seedTasks([s], new Map(), { live: false, now: NOW })
    expect(seeds.map((t) => [t.url, t.role])).toEqual([
      [url('/'), 'home'],
      [url('/rss/tin-tuc.rss'), 'entry'],
    ])
  })

  it('re-checks the oldest due articles first, a few per source, and resumes queued and retryable rows', () => {
    const rows = [
      known('/a.html', { fetched_ms: NOW - 40 * DAY }),
      known('/b.html', { fetched_ms: NOW - 90 * DAY }),
      known('/c.html', { fetched_ms: NOW - 5 * DAY }),
      known('/q.html', { state: 'queued', is_article: null }),
      known('/503.html', { state: 'failed', http_status: 503, last_error: 'HTTP 503' }),
      known('/404.html', { state: 'failed', http_status: 404, last_error: 'HTTP 404' }),
    ]
    const map = new Map(rows.map((k) => [k.url, k]))
    const seeds = seedTasks([langsonSource()], map, { live: true, now: NOW, recheckPerSource: 1 })
    const urls = seeds.map((t) => t.url)
    expect(seeds.find((t) => t.revisit)?.url).toBe(url('/b.html'))
    expect(urls).not.toContain(url('/a.html'))
    expect(urls).toEqual(expect.arrayContaining([url('/q.html'), url('/503.html')]))
    expect(urls).not.toContain(url('/404.html'))
    expect(seedTasks([langsonSource()], map, { live: false, now: NOW }).some((t) => t.revisit)).toBe(false)
  })
})
