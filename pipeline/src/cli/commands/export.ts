/**
 * `thidua export --format parquet|csv|json|arrow|parquet-hive [--out DIR] [--db FILE]`: every public table and view,
 * with data_dictionary.csv (the warehouse's column comments) beside the files.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import * as Command from '@effect/cli/Command'
import * as Options from '@effect/cli/Options'
import * as Console from 'effect/Console'
import * as Effect from 'effect/Effect'
import { varDir } from '../../paths.ts'
import { cliError, t } from '../messages.ts'
import { dbOption } from '../options.ts'

const format = Options.choice('format', ['parquet', 'csv', 'json', 'arrow', 'parquet-hive']).pipe(
  Options.withDescription(
    'parquet (plus hive partitions by province and year), csv, json (an array of rows per table), arrow (IPC file) or parquet-hive (partitioned by province and year, with manifest.json of files, rows, schemas and checksums)'
  )
)
const out = Options.directory('out').pipe(
  Options.withDescription('Output directory (default: var/export); files go to <out>/<format>/'),
  Options.withDefault(path.join(varDir, 'export'))
)

export const exportCommand = Command.make('export', { db: dbOption, format, out }, ({ db, format, out }) =>
  Effect.gen(function* () {
    const { currentPublished } = yield* Effect.promise(() => import('../../warehouse/publish.ts'))
    const { exportWarehouse } = yield* Effect.promise(() => import('../../warehouse/export.ts'))
    // Export what readers see: the published version when there is one, else the working file.
    const source = currentPublished(db) ?? db
    if (!existsSync(source)) return yield* Effect.fail(cliError('dbNotFound', { file: source }))
    const result = yield* Effect.tryPromise({
      try: () => exportWarehouse(source, { format, outDir: out }),
      catch: (cause) =>
        cliError('exportFailed', { detail: cause instanceof Error ? cause.message : String(cause) }),
    })
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0)
    yield* Console.log(
      t('exported', {
        tables: Object.keys(result.rows).length,
        rows: total,
        source,
        out: path.join(out, format),
      })
    )
  })
).pipe(
  Command.withDescription(
    'Export every public table and view as Parquet, CSV, JSON or Arrow IPC, with data_dictionary.csv'
  )
)
