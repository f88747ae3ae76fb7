/**
 * The run's parser: the worker count comes from THIDUA_PARSE_WORKERS (one clear error for a bad
 * value), and two workers give what this thread gives, page by page and in order, including the
 * article/not-article verdict the run asks for when the crawler gave none.
 */
import { availableParallelism } from 'node:os'
import { ConfigProvider, Effect } from 'effect'
import { describe, expect, it } from 'vitest'
import { decodeHtml } from '../page/decode.ts'
import { isNotArticle, type PageInput } from '../parse/parse-many.ts'
import { listSnapshotPages, readSnapshotPage } from '../snapshot/catalog.ts'
import { chunkParser, parseWorkerCount } from './parse-workers.ts'

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

describe('chunkParser', () => {
  const pages: PageInput[] = listSnapshotPages()
    .filter((p) => p.status === 200 && (p.kind === 'article' || p.kind === 'listing'))
    .slice(0, 30)
    .map((p) => ({
      html: decodeHtml(readSnapshotPage(p), p.content_type).text,
      url: p.url,
      detectArticle: true,
    }))

  it('gives on two workers exactly what one thread gives, in order', async () => {
    const both = Effect.gen(function* () {
      const one = yield* chunkParser(1)
      const two = yield* chunkParser(2)
      return yield* Effect.promise(() => Promise.all([one(pages), two(pages)]))
    }).pipe(Effect.scoped)
    const [inThread, pooled] = await Effect.runPromise(both)
    expect(pooled).toEqual(inThread)
    expect(inThread.some((r) => r.ok)).toBe(true)
    expect(inThread.some(isNotArticle)).toBe(true)
  }, 60_000)
})
