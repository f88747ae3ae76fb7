/**
 * The run's parser: the worker pool of parse/parse-many.ts on every core, or this thread when one
 * worker is asked for. `THIDUA_PARSE_WORKERS` (read through Effect Config) overrides the core count.
 * The pool is a scoped resource, started on the first chunk so a run with nothing to parse pays no
 * worker start-up.
 */
import { availableParallelism } from 'node:os'
import { Config, Effect } from 'effect'
import {
  createParsePool,
  type PageInput,
  type PageResult,
  type ParsePool,
  parseSafely,
} from '../parse/parse-many.ts'

export type ChunkParser = (pages: ReadonlyArray<PageInput>) => Promise<PageResult[]>

/** Parse workers for this run: the override if given, else THIDUA_PARSE_WORKERS, else every core. */
export const parseWorkerCount = (override?: number) =>
  Effect.gen(function* () {
    const raw =
      override !== undefined
        ? String(override)
        : yield* Config.string('THIDUA_PARSE_WORKERS').pipe(Config.withDefault(''))
    if (raw.trim() === '') return availableParallelism()
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1 || n > 256)
      return yield* Effect.fail(
        new Error(`THIDUA_PARSE_WORKERS must be a whole number from 1 to 256, got "${raw}"`)
      )
    return n
  })

/** A chunk parser over `workers` threads (1 = in this thread) and how to stop it; plain, for benches. */
export const openChunkParser = (workers: number): { parse: ChunkParser; close: () => Promise<void> } => {
  if (workers <= 1) return { parse: async (pages) => pages.map(parseSafely), close: async () => {} }
  let pool: ParsePool | null = null
  return {
    parse: (pages) => {
      pool ??= createParsePool({ workers })
      return pool.parse(pages)
    },
    close: async () => pool?.close(),
  }
}

/**
 * A chunk parser over `workers` threads (1 = in this thread). Results keep the order of the pages;
 * closing the scope stops the workers.
 */
export const chunkParser = (workers: number) =>
  Effect.map(
    Effect.acquireRelease(
      Effect.sync(() => openChunkParser(workers)),
      (p) => Effect.promise(p.close)
    ),
    (p) => p.parse
  )
