/** Options shared by several subcommands, so every command spells them the same way. */
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
