/**
 * What the full command line prints for `thidua --help` and `thidua <command> --help`. help-build.ts
 * records it at build time so main.ts can print the same bytes without loading Effect; the CLI test
 * compares the two. Keys: "" for the top level, else the command's name.
 */
import { format } from 'node:util'
import * as Effect from 'effect/Effect'
import { thiduaProgram } from './program.ts'
import { commands, loadCommands } from './registry.ts'

/** The help arguments of each recorded text; fast-args.ts's `helpKey` maps a command line to these keys. */
export const helpCases = (): Array<[string, string[]]> => [
  ['', ['--help']],
  ...Object.keys(commands).map((name): [string, string[]] => [name, [name, '--help']]),
]

/** What the full command line prints for `args` (console.log's own formatting), and its exit code. */
export const captureHelp = async (args: string[]): Promise<{ text: string; code: number }> => {
  const subcommands = await loadCommands(args)
  const chunks: string[] = []
  const savedCode = process.exitCode
  process.exitCode = 0
  // Through Effect's Console service (where @effect/cli prints help), not process.stdout: a test runner
  // may have replaced the global console.
  await Effect.runPromise(
    Effect.consoleWith((console) =>
      thiduaProgram(args, subcommands).pipe(
        Effect.withConsole({
          ...console,
          log: (...xs: ReadonlyArray<unknown>) => Effect.sync(() => void chunks.push(`${format(...xs)}\n`)),
        })
      )
    )
  )
  const code = Number(process.exitCode ?? 0)
  process.exitCode = savedCode
  return { text: chunks.join(''), code }
}
