/** The run's log lines: bare on stderr, once even beside another logger, none when quiet. */
import { describe, expect, it } from '@effect/vitest'
import { Effect, Logger } from 'effect'
import { vi } from 'vitest'
import { withRunLogger } from './logger.ts'

const written = (quiet: boolean) =>
  Effect.gen(function* () {
    const lines: string[] = []
    const write = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => lines.push(String(chunk)) > 0)
    yield* Effect.log('crawl: 3 fetched').pipe(
      withRunLogger(quiet),
      // As the CLI's runtime does: a second logger present outside the run.
      Effect.provide(Logger.add(Logger.prettyLoggerDefault)),
      Effect.ensuring(Effect.sync(() => write.mockRestore()))
    )
    return lines
  })

describe('withRunLogger', () => {
  it.effect('prints the bare line once', () =>
    Effect.map(written(false), (lines) => expect(lines).toEqual(['crawl: 3 fetched\n']))
  )
  it.effect('prints nothing when quiet', () =>
    Effect.map(written(true), (lines) => expect(lines).toEqual([]))
  )
})
