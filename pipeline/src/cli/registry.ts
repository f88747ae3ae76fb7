/**
 * Every `thidua` subcommand, in the order `thidua --help` lists them. Each entry loads its module on
 * demand, so a command only pays for its own imports; adding a command is one line here. A command
 * module should keep heavy imports (DuckDB, HTML parsing, the extractor) inside its handler.
 */
import type { Command } from '@effect/cli'
import type { FileSystem } from '@effect/platform/FileSystem'
import type { Path } from '@effect/platform/Path'
import type { Terminal } from '@effect/platform/Terminal'

/** A subcommand: any name, options and errors; it may need only what main.ts provides. */
// biome-ignore lint/suspicious/noExplicitAny: commands differ in name, options and errors
export type AnyCommand = Command.Command<any, FileSystem | Path | Terminal, any, any>
type Loader = () => Promise<AnyCommand>

export const commands: Record<string, Loader> = {
  run: () => import('./commands/run.ts').then((m) => m.runCommand),
  reparse: () => import('./commands/reparse.ts').then((m) => m.reparseCommand),
  ingest: () => import('./commands/ingest.ts').then((m) => m.ingestCommand),
  sql: () => import('./commands/sql.ts').then((m) => m.sqlCommand),
  export: () => import('./commands/export.ts').then((m) => m.exportCommand),
  finalize: () => import('./commands/finalize.ts').then((m) => m.finalizeCommand),
  serve: () => import('./commands/serve.ts').then((m) => m.serveCommand),
  extract: () => import('./commands/extract.ts').then((m) => m.extractCommand),
  eval: () => import('./commands/eval.ts').then((m) => m.evalCommand),
  parse: () => import('./commands/parse.ts').then((m) => m.parseCommand),
  snapshot: () => import('./commands/snapshot.ts').then((m) => m.snapshotCommand),
  simulate: () => import('./commands/simulate.ts').then((m) => m.simulateCommand),
  generate: () => import('./commands/generate.ts').then((m) => m.generateCommand),
  crawl: () => import('./commands/crawl.ts').then((m) => m.crawlCommand),
  sources: () => import('./commands/sources.ts').then((m) => m.sourcesCommand),
  schedule: () => import('./commands/schedule.ts').then((m) => m.scheduleCommand),
  digest: () => import('./commands/digest.ts').then((m) => m.digestCommand),
}

/**
 * The subcommands needed for `args`: only the one named by the first non-option argument when it
 * is a known command, else all of them (top-level help, version, a misspelt command).
 */
export const loadCommands = async (args: ReadonlyArray<string>): Promise<AnyCommand[]> => {
  const name = args.find((a) => !a.startsWith('-'))
  const names = name !== undefined && Object.hasOwn(commands, name) ? [name] : Object.keys(commands)
  return Promise.all(names.map((n) => (commands[n] as Loader)()))
}
