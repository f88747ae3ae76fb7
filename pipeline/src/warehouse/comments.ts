/**
 * The warehouse describes itself: every public table, view and column carries a DuckDB comment
 * 'Tiếng Việt | English' (migration 0400 and the migrations after it, most of them as data: see
 * comment-data.ts). This module reads them back for the data dictionary of an export and for
 * docs/data-model.md, and re-applies them to a view that is re-created at run time (DuckDB drops a
 * view's comments with CREATE OR REPLACE VIEW).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DuckDBConnection } from '@duckdb/node-api'
import { queryRows, sqlString } from './db.ts'
import { readSharedComments, renderCommentFile, sharedCommentsFile } from './comment-data.ts'
import { listMigrations, migrationScript, migrationsDir } from './migrate.ts'

export interface ColumnDoc {
  readonly table: string
  readonly column: string
  readonly type: string
  readonly comment_vi: string
  readonly comment_en: string
}

export interface RelationDoc {
  readonly name: string
  readonly kind: 'table' | 'view'
  readonly comment_vi: string
  readonly comment_en: string
}

/** 'Tiếng Việt | English' → both halves; a comment without the separator is the same in both. */
export const splitComment = (comment: string | null | undefined): [vi: string, en: string] => {
  const c = comment ?? ''
  const at = c.indexOf(' | ')
  return at < 0 ? [c, c] : [c.slice(0, at).trim(), c.slice(at + 3).trim()]
}

/** Columns of `relations` (in that order) with their type and comment halves. */
export const columnDocs = async (
  conn: DuckDBConnection,
  relations: ReadonlyArray<string>
): Promise<ColumnDoc[]> => {
  if (relations.length === 0) return []
  const rows = await queryRows(
    conn,
    `SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main'
       AND table_name IN (${relations.map(sqlString).join(', ')})
     ORDER BY table_name, column_index`
  )
  const order = new Map(relations.map((r, i) => [r, i]))
  return rows
    .map((r) => {
      const [vi, en] = splitComment(r.comment as string | null)
      return {
        table: String(r.table_name),
        column: String(r.column_name),
        type: String(r.data_type),
        comment_vi: vi,
        comment_en: en,
      }
    })
    .sort((a, b) => (order.get(a.table) ?? 0) - (order.get(b.table) ?? 0))
}

/** Tables and views of `relations` with their comment halves. */
export const relationDocs = async (
  conn: DuckDBConnection,
  relations: ReadonlyArray<string>
): Promise<RelationDoc[]> => {
  const rows = await queryRows(
    conn,
    `SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables()
       WHERE database_name = current_database() AND schema_name = 'main'
     UNION ALL
     SELECT view_name, 'view', comment FROM duckdb_views()
       WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal`
  )
  const byName = new Map(rows.map((r) => [String(r.name), r]))
  return relations.flatMap((name) => {
    const r = byName.get(name)
    if (!r) return []
    const [vi, en] = splitComment(r.comment as string | null)
    return [
      {
        name,
        kind: r.kind === 'view' ? ('view' as const) : ('table' as const),
        comment_vi: vi,
        comment_en: en,
      },
    ]
  })
}

const COMMENT_STATEMENT =
  /^COMMENT ON (?:TABLE|VIEW|COLUMN) ([A-Za-z0-9_]+)(?:\.[A-Za-z0-9_]+)? IS '(?:[^']|'')*';$/gm

/** Comments of views that exist only once finalize has created them (not in any migration). */
export const viewCommentsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'view-comments.tsv')

/**
 * Runs again, in migration order and then from view-comments.tsv, every COMMENT ON statement that
 * names one of `relations`: call it right after (re-)creating a view at run time.
 */
export const reapplyComments = async (
  conn: DuckDBConnection,
  relations: ReadonlyArray<string>,
  dir: string = migrationsDir
): Promise<number> => {
  const wanted = new Set(relations)
  const shared = readSharedComments(sharedCommentsFile(dir))
  // view-comments.tsv lives beside the warehouse's own migrations and names their shared comments
  const viewShared = dir === migrationsDir ? shared : readSharedComments(sharedCommentsFile(migrationsDir))
  const viewComments = renderCommentFile(viewCommentsFile, viewShared)
  const scripts = [...listMigrations(dir).map((m) => migrationScript(m, shared)), viewComments.join('\n')]
  let applied = 0
  for (const script of scripts) {
    for (const s of script.matchAll(COMMENT_STATEMENT)) {
      if (!wanted.has(s[1] ?? '')) continue
      await conn.run(s[0])
      applied++
    }
  }
  return applied
}
