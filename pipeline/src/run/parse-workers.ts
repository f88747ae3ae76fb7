/**
 * How many threads parse and extract: every core, or this thread alone when one worker is asked for.
 * `THIDUA_PARSE_WORKERS` (read through Effect Config) overrides the core count. The pool
 * (page-pool.ts) is a scoped resource, started on the first chunk so a run with nothing to parse
 * pays no worker start-up.
 */
import { availableParallelism } from 'node:os'
import { Config, Effect } from 'effect'
import { inThreadPool, openPagePool } from './page-pool.ts'

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

/**
 * The run's page pool over `workers` threads (1 = in this thread), stopped when the scope closes.
 * `threads: true` uses a worker thread even for one (benches compare pools of 1 and 2 threads).
 */
export const pagePool = (workers: number, opts: { readonly threads?: boolean } = {}) =>
  Effect.acquireRelease(
    Effect.sync(() => (workers <= 1 && !opts.threads ? inThreadPool : openPagePool(workers))),
    (p) => Effect.promise(p.close)
  )
