/**
 * The published file `thidua sql` reads: warehouse/publish.ts's `currentPublished`, without that
 * module's imports (DuckDB's writer side and Effect), which would double the command's start-up.
 * sql.test.ts keeps the two equal.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** The file `X.published/CURRENT` names for the working file `X.duckdb`, or null before any publish. */
export const currentPublishedFile = (dbFile: string): string | null => {
  const dir = `${dbFile.replace(/\.duckdb$/, '')}.published`
  const pointer = path.join(dir, 'CURRENT')
  if (!existsSync(pointer)) return null
  const name = readFileSync(pointer, 'utf8').trim()
  return name ? path.join(dir, name) : null
}
