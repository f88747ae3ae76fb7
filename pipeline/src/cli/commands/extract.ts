/**
 * `thidua extract [--strict]`: JSON lines `{"id","text","published"?}` on stdin → one JSON line per
 * input on stdout (the extraction contract, pipeline/src/extract/batch.ts), nothing else on stdout.
 * A bad line yields `{"id","line","error"}` and the stream goes on, but the exit code is 1 if any line
 * failed; `--strict` stops at the first bad line with a one-line error on stderr.
 */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Effect from 'effect/Effect'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { CliError, cliError, t } from '../messages.ts'

const strict = Options.boolean('strict').pipe(
  Options.withDescription('Stop with exit code 1 at the first bad input line (default: report it and go on)')
)

export interface ExtractCounts {
  readonly lines: number
  readonly failed: number
}

type LineResult =
  | { readonly ok: true; readonly json: string }
  | { readonly ok: false; readonly error: string }

/** The extractor, loaded on first use so `thidua --help` does not pay for it. */
const loadExtractor = async (): Promise<(raw: string, lineNo: number) => LineResult> => {
  const { BadInputLine, parseInputLine, processLine } = await import('../../extract/batch.ts')
  return (raw, lineNo) => {
    const input = parseInputLine(raw, lineNo)
    if (input instanceof BadInputLine) return { ok: false, error: input.reason }
    const json = processLine(raw, lineNo)
    // processLine never throws: an extractor failure comes back as {"id","error"}.
    const parsed = JSON.parse(json) as { error?: unknown }
    return typeof parsed.error === 'string'
      ? { ok: false, error: parsed.error.replace(/^line \d+: /, '') }
      : { ok: true, json }
  }
}

const idOf = (raw: string): string | null => {
  try {
    const v = JSON.parse(raw) as { id?: unknown }
    return typeof v?.id === 'string' || typeof v?.id === 'number' ? String(v.id) : null
  } catch {
    return null
  }
}

/** Reads the whole stream; with `strict`, fails with a CliError at the first bad line. */
export const runExtractStream = (
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: { readonly strict: boolean } = { strict: false }
) =>
  Effect.tryPromise({
    try: async (): Promise<ExtractCounts> => {
      const processOne = await loadExtractor()
      const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
      let lineNo = 0
      let lines = 0
      let failed = 0
      for await (const line of rl) {
        lineNo++
        if (line.trim() === '') continue
        lines++
        const r = processOne(line, lineNo)
        if (!r.ok) {
          failed++
          if (opts.strict) {
            rl.close()
            throw cliError('extractBadLine', { line: lineNo, detail: r.error })
          }
        }
        const text = r.ok ? r.json : JSON.stringify({ id: idOf(line), line: lineNo, error: r.error })
        // Respect back-pressure so a large corpus does not pile up in memory.
        if (!output.write(`${text}\n`)) await once(output, 'drain')
      }
      return { lines, failed }
    },
    catch: (e) =>
      e instanceof CliError
        ? e
        : cliError('extractStreamFailed', { detail: e instanceof Error ? e.message : String(e) }),
  })

export const extractCommand = Command.make('extract', { strict }, ({ strict }) =>
  Effect.gen(function* () {
    const { lines, failed } = yield* runExtractStream(process.stdin, process.stdout, { strict })
    if (failed > 0) return yield* Effect.fail(new CliError(t('extractFailedLines', { failed, total: lines })))
  })
).pipe(
  Command.withDescription(
    'Extract documents, events, campaigns and times from JSON lines {"id","text","published"?} on stdin'
  )
)
