/**
 * `thidua digest [--db FILE] [--week-of YYYY-MM-DD] [--out DIR]`: the weekly digest (HTML, Vietnamese) of
 * the published database: new documents, congresses, campaigns and alerts of the week, each linked.
 * Sent by SMTP when THIDUA_SMTP_URL and THIDUA_DIGEST_TO are set, else written to DIR/digest-<monday>.html.
 */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import { dbOption } from '../options.ts'

const weekOf = Options.text('week-of').pipe(
  Options.withDescription('Any day of the week to report, YYYY-MM-DD (default: last week)'),
  Options.optional
)
const out = Options.directory('out').pipe(
  Options.withDescription(
    'Folder for the HTML file when no SMTP server is configured (default: var/digests)'
  ),
  Options.withDefault('var/digests')
)

export const digestCommand = Command.make('digest', { db: dbOption, weekOf, out }, ({ db, weekOf, out }) =>
  Effect.gen(function* () {
    const { runDigest } = yield* Effect.promise(() => import('../../digest/send.ts'))
    const r = yield* Effect.tryPromise({
      try: () =>
        runDigest({ dbFile: db, outDir: out, ...(Option.isSome(weekOf) ? { day: weekOf.value } : {}) }),
      catch: (e) => new Error(`digest not made: ${e instanceof Error ? e.message : String(e)}`),
    })
    yield* Console.log(
      r.sent ? `digest sent to ${r.to.join(', ')}: ${r.subject}` : `digest written to ${r.file}: ${r.subject}`
    )
  })
).pipe(
  Command.withDescription(
    'Make the weekly digest (new documents, congresses, campaigns, alerts); mail it or write it to a file'
  )
)
