/**
 * `thidua schedule --cron "<expr>" [--db FILE] [--sources FILE] [--live] [--snapshot DIR] [--max-ticks N]`:
 * runs the whole pipeline (as `thidua run`) on a cron expression, with a lock so runs never overlap, a
 * catch-up run at start when a tick was missed while down, and a clean stop on SIGTERM/SIGINT (see
 * pipeline/src/schedule/scheduler.ts and docs/operations.md).
 */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Deferred from 'effect/Deferred'
import * as Effect from 'effect/Effect'
import * as Exit from 'effect/Exit'
import * as Option from 'effect/Option'
import * as Runtime from 'effect/Runtime'
import {
  dbOption,
  liveOption as live,
  maxPagesOption as maxPages,
  optionalOption,
  snapshotOption,
  sourcesOption,
} from '../options.ts'

const cron = Options.text('cron').pipe(
  Options.withDescription(
    'Cron expression, 5 fields ("0 6 * * *": 06:00 daily) or 6 with seconds ("*/10 * * * * *")'
  )
)
const maxTicks = optionalOption(
  Options.integer('max-ticks'),
  'Stop after this many completed runs (default: run until stopped)'
)
const timezone = optionalOption(
  Options.text('timezone'),
  'IANA time zone of the expression (default: the machine’s, e.g. Asia/Ho_Chi_Minh)'
)

export const scheduleCommand = Command.make(
  'schedule',
  {
    cron,
    db: dbOption,
    sources: sourcesOption,
    live,
    snapshot: snapshotOption,
    maxTicks,
    maxPages,
    timezone,
  },
  ({ cron, db, sources, live, snapshot, maxTicks, maxPages, timezone }) =>
    Effect.gen(function* () {
      const { Scheduler, parseCron } = yield* Effect.promise(() => import('../../schedule/scheduler.ts'))
      const { runPipeline } = yield* Effect.promise(() => import('../../run/run-pipeline.ts'))
      const { markInterruptedRuns } = yield* Effect.promise(() => import('../../schedule/interrupted.ts'))
      yield* Effect.try({
        try: () => parseCron(cron, Option.getOrUndefined(timezone)),
        catch: (e) => e as Error,
      })
      const runtime = yield* Effect.runtime<never>()
      const enough = yield* Deferred.make<void>()
      let completed = 0
      const scheduler = new Scheduler({
        cron,
        dbFile: db,
        ...(Option.isSome(timezone) ? { timezone: timezone.value } : {}),
        runTick: async (_tick, signal) => {
          await markInterruptedRuns(db)
          const exit = await Runtime.runPromiseExit(runtime)(
            runPipeline({
              dbFile: db,
              sourcesFile: sources,
              live,
              ...(Option.isSome(snapshot) ? { snapshotRoot: snapshot.value } : {}),
              ...(Option.isSome(maxPages) ? { maxPages: maxPages.value } : {}),
            }),
            { signal }
          )
          if (Exit.isSuccess(exit)) {
            completed++
            if (Option.isSome(maxTicks) && completed >= maxTicks.value)
              Runtime.runSync(runtime)(Deferred.succeed(enough, undefined))
            return { run_id: exit.value.run_id, status: 'ok' }
          }
          if (Exit.isInterrupted(exit)) return { run_id: null, status: 'failed', interrupted: true }
          process.stderr.write(`schedule: run failed: ${String(exit.cause).split('\n')[0]}\n`)
          return { run_id: null, status: 'failed' }
        },
      })
      // SIGTERM/SIGINT interrupt this fiber (NodeRuntime.runMain); the release stops the scheduler cleanly.
      yield* Effect.acquireUseRelease(
        Effect.promise(() => scheduler.start()).pipe(Effect.as(scheduler)),
        () => Deferred.await(enough),
        (s, exit) => Effect.promise(() => s.stop(Exit.isInterrupted(exit) ? 'signal' : 'max ticks reached'))
      )
    })
).pipe(
  Command.withDescription(
    'Run the pipeline on a cron schedule: no overlapping runs, catch-up after downtime, clean stop on SIGTERM'
  )
)
