/**
 * `thidua`: the command line of Thi Đua Atlas. Each subcommand lives in ./commands/<name>.ts and
 * exports one @effect/cli Command; this file only assembles them and runs the program.
 */
import { Command, ValidationError } from '@effect/cli'
import { NodeContext, NodeRuntime } from '@effect/platform-node'
import { Cause, Effect } from 'effect'
import { sqlCommand } from './commands/sql.ts'
import { runCommand } from './commands/run.ts'
import { reparseCommand } from './commands/reparse.ts'
import { exportCommand } from './commands/export.ts'
import { parseCommand } from './commands/parse.ts'
import { serveCommand } from './commands/serve.ts'
import { extractCommand } from './commands/extract.ts'
import { evalCommand } from './commands/eval.ts'
import { snapshotCommand } from './commands/snapshot.ts'
import { simulateCommand } from './commands/simulate.ts'
import { generateCommand } from './commands/generate.ts'
import { crawlCommand } from './commands/crawl.ts'

const thidua = Command.make('thidua').pipe(
  Command.withDescription('Thi Đua Atlas: crawl, parse, extract, load and serve emulation-movement data'),
  Command.withSubcommands([
    runCommand,
    reparseCommand,
    sqlCommand,
    exportCommand,
    serveCommand,
    extractCommand,
    evalCommand,
    parseCommand,
    snapshotCommand,
    simulateCommand,
    generateCommand,
    crawlCommand,
  ])
)

const cli = Command.run(thidua, { name: 'thidua', version: '0.1.0' })

/** A user-facing failure prints one clear line on stderr (no stack trace) and exits 1. */
const reportFailure = (error: unknown) =>
  Effect.sync(() => {
    if (!ValidationError.isValidationError(error)) {
      const message = error instanceof Error ? error.message : String(error)
      process.stderr.write(`thidua: ${message}\n`)
    }
    process.exitCode = 1
  })

cli(process.argv).pipe(
  Effect.catchAllCause((cause) =>
    Cause.isInterruptedOnly(cause) ? Effect.void : reportFailure(Cause.squash(cause))
  ),
  Effect.provide(NodeContext.layer),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
