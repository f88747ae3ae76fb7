/**
 * parseMany on worker threads gives exactly what parseArticle gives in this thread, in order, for
 * real snapshot pages (articles and listings mixed), and a malformed input fails alone.
 */
import { describe, expect, it } from 'vitest'
import { listSnapshotPages, readSnapshotPage } from '../snapshot/catalog.ts'
import { decodeHtml } from './crawl-utils.ts'
import { parseArticle } from './parse-article.ts'
import { createParsePool, type PageInput, parseMany } from './parse-many.ts'

const inputs: PageInput[] = listSnapshotPages()
  .filter((p) => p.status === 200 && (p.kind === 'article' || p.kind === 'listing'))
  .slice(0, 40)
  .map((p) => ({ html: decodeHtml(readSnapshotPage(p), p.content_type).text, url: p.url }))

describe('parseMany', () => {
  it('matches parseArticle page by page on two worker threads', async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(20)
    const many = await parseMany(inputs, { workers: 2, batchSize: 3 })
    expect(many).toEqual(inputs.map((p) => parseArticle(p.html, p.url)))
    expect(many.some((r) => r.ok)).toBe(true)
    expect(many.some((r) => !r.ok)).toBe(true)
  }, 30_000)

  it('keeps going past a bad page and keeps the order', async () => {
    const pool = createParsePool({ workers: 2, batchSize: 2 })
    try {
      const bad: PageInput = { html: '<p>x</p>', url: 'not a url' }
      const mixed = [inputs[0]!, bad, inputs[1]!, bad, inputs[2]!]
      const out = await pool.parse(mixed)
      expect(out).toHaveLength(5)
      expect(out[1]).toEqual({ ok: false, reason: 'invalid URL (http or https expected): not a url' })
      expect(out[4]).toEqual(parseArticle(inputs[2]!.html, inputs[2]!.url))
    } finally {
      await pool.close()
    }
  }, 30_000)
})
