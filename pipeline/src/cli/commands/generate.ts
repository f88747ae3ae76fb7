/** `thidua generate [--n 100000] [--seed 1] [--out DIR]`: write a synthetic scale corpus + ground truth. */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import * as Option from 'effect/Option'

// @effect/cli turns one-letter names into short flags, so the count is `-n N` or `--articles N`.
const n = Options.integer('articles').pipe(
  Options.withAlias('n'),
  Options.withDescription('Number of articles (default 100000)'),
  Options.withDefault(100_000)
)
const seed = Options.integer('seed').pipe(
  Options.withDescription('PRNG seed (default 1)'),
  Options.withDefault(1)
)
const out = Options.directory('out').pipe(
  Options.withDescription('Output folder (default: a new temp folder)'),
  Options.optional
)

export const generateCommand = Command.make('generate', { n, seed, out }, ({ n, seed, out }) =>
  Effect.gen(function* () {
    const dir = Option.getOrElse(out, () => mkdtempSync(path.join(os.tmpdir(), 'thidua-gen-')))
    const { generateCorpus } = yield* Effect.promise(() => import('../../generator/generate.ts'))
    const r = yield* Effect.tryPromise({
      try: () => generateCorpus({ n, seed, out: dir }),
      catch: (e) => new Error(`generate failed: ${e instanceof Error ? e.message : String(e)}`),
    })
    yield* Console.log(
      `generated ${r.n} articles in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.n / (r.ms / 1000))}/s), ${r.shards} shards → ${r.out}`
    )
    yield* Console.log(`serve it: pnpm thidua simulate --generated ${r.out}`)
  })
).pipe(
  Command.withDescription(
    'Generate a deterministic synthetic corpus with a ground-truth file (never committed)'
  )
)
