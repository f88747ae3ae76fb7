/**
 * `thidua ingest <WARC files | directory of HTML | JSONL of articles>... [--db FILE] [--base-url URL]`:
 * saved pages and articles through parse → extract → load → resolve → publish, without HTTP; a rerun
 * skips what is already ingested (docs/ingest.md).
 */
import * as Args from '@effect/cli/Args'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'
import { dbOption } from '../options.ts'

const inputs = Args.text({ name: 'input' }).pipe(
  Args.withDescription('WARC file (.warc, .warc.gz), directory of saved HTML pages, or JSONL of articles'),
  Args.atLeast(1)
)
const baseUrl = Options.text('base-url').pipe(
  Options.withDescription(
    'Saved pages that name no canonical URL or og:url get this URL + their path in the folder'
  ),
  Options.optional
)
const noPublish = Options.boolean('no-publish').pipe(
  Options.withDescription('Load and resolve only; do not publish a new version')
)
const json = Options.boolean('json').pipe(Options.withDescription('Print the summary as JSON on stdout'))

export const ingestCommand = Command.make(
  'ingest',
  { inputs, db: dbOption, baseUrl, noPublish, json },
  ({ inputs, db, baseUrl, noPublish, json }) =>
    Effect.gen(function* () {
      const { ingest } = yield* Effect.promise(() => import('../../ingest/ingest.ts'))
      const summary = yield* ingest({
        dbFile: db,
        paths: inputs,
        baseUrl: Option.getOrNull(baseUrl),
        publish: !noPublish,
      })
      if (json) yield* Console.log(JSON.stringify(summary))
    })
).pipe(
  Command.withDescription(
    'Load saved pages (WARC, HTML folder) or articles (JSONL) through parse, extract, load and publish, without HTTP'
  )
)
