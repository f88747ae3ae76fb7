/**
 * The full `thidua` command line on @effect/cli: assembles the subcommands and reports failures in one
 * line. full.ts runs it; help-gen.ts runs it at build time to record the help texts main.ts prints.
 */
// Deep imports: the package indexes would pull every module of @effect/* into the bundle.
import * as Command from '@effect/cli/Command'
import * as HelpDoc from '@effect/cli/HelpDoc'
import * as ValidationError from '@effect/cli/ValidationError'
import * as NodeFileSystem from '@effect/platform-node/NodeFileSystem'
import * as NodePath from '@effect/platform-node/NodePath'
import * as NodeTerminal from '@effect/platform-node/NodeTerminal'
import * as Cause from 'effect/Cause'
import * as Effect from 'effect/Effect'
import * as Layer from 'effect/Layer'
import { fail } from './fail.ts'
import type { AnyCommand } from './registry.ts'
import { describeValidation } from './validation.ts'

// ANSI styling of @effect/cli's help documents, dropped for a plain one-line message.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')

/** The program for the arguments `args` (without node, script and --lang) over `subcommands`. */
export const thiduaProgram = (args: ReadonlyArray<string>, subcommands: ReadonlyArray<AnyCommand>) => {
  // Until the command line is parsed, @effect/cli's own error printing is held back and replaced by
  // one line (describeValidation); once a handler runs, its messages go straight to stderr.
  let parsed = false
  const thidua = Command.make('thidua').pipe(
    Command.withDescription(
      'Thi Đua Atlas: crawl, parse, extract, load and serve emulation-movement data (--lang en|vi)'
    ),
    Command.withSubcommands(subcommands as [AnyCommand, ...AnyCommand[]]),
    Command.transformHandler((handler) =>
      Effect.zipRight(
        Effect.sync(() => (parsed = true)),
        handler
      )
    )
  )
  const cli = Command.run(thidua, { name: 'thidua', version: '0.1.0' })
  const report = (e: unknown) =>
    Effect.sync(() => {
      if (ValidationError.isValidationError(e)) {
        if (!parsed) fail(describeValidation(HelpDoc.toAnsiText(e.error).replace(ANSI, ''), args))
        else process.exitCode = 1
      } else fail(e instanceof Error ? e.message : String(e))
    })
  const [node = 'node', script = 'thidua'] = process.argv
  return Effect.consoleWith((console) =>
    cli([node, script, ...args]).pipe(
      Effect.withConsole({ ...console, error: (...xs) => (parsed ? console.error(...xs) : Effect.void) })
    )
  ).pipe(
    Effect.catchAllCause((cause) =>
      Cause.isInterruptedOnly(cause) ? Effect.void : report(Cause.squash(cause))
    ),
    Effect.provide(Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeTerminal.layer))
  )
}
