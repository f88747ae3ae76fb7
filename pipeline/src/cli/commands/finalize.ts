/**
 * `thidua finalize [--db FILE] [--full]`: resolve and publish what loads left pending (incremental unless
 * --full), without crawling or parsing. With several ingest machines, this runs on the one that holds
 * the warehouse once the shards are loaded (docs/scale.md).
 */
import { existsSync } from 'node:fs'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import { cliError, t } from '../messages.ts'
import { dbOption } from '../options.ts'

const full = Options.boolean('full').pipe(
  Options.withDescription(
    'Rebuild clusters, resolution, search and aggregates in full, not only what changed'
  )
)

export const finalizeCommand = Command.make('finalize', { db: dbOption, full }, ({ db, full }) =>
  Effect.gen(function* () {
    if (!existsSync(db)) return yield* Effect.fail(cliError('dbNotFound', { file: db }))
    const wh = yield* Effect.promise(() => import('../../warehouse/index.ts'))
    const started = performance.now()
    const { summary, published } = yield* Effect.scoped(
      Effect.gen(function* () {
        const w = yield* Effect.acquireRelease(wh.openWarehouse(db), wh.closeWarehouse)
        const summary = yield* wh.finalizeRun(w, 'finalize', { full })
        const published = yield* wh.publish(w)
        return { summary, published }
      })
    ).pipe(Effect.mapError((e) => cliError('finalizeFailed', { detail: e.message })))
    yield* Console.log(
      t('finalized', {
        file: db,
        mode: summary.mode,
        changed: summary.changed,
        seconds: ((performance.now() - started) / 1000).toFixed(1),
        version: published.version.replace(/\.duckdb$/, ''),
      })
    )
  })
).pipe(
  Command.withDescription(
    'Resolve clusters, documents, events, search and aggregates for what was loaded since the last finalize, then publish'
  )
)
