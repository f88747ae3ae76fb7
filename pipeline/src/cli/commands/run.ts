/**
 * `thidua run [--sources FILE] [--db FILE] [--live] [--max-pages N] [--frontier URL] [--snapshot DIR | --generated DIR]`:
 * the whole pipeline. `--generated DIR` crawls a corpus written by `thidua generate` (scale runs) through
 * the simulator instead of the snapshot, with the corpus's own sources.json unless `--sources` is given.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import { defaultSourcesFile, registryFile } from '../../paths.ts'
import {
  dbOption,
  frontierOption,
  liveOption as live,
  maxPagesOption as maxPages,
  optionalOption,
  snapshotOption,
} from '../options.ts'
import { cliError } from '../messages.ts'

// Optional rather than defaulted, so that --generated can fall back to the corpus's own sources.json.
const sources = Options.file('sources').pipe(
  Options.withDescription(
    'JSON list of sources (default: data/snapshot/sources.json; with --live the registry data/sources.json; DIR/sources.json with --generated)'
  ),
  Options.optional
)
const snapshot = snapshotOption
const generated = optionalOption(
  Options.directory('generated'),
  'Crawl a corpus written by `thidua generate` instead of the snapshot (offline)'
)
const json = Options.boolean('json').pipe(Options.withDescription('Print the run summary as JSON on stdout'))
const frontier = frontierOption

/**
 * The sources file a run uses: --sources, else the generated corpus's own, else the registry of real
 * sites for a live run and the snapshot's own sites for the embedded one.
 */
export const runSourcesFile = (
  sources: Option.Option<string>,
  generated: Option.Option<string>,
  live = false
): string =>
  Option.isSome(sources)
    ? sources.value
    : Option.isSome(generated)
      ? path.join(generated.value, 'sources.json')
      : live
        ? registryFile
        : defaultSourcesFile

export const runCommand = Command.make(
  'run',
  { db: dbOption, sources, live, snapshot, generated, maxPages, json, frontier },
  ({ db, sources, live, snapshot, generated, maxPages, json, frontier }) =>
    Effect.gen(function* () {
      // The crawler reads THIDUA_FRONTIER, so the option and the variable are one setting.
      if (Option.isSome(frontier)) process.env.THIDUA_FRONTIER = frontier.value
      if (Option.isSome(generated)) {
        if (live) return yield* Effect.fail(cliError('generatedWithLive'))
        if (Option.isSome(snapshot)) return yield* Effect.fail(cliError('snapshotAndGenerated'))
        if (!existsSync(path.join(generated.value, 'corpus.json')))
          return yield* Effect.fail(cliError('noCorpus', { dir: generated.value }))
      }
      const { runPipeline } = yield* Effect.promise(() => import('../../run/run-pipeline.ts'))
      const summary = yield* runPipeline({
        dbFile: db,
        sourcesFile: runSourcesFile(sources, generated, live),
        live,
        ...(Option.isSome(snapshot) ? { snapshotRoot: snapshot.value } : {}),
        ...(Option.isSome(generated) ? { generatedDir: generated.value } : {}),
        ...(Option.isSome(maxPages) ? { maxPages: maxPages.value } : {}),
      })
      if (json) yield* Console.log(JSON.stringify(summary))
    })
).pipe(Command.withDescription('Run the whole pipeline: crawl, parse, extract, load, resolve and publish'))
