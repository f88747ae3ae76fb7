/**
 * `thidua eval` (also `pnpm eval`): score the extractor on data/gold/gold.jsonl and print P/R/F1 per
 * entity kind and per field, then the errors. `--write` also refreshes the results in docs/quality.md.
 */
import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXTRACTOR_VERSION } from '../../extract/extract.ts'
import { evaluate, formatReport, GOALS, goldFile, loadGold } from '../../extract/evaluate.ts'
import { repoRoot } from '../../paths.ts'

const write = Options.boolean('write').pipe(
  Options.withDescription('Replace the results section of docs/quality.md with this run')
)
const goldOption = Options.file('gold').pipe(
  Options.withDescription('Gold JSONL file (default: data/gold/gold.jsonl)'),
  Options.withDefault(goldFile)
)

const BEGIN = '<!-- eval:begin -->'
const END = '<!-- eval:end -->'

export const evalCommand = Command.make('eval', { write, gold: goldOption }, ({ write, gold }) =>
  Effect.gen(function* () {
    const items = yield* Effect.try({
      try: () => loadGold(gold),
      catch: (e) => new Error(`cannot load gold set: ${e instanceof Error ? e.message : String(e)}`),
    })
    const report = evaluate(items)
    const text = formatReport(report)
    yield* Console.log(`extractor ${EXTRACTOR_VERSION}\n${text}`)
    const failed = Object.entries(GOALS).filter(
      ([k, goal]) => report.kinds[k as keyof typeof GOALS].f1 < goal
    )
    yield* Console.log(
      failed.length === 0
        ? '\nall F1 goals met'
        : `\ngoals missed: ${failed.map(([k, g]) => `${k} < ${g}`).join(', ')}`
    )
    if (write) {
      const file = path.join(repoRoot, 'docs', 'quality.md')
      yield* Effect.try({
        try: () => {
          const doc = readFileSync(file, 'utf8')
          const a = doc.indexOf(BEGIN)
          const b = doc.indexOf(END)
          if (a < 0 || b < a) throw new Error(`${file} lacks the ${BEGIN} / ${END} markers`)
          const block = `${BEGIN}\n\`\`\`text\nextractor ${EXTRACTOR_VERSION}\n${formatReport(report, 60)}\n\`\`\`\n`
          writeFileSync(file, doc.slice(0, a) + block + doc.slice(b))
        },
        catch: (e) =>
          new Error(`cannot update docs/quality.md: ${e instanceof Error ? e.message : String(e)}`),
      })
    }
  })
).pipe(Command.withDescription('Score the extractor on the gold set: P/R/F1 per entity kind and field'))
