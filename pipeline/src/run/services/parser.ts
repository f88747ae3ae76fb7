/**
 * The `Parser` stage: parse + extract on the page pool (page-pool.ts, every core by default), a
 * scoped resource stopped with its layer. `Test` works in this thread.
 */
import { Context, Effect, Layer } from 'effect'
import { inThreadPool, type PagePool } from '../page-pool.ts'
import { pagePool, parseWorkerCount } from '../parse-workers.ts'
import { stageError } from './errors.ts'

export class Parser extends Context.Tag('thidua/Parser')<Parser, PagePool>() {
  /** `workers` threads; default THIDUA_PARSE_WORKERS (read through Config), else every core. */
  static readonly Live = (workers?: number) =>
    Layer.scoped(
      Parser,
      parseWorkerCount(workers).pipe(
        Effect.mapError((e) => stageError('parse', e)),
        Effect.flatMap((n) => pagePool(n))
      )
    )

  static readonly Test = Layer.succeed(Parser, inThreadPool)
}
