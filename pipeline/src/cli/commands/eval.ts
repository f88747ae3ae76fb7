/**
 * `thidua eval` (also `pnpm eval`): score the extractor on data/gold/gold.jsonl and print P/R/F1 per
 * entity kind and per field, then the errors; then the held-out section, scored against the snapshot's
 * truth labelled by other researchers (data/snapshot/truth.jsonl). `--write` also refreshes both result
 * blocks of docs/quality.md; `--gold-only` skips the held-out section.
 */
import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EXTRACTOR_VERSION } from '../../extract/extract.ts'
import {
  type EvalReport,
  evaluate,
  formatReport,
  GOALS,
  goldFile,
  loadGold,
  STRICT_GOALS,
} from '../../extract/evaluate.ts'
import { evaluateHeldOut, formatHeldOutReport, HELD_OUT_FLOORS, loadHeldOut } from '../../eval/heldout.ts'
import { loadDev } from '../../eval/dev.ts'
import { sideBySide } from '../../eval/side-by-side.ts'
import { repoRoot } from '../../paths.ts'
import { relationsReport } from '../../eval/relations.ts'

const write = Options.boolean('write').pipe(
  Options.withDescription('Replace the result blocks of docs/quality.md with this run')
)
const goldOnly = Options.boolean('gold-only').pipe(
  Options.withDescription('Skip the held-out evaluation on the snapshot truth')
)
const goldOption = Options.file('gold').pipe(
  Options.withDescription('Gold JSONL file (default: data/gold/gold.jsonl)'),
  Options.withDefault(goldFile)
)

/** Replace the text between two markers of docs/quality.md. */
function replaceBlock(doc: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin -->`
  const end = `<!-- ${name}:end -->`
  const a = doc.indexOf(begin)
  const b = doc.indexOf(end)
  if (a < 0 || b < a) throw new Error(`docs/quality.md lacks the ${begin} / ${end} markers`)
  return `${doc.slice(0, a)}${begin}\n\`\`\`text\nextractor ${EXTRACTOR_VERSION}\n${body}\n\`\`\`\n${doc.slice(b)}`
}

/**
 * Gold, dev and frozen-test side by side (issue #11); dev misses are printed, the frozen part's never.
 * Returns the table, or null when the corpus texts are not on this machine (said in one line).
 */
const devSection = (gold: EvalReport) =>
  Effect.gen(function* () {
    const corpus = yield* Effect.try({
      try: () => loadDev(),
      catch: (e) =>
        new Error(`cannot read the development corpus: ${e instanceof Error ? e.message : String(e)}`),
    })
    if (typeof corpus === 'string') {
      yield* Console.log(`\n== development corpus: ${corpus}; scored the gold set only`)
      return null
    }
    const dev = evaluate(corpus.dev)
    const test = evaluate(corpus.test)
    const table = sideBySide([
      ['gold', gold],
      ['dev', dev],
      ['frozen test', test],
    ])
    const missing = corpus.missing > 0 ? ` (${corpus.missing} manifest lines without text skipped)` : ''
    yield* Console.log(`\n== gold | dev | frozen test (data/dev)${missing}\n${table}`)
    yield* Console.log(
      `\n== dev misses (${dev.errors.length})\n${dev.errors.map((e) => `  ${e}`).join('\n')}`
    )
    const below = Object.entries(STRICT_GOALS).filter(([k, goal]) => {
      const s = k === 'documents' || k === 'events' ? test.strict[k] : test.kinds[k as 'campaigns' | 'times']
      return s.f1 < goal
    })
    yield* Console.log(
      below.length === 0
        ? '\nfrozen test: all issue #11 goals met'
        : `\nfrozen test below the issue #11 goals: ${below.map(([k, g]) => `${k} < ${g}`).join(', ')}`
    )
    return table
  })

export const evalCommand = Command.make(
  'eval',
  { write, goldOnly, gold: goldOption },
  ({ write, goldOnly, gold }) =>
    Effect.gen(function* () {
      const items = yield* Effect.try({
        try: () => loadGold(gold),
        catch: (e) => new Error(`cannot load gold set: ${e instanceof Error ? e.message : String(e)}`),
      })
      const report = evaluate(items)
      yield* Console.log(`extractor ${EXTRACTOR_VERSION}\n\n== gold set (${gold})\n${formatReport(report)}`)
      const failed = Object.entries(GOALS).filter(
        ([k, goal]) => report.kinds[k as keyof typeof GOALS].f1 < goal
      )
      yield* Console.log(
        failed.length === 0
          ? '\nall F1 goals met'
          : `\ngoals missed: ${failed.map(([k, g]) => `${k} < ${g}`).join(', ')}`
      )

      const threeWay = yield* devSection(report)

      let heldOutText: string | null = null
      if (!goldOnly) {
        const heldOut = yield* Effect.try({
          try: () => {
            const { items: pages, skipped } = loadHeldOut()
            return evaluateHeldOut(pages, skipped)
          },
          catch: (e) =>
            new Error(`cannot run the held-out evaluation: ${e instanceof Error ? e.message : String(e)}`),
        })
        heldOutText = formatHeldOutReport(heldOut, 60)
        yield* Console.log(
          `\n== held-out: snapshot truth (data/snapshot/truth.jsonl)\n${formatHeldOutReport(heldOut)}`
        )
        const below = Object.entries(HELD_OUT_FLOORS).filter(
          ([k, floor]) => heldOut.kinds[k as keyof typeof HELD_OUT_FLOORS].f1 < floor
        )
        yield* Console.log(
          below.length === 0
            ? '\nheld-out floors held'
            : `\nheld-out below floor: ${below.map(([k, f]) => `${k} < ${f}`).join(', ')}`
        )
      }

      yield* Effect.try({
        try: () => relationsReport(),
        catch: (e) => new Error(`cannot score relations: ${e instanceof Error ? e.message : String(e)}`),
      }).pipe(Effect.flatMap((text) => Console.log(`\n${text}`)))

      if (write) {
        const file = path.join(repoRoot, 'docs', 'quality.md')
        yield* Effect.try({
          try: () => {
            let doc = replaceBlock(readFileSync(file, 'utf8'), 'eval', formatReport(report, 60))
            if (threeWay !== null && doc.includes('<!-- threeway:begin -->'))
              doc = replaceBlock(doc, 'threeway', threeWay)
            if (heldOutText !== null) doc = replaceBlock(doc, 'heldout', heldOutText)
            writeFileSync(file, doc)
          },
          catch: (e) =>
            new Error(`cannot update docs/quality.md: ${e instanceof Error ? e.message : String(e)}`),
        })
      }
    })
).pipe(
  Command.withDescription(
    'Score the extractor: P/R/F1 per entity kind and field on the gold set, then on the held-out snapshot truth'
  )
)
