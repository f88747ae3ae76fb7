/**
 * `thidua extract`: JSON lines `{"id","text","published"?}` on stdin → one JSON line per input on stdout
 * (issue #6 contract), nothing else on stdout. A bad line yields `{"id","error"}` and the stream goes on.
 */
import { Command } from '@effect/cli'
import { Effect } from 'effect'
import { createInterface } from 'node:readline'
import { once } from 'node:events'
import { processLine } from '../../extract/batch.ts'

export const runExtractStream = (input: NodeJS.ReadableStream, output: NodeJS.WritableStream) =>
  Effect.tryPromise({
    try: async () => {
      const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
      let lineNo = 0
      let count = 0
      for await (const line of rl) {
        lineNo++
        if (line.trim() === '') continue
        count++
        // Respect back-pressure so a large corpus does not pile up in memory.
        if (!output.write(`${processLine(line, lineNo)}\n`)) await once(output, 'drain')
      }
      return count
    },
    catch: (e) => new Error(`extract stream failed: ${e instanceof Error ? e.message : String(e)}`),
  })

export const extractCommand = Command.make('extract', {}, () =>
  runExtractStream(process.stdin, process.stdout).pipe(Effect.asVoid)
).pipe(
  Command.withDescription(
    'Extract documents, events, campaigns and times from JSON lines {"id","text","published"?} on stdin'
  )
)
