/** `thidua run [--sources FILE] [--db FILE] [--live] [--max-pages N]`: the whole pipeline. */
import { Command, Options } from '@effect/cli'
import { Console, Effect, Option } from 'effect'
import { runPipeline } from '../../run/run-pipeline.ts'
import { dbOption, sourcesOption } from '../options.ts'

const live = Options.boolean('live').pipe(
  Options.withDescription('Fetch the real sites (default: the offline snapshot through the local simulator)')
)
const snapshot = Options.directory('snapshot').pipe(
  Options.withDescription('Offline snapshot folder the simulator serves (default: data/snapshot)'),
  Options.optional
)
const maxPages = Options.integer('max-pages').pipe(
  Options.withDescription('At most this many fetches per source in this run (the rest stays queued)'),
  Options.optional
)
const json = Options.boolean('json').pipe(Options.withDescription('Print the run summary as JSON on stdout'))

export const runCommand = Command.make(
  'run',
  { db: dbOption, sources: sourcesOption, live, snapshot, maxPages, json },
  ({ db, sources, live, snapshot, maxPages, json }) =>
    Effect.gen(function* () {
      const summary = yield* runPipeline({
        dbFile: db,
        sourcesFile: sources,
        live,
        ...(Option.isSome(snapshot) ? { snapshotRoot: snapshot.value } : {}),
        ...(Option.isSome(maxPages) ? { maxPages: maxPages.value } : {}),
      })
      if (json) yield* Console.log(JSON.stringify(summary))
    })
).pipe(Command.withDescription('Run the whole pipeline: crawl, parse, extract, load, resolve and publish'))
