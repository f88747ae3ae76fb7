#!/usr/bin/env -S npx tsx
/**
 * `thidua`: the command line of Thi Đua Atlas. Each subcommand lives in ./commands/<name>.ts and
 * exports one @effect/cli Command; this file only assembles them and runs the program.
 */
import { Command } from '@effect/cli'
import { NodeContext, NodeRuntime } from '@effect/platform-node'
import { Effect } from 'effect'
import { sqlCommand } from './commands/sql.ts'

const thidua = Command.make('thidua').pipe(
  Command.withDescription('Thi Đua Atlas: crawl, parse, extract, load and serve emulation-movement data'),
  Command.withSubcommands([sqlCommand])
)

const cli = Command.run(thidua, { name: 'thidua', version: '0.1.0' })

cli(process.argv).pipe(Effect.provide(NodeContext.layer), NodeRuntime.runMain({ disableErrorReporting: false }))
