/**
 * Opening a DuckDB file for writing, crash-safe. DuckDB 1.x cannot replay some write-ahead logs that hold
 * schema changes (our migrations, from 0420 on; see duckdb/duckdb#19712, #18259): a SIGKILL between
 * such a commit and the next checkpoint leaves a file no open succeeds on ("Failure while replaying
 * WAL file … GetDefaultDatabase"). The file
 * itself is consistent as of its last checkpoint, so the log is set aside (kept beside it) and the open
 * retried; every stage of a run is resumable and redoes the work the log held. Schema changes are
 * checkpointed right away (`checkpointSchema`) so that window stays a few milliseconds wide.
 */
import { existsSync, renameSync } from 'node:fs'
import path from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'

const UNREPLAYABLE = /Failure while replaying WAL/i

export const createWritableInstance = async (dbFile: string): Promise<DuckDBInstance> => {
  try {
    return await DuckDBInstance.create(dbFile)
  } catch (e) {
    const wal = `${dbFile}.wal`
    const message = e instanceof Error ? e.message : String(e)
    if (dbFile === ':memory:' || !UNREPLAYABLE.test(message) || !existsSync(wal)) throw e
    const aside = `${wal}.unreplayable-${Date.now()}`
    renameSync(wal, aside)
    process.stderr.write(
      `thidua: ${dbFile}: its write-ahead log could not be replayed after a crash; kept as ${path.basename(aside)}, reopening the last checkpoint\n`
    )
    return DuckDBInstance.create(dbFile)
  }
}

/** Writes schema changes to the file at once, so the log never carries them across a crash. */
export const checkpointSchema = async (conn: DuckDBConnection, dbFile: string): Promise<void> => {
  if (dbFile !== ':memory:') await conn.run('CHECKPOINT')
}
