/** `thidua export --format parquet|csv|arrow [--out DIR] [--db FILE]`: every public table and view. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Command, Options } from '@effect/cli'
import { Console, Effect } from 'effect'
import { varDir } from '../../paths.ts'
import { currentPublished } from '../../warehouse/publish.ts'
import { exportWarehouse } from '../../warehouse/export.ts'
import { WarehouseError } from '../../warehouse/db.ts'
import { dbOption } from '../options.ts'

const format = Options.choice('format', ['parquet', 'csv', 'arrow']).pipe(
  Options.withDescription('parquet (plus hive partitions by province and year), csv, or arrow (IPC file)')
)
const out = Options.directory('out').pipe(
  Options.withDescription('Output directory (default: var/export); files go to <out>/<format>/'),
  Options.withDefault(path.join(varDir, 'export'))
)

export const exportCommand = Command.make('export', { db: dbOption, format, out }, ({ db, format, out }) =>
  Effect.gen(function* () {
    // Export what readers see: the published version when there is one, else the working file.
    const source = currentPublished(db) ?? db
    if (!existsSync(source))
      return yield* new WarehouseError({
        op: 'export',
        message: `database file not found: ${source} (run \`pnpm thidua run\` first)`,
      })
    const result = yield* Effect.tryPromise({
      try: () => exportWarehouse(source, { format, outDir: out }),
      catch: (cause) =>
        new WarehouseError({
          op: 'export',
          message: `export failed: ${cause instanceof Error ? cause.message : cause}`,
          cause,
        }),
    })
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0)
    yield* Console.log(
      `exported ${Object.keys(result.rows).length} tables/views (${total} rows) from ${source} to ${path.join(out, format)}`
    )
  })
).pipe(Command.withDescription('Export every public table and view as Parquet, CSV or Arrow IPC'))
