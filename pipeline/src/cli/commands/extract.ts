/**
 * `thidua extract [--strict]`: JSON lines `{"id","text","published"?,"province"?}` on stdin → one JSON
 * line per input on stdout (the extraction contract, pipeline/src/extract/batch.ts), nothing else on
 * stdout. `province` (a code or name of either unit system) is the article's own province, for events
 * naming only "tỉnh". A bad line yields `{"id","line","error"}` and the stream goes on, but the exit code
 * is 1 if any line failed; `--strict` stops at the first bad line with a one-line error on stderr.
 */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Effect from 'effect/Effect'
import { extractLines } from '../extract-run.ts'
import { CliError, t } from '../messages.ts'

const strict = Options.boolean('strict').pipe(
  Options.withDescription('Stop with exit code 1 at the first bad input line (default: report it and go on)')
)

/** Reads the whole stream; with `strict`, fails with a CliError at the first bad line. */
export const runExtractStream = (
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: { readonly strict: boolean } = { strict: false }
) =>
  Effect.tryPromise({
    try: () => extractLines(input, output, opts),
    catch: (e) => (e instanceof CliError ? e : new CliError(String(e))),
  })

export const extractCommand = Command.make('extract', { strict }, ({ strict }) =>
  Effect.gen(function* () {
    const { lines, failed } = yield* runExtractStream(process.stdin, process.stdout, { strict })
    if (failed > 0) return yield* Effect.fail(new CliError(t('extractFailedLines', { failed, total: lines })))
  })
).pipe(
  Command.withDescription(
    'Extract documents, events, campaigns and times from JSON lines {"id","text","published"?,"province"?} on stdin'
  )
)
