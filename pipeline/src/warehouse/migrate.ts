/**
 * Versioned SQL migrations: `migrations/NNNN_name.sql`, applied in numeric order, each once, inside a
 * transaction, recorded in `schema_migrations`. Safe to run on every open. The warehouse owns 0001–0099
 * and 0200+; the crawler's tables are 0100–0199 in the same folder. A migration's comments may be data
 * in `NNNN_name.tsv` beside it (comment-data.ts), run right after its SQL.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DuckDBConnection } from '@duckdb/node-api'
import { readSharedComments, renderCommentFile, sharedCommentsFile } from './comment-data.ts'
import { inTransaction, queryRows } from './db.ts'

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

export interface Migration {
  readonly version: number
  readonly name: string
  readonly file: string
  /** `NNNN_name.tsv` beside the SQL file, when the migration keeps its comments as data. */
  readonly comments?: string
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/

export const listMigrations = (dir: string = migrationsDir): Migration[] => {
  const out: Migration[] = []
  const files = new Set(readdirSync(dir))
  for (const f of files) {
    if (f.endsWith('.tsv') && /^\d/.test(f) && !files.has(f.replace(/\.tsv$/, '.sql')))
      throw new Error(
        `migration comments without their migration: ${f} (expected ${f.replace(/\.tsv$/, '.sql')})`
      )
    if (!f.endsWith('.sql')) continue
    const m = FILE_NAME.exec(f)
    if (!m) throw new Error(`migration file name must look like 0001_name.sql: ${f}`)
    const comments = f.replace(/\.sql$/, '.tsv')
    out.push({
      version: Number(m[1]),
      name: m[2] ?? '',
      file: path.join(dir, f),
      ...(files.has(comments) ? { comments: path.join(dir, comments) } : {}),
    })
  }
  out.sort((a, b) => a.version - b.version)
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]
    const cur = out[i]
    if (prev && cur && prev.version === cur.version)
      throw new Error(`two migrations share version ${cur.version}: ${prev.file} and ${cur.file}`)
  }
  return out
}

/**
 * What a migration runs: its SQL, then the COMMENT ON statements of its comments file if any.
 * `shared`: the folder's shared comments, read once by callers that render many migrations.
 */
export const migrationScript = (
  m: Migration,
  shared: ReadonlyMap<string, string> = readSharedComments(sharedCommentsFile(path.dirname(m.file)))
): string => {
  const sql = readFileSync(m.file, 'utf8')
  if (!m.comments) return sql
  return `${sql}\n${renderCommentFile(m.comments, shared).join('\n')}\n`
}

/** Applies pending migrations; returns the versions applied now. */
export const runMigrations = async (
  conn: DuckDBConnection,
  dir: string = migrationsDir
): Promise<number[]> => {
  await conn.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`)
  const done = new Set(
    (await queryRows(conn, 'SELECT version FROM schema_migrations')).map((r) => Number(r.version))
  )
  const applied: number[] = []
  const shared = readSharedComments(sharedCommentsFile(dir))
  for (const m of listMigrations(dir)) {
    if (done.has(m.version)) continue
    const sql = migrationScript(m, shared)
    await inTransaction(conn, async () => {
      try {
        await conn.run(sql)
      } catch (e) {
        throw new Error(`migration ${path.basename(m.file)} failed: ${e instanceof Error ? e.message : e}`)
      }
      await conn.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
    })
    applied.push(m.version)
  }
  return applied
}
