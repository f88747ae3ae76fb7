/**
 * The full command line (@effect/cli and the Effect runtime), for every command line the fast path of
 * main.ts does not take. Loads only the subcommands `args` needs (registry.ts).
 */
import * as NodeRuntime from '@effect/platform-node/NodeRuntime'
import { fail } from './fail.ts'
import { thiduaProgram } from './program.ts'
import { loadCommands } from './registry.ts'

export const runFull = (args: ReadonlyArray<string>): Promise<void> =>
  loadCommands(args).then(
    (subcommands) => NodeRuntime.runMain(thiduaProgram(args, subcommands), { disableErrorReporting: true }),
    (e: unknown) => fail(`cannot load the command: ${e instanceof Error ? e.message : String(e)}`)
  )
