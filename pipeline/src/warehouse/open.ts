/** Opening the warehouse: create the file if needed, migrate, refresh reference tables, check layouts. */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { queryRows, type Warehouse } from './db.ts'
import { checkpointSchema, createWritableInstance } from './duck-file.ts'
import { createSourceHealthView } from './finalize.ts'
import { runMigrations } from './migrate.ts'
import { loadReferenceTables } from './reference.ts'
import { LOADED_TABLES } from './tables.ts'

const checkLayouts = async (wh: Warehouse) => {
  for (const [table, spec] of Object.entries(LOADED_TABLES)) {
    const cols = (
      await queryRows(
        wh.conn,
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'main' AND table_name = $1 ORDER BY ordinal_position`,
        [table]
      )
    ).map((r) => String(r.column_name))
    const want = spec.map((c) => c[0])
    if (cols.join(',') !== want.join(','))
      throw new Error(
        `table ${table} has columns (${cols.join(', ')}) but the loader expects (${want.join(', ')})`
      )
  }
}

export const openWarehouseAsync = async (dbFile: string): Promise<Warehouse> => {
  if (dbFile !== ':memory:') mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true })
  const instance = await createWritableInstance(dbFile)
  const conn = await instance.connect()
  const wh: Warehouse = { dbFile, instance, conn }
  try {
    await runMigrations(conn)
    await loadReferenceTables(conn)
    await checkLayouts(wh)
    await createSourceHealthView(conn)
    await checkpointSchema(conn, dbFile)
    return wh
  } catch (e) {
    closeWarehouseSync(wh)
    throw e
  }
}

export const closeWarehouseSync = (wh: Warehouse): void => {
  wh.conn.closeSync()
  wh.instance.closeSync()
}
