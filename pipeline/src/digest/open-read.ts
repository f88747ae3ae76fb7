/** The published version of a warehouse, opened read-only (the digest never blocks a running pipeline). */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { currentPublished } from '../warehouse/publish.ts'

export interface ReadOnlyDb {
  readonly conn: DuckDBConnection
  readonly instance: DuckDBInstance
}

export async function openReadOnly(dbFile: string): Promise<ReadOnlyDb> {
  const file = currentPublished(dbFile)
  if (file === null) throw new Error(`nothing published for ${dbFile} yet: run \`thidua run\` first`)
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  return { instance, conn: await instance.connect() }
}

export function closeWarehouseSync(db: ReadOnlyDb): void {
  db.conn.closeSync()
  db.instance.closeSync()
}
