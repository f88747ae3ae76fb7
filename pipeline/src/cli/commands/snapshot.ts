/**
 * `thidua snapshot build [--out DIR] [--sources-out FILE]`: generate the attachment files that are
 * missing, then render the offline snapshot and its own list of sites (DIR/sources.json; data/sources.json
 * is the hand-maintained registry and is never written here).
 */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import path from 'node:path'
import { snapshotDir } from '../../paths.ts'
import { commandGroup, defaultedOption, optionalOption } from '../options.ts'

const out = defaultedOption(Options.directory('out'), 'Snapshot folder (default: data/snapshot)', snapshotDir)
const sourcesOut = optionalOption(
  Options.file('sources-out'),
  "Where to write the snapshot's list of sites (default: DIR/sources.json)"
)

const build = Command.make('build', { out, sourcesOut }, ({ out, sourcesOut }) =>
  Effect.gen(function* () {
    const { buildSnapshot, attachmentFilesDir } = yield* Effect.promise(
      () => import('../../snapshot/build.ts')
    )
    const { writeAttachmentFiles } = yield* Effect.promise(
      () => import('../../snapshot/attachments/files.ts')
    )
    const { planAttachments } = yield* Effect.promise(() => import('../../snapshot/attachments/plan.ts'))
    const { loadFacts } = yield* Effect.promise(() => import('../../snapshot/facts.ts'))
    const written = yield* Effect.tryPromise({
      try: () => writeAttachmentFiles(attachmentFilesDir, planAttachments(loadFacts())),
      catch: (e) => new Error(`attachment generation failed: ${e instanceof Error ? e.message : String(e)}`),
    })
    if (written.length > 0) yield* Console.log(`attachments generated: ${written.join(', ')}`)
    const r = yield* Effect.try({
      try: () =>
        buildSnapshot({
          outDir: out,
          sourcesFile: Option.getOrElse(sourcesOut, () => path.join(out, 'sources.json')),
        }),
      catch: (e) => new Error(`snapshot build failed: ${e instanceof Error ? e.message : String(e)}`),
    })
    yield* Console.log(
      `snapshot: ${r.sites} sites, ${r.articles} articles (${r.captured} captured, ${r.rebuilt} rebuilt), ` +
        `${r.provinces2008} provinces (2008 codes), ${r.routes} routes, ${(r.bytes / 1e6).toFixed(2)} MB → ${r.outDir}; sources → ${r.sourcesFile}`
    )
  })
).pipe(
  Command.withDescription(
    'Render data/snapshot/ (with its attachments and its own sources.json) from the seeds and corpus facts'
  )
)

export const snapshotCommand = commandGroup('snapshot', 'Offline snapshot of the portal sites', [build])
