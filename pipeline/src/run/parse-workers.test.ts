/**
 * The run's page pool: the worker count comes from THIDUA_PARSE_WORKERS (one clear error for a bad
 * value), and two worker threads give what this thread gives, page by page and in order: the rows
 * with their extraction, and the article/not-article verdict the run asks for when the crawler gave none.
 */
import { availableParallelism } from 'node:os'
import { ConfigProvider, Effect } from 'effect'
import { describe, expect, it } from 'vitest'
import { decodeHtml } from '../page/decode.ts'
import { listSnapshotPages, readSnapshotPage } from '../snapshot/catalog.ts'
import type { Work } from './page-work.ts'
import { pagePool, parseWorkerCount } from './parse-workers.ts'

const withEnv = (env: Record<string, string>) =>
  Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))

describe('parseWorkerCount', () => {
  it('defaults to every core, and follows THIDUA_PARSE_WORKERS or an explicit override', async () => {
    expect(await Effect.runPromise(parseWorkerCount().pipe(withEnv({})))).toBe(availableParallelism())
    expect(await Effect.runPromise(parseWorkerCount().pipe(withEnv({ THIDUA_PARSE_WORKERS: '3' })))).toBe(3)
    expect(await Effect.runPromise(parseWorkerCount(1).pipe(withEnv({ THIDUA_PARSE_WORKERS: '3' })))).toBe(1)
  })

  it('refuses a value that is not a whole number from 1 in one line', async () => {
    for (const bad of ['0', 'two', '1.5']) {
      const exit = await Effect.runPromise(
        Effect.flip(parseWorkerCount().pipe(withEnv({ THIDUA_PARSE_WORKERS: bad })))
      )
      expect(exit.message).toBe(`THIDUA_PARSE_WORKERS must be a whole number from 1 to 256, got "${bad}"`)
    }
  })
})

describe('pagePool', () => {
  const pages: Work[] = listSnapshotPages()
    .filter((p) => p.status === 200 && (p.kind === 'article' || p.kind === 'listing'))
    .slice(0, 30)
    .map((p, i) => ({
      kind: 'page',
      source_id: null,
      record_id: `urn:uuid:test-${i}`,
      input: { html: decodeHtml(readSnapshotPage(p), p.content_type).text, url: p.url, detectArticle: true },
    }))

  it('gives on two worker threads exactly what this thread gives (parsed and extracted), in order', async () => {
    const both = Effect.gen(function* () {
      const one = yield* pagePool(1)
      const two = yield* pagePool(2)
      // Uneven chunks in flight at once, as the loader sends them.
      const chunks = [pages.slice(0, 7), pages.slice(7, 20), pages.slice(20)]
      return yield* Effect.promise(() =>
        Promise.all([one.run(pages), Promise.all(chunks.map((c) => two.run(c))).then((r) => r.flat())])
      )
    }).pipe(Effect.scoped)
    const [inThread, pooled] = await Effect.runPromise(both)
    expect(pooled).toEqual(inThread)
    const items = inThread.flatMap((o) => (o.kind === 'item' ? [o.item] : []))
    expect(items.length).toBeGreaterThan(0)
    expect(items.some((i) => i.extraction.documents.length > 0)).toBe(true)
    expect(inThread.some((o) => o.kind === 'not_article')).toBe(true)
  }, 60_000)
})
