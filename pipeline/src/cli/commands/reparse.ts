/** `thidua reparse [--db FILE]`: re-run parse → extract → load → resolve → publish from the raw archive. */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import { dbOption, sourcesOption } from '../options.ts'

const json = Options.boolean('json').pipe(Options.withDescription('Print the run summary as JSON on stdout'))

export const reparseCommand = Command.make(
  'reparse',
  { db: dbOption, sources: sourcesOption, json },
  ({ db, sources, json }) =>
    Effect.gen(function* () {
      const { runPipeline } = yield* Effect.promise(() => import('../../run/run-pipeline.ts'))
      const summary = yield* runPipeline({ dbFile: db, sourcesFile: sources, live: false, reparseOnly: true })
      if (json) yield* Console.log(JSON.stringify(summary))
    })
).pipe(
  Command.withDescription('Parse and extract again from the raw archive, without fetching, then publish')
)
