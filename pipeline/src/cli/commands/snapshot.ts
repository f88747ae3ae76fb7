/** `thidua snapshot build [--out DIR] [--sources-out FILE]`: render the offline snapshot and sources.json. */
import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { defaultSourcesFile, snapshotDir } from '../../paths.ts'

const out = Options.directory('out').pipe(
  Options.withDescription('Snapshot folder (default: data/snapshot)'),
  Options.withDefault(snapshotDir)
)
const sourcesOut = Options.file('sources-out').pipe(
  Options.withDescription('Where to write the sources list (default: data/sources.json)'),
  Options.withDefault(defaultSourcesFile)
)

const build = Command.make('build', { out, sourcesOut }, ({ out, sourcesOut }) =>
  Effect.gen(function* () {
    const { buildSnapshot } = yield* Effect.promise(() => import('../../snapshot/build.ts'))
    const r = yield* Effect.try({
      try: () => buildSnapshot({ outDir: out, sourcesFile: sourcesOut }),
      catch: (e) => new Error(`snapshot build failed: ${e instanceof Error ? e.message : String(e)}`),
    })
    yield* Console.log(
      `snapshot: ${r.sites} sites, ${r.articles} articles (${r.captured} captured, ${r.rebuilt} rebuilt), ` +
        `${r.provinces2008} provinces (2008 codes), ${r.routes} routes, ${(r.bytes / 1e6).toFixed(2)} MB → ${r.outDir}; sources → ${r.sourcesFile}`
    )
  })
).pipe(Command.withDescription('Render data/snapshot/ and data/sources.json from the seeds and corpus facts'))

export const snapshotCommand = Command.make('snapshot').pipe(
  Command.withDescription('Offline snapshot of the portal sites'),
  Command.withSubcommands([build])
)
