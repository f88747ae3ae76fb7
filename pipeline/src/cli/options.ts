/** Options shared by several subcommands, so every command spells them the same way. */
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import { defaultDbFile, defaultSourcesFile } from '../paths.ts'

export const dbOption = Options.file('db').pipe(
  Options.withDescription('DuckDB database file (default: var/thidua.duckdb)'),
  Options.withDefault(defaultDbFile)
)

export const sourcesOption = Options.file('sources').pipe(
  Options.withDescription(
    'JSON list of sources (default: data/snapshot/sources.json; the registry of real sites is data/sources.json)'
  ),
  Options.withDefault(defaultSourcesFile)
)

/** An option that may be left out, with its help text. */
export const optionalOption = <A>(option: Options.Options<A>, help: string) =>
  option.pipe(Options.withDescription(help), Options.optional)

/** An option with its help text and the value it takes when left out. */
export const defaultedOption = <A>(option: Options.Options<A>, help: string, value: A) =>
  option.pipe(Options.withDescription(help), Options.withDefault(value))

/** A yes/no switch with its help text. */
export const flagOption = (name: string, help: string) =>
  Options.boolean(name).pipe(Options.withDescription(help))

/** `--live`: the real sites instead of the offline snapshot (crawl, run, schedule). */
export const liveOption = flagOption(
  'live',
  'Fetch the real sites (default: the offline snapshot through the local simulator)'
)

/** `--max-pages N`: a per-run fetch budget per source (crawl, run, schedule). */
export const maxPagesOption = optionalOption(
  Options.integer('max-pages'),
  'At most this many fetches per source in a run; the rest stays queued for the next run'
)

/** The snapshot folder the simulator serves (run, schedule). */
export const snapshotOption = optionalOption(
  Options.directory('snapshot'),
  'Offline snapshot folder the simulator serves (default: data/snapshot)'
)

/** `--frontier URL`: the crawl frontier shared through Redis (crawl and run). */
export const frontierOption = optionalOption(
  Options.text('frontier'),
  'Share the crawl frontier with other crawler processes through Redis: redis://host:port[/db][?name=N] (or THIDUA_FRONTIER)'
)

// biome-ignore lint/suspicious/noExplicitAny: any command may be grouped, as in @effect/cli's own signature
type Sub = Command.Command<any, any, any, any>

/** A command that only groups subcommands (`thidua snapshot build`, `thidua sources check`). */
export const commandGroup = <const Name extends string, Subs extends readonly [Sub, ...Array<Sub>]>(
  name: Name,
  description: string,
  subcommands: Subs
) => Command.make(name).pipe(Command.withDescription(description), Command.withSubcommands(subcommands))
