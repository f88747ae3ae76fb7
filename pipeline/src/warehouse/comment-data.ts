/**
 * Comments as data: a migration `NNNN_name.sql` may keep its COMMENT ON statements in `NNNN_name.tsv`
 * beside it, one tab-separated line each, so that a comment shared by many columns (article_id,
 * span_start, the unit system, …) is written once in `shared-comments.tsv` and named by `@name`:
 *
 *   TABLE   provinces   Tỉnh, thành phố … | Provinces …
 *   VIEW    v_x         …
 *   COLUMN  provinces.code   mã tỉnh … | two-digit … (or @name)
 *   COLUMNS_LIKE  v_x_labelled  v_x   (every column comment given to v_x above, for the same columns)
 *
 * Lines starting with # and blank lines are skipped. The statements are rendered in file order and run
 * right after the migration's SQL, in its transaction. A shared comment is part of every migration that
 * names it: change its text only in a new migration, never in place.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { sqlString } from './db.ts'

export const sharedCommentsFile = (dir: string): string => path.join(dir, 'shared-comments.tsv')

/** The `@name → text` entries of a shared-comments file (none when it does not exist). */
export const readSharedComments = (file: string): Map<string, string> => {
  const shared = new Map<string, string>()
  if (!existsSync(file)) return shared
  for (const [n, cells] of dataLines(file)) {
    const [name, text] = cells
    if (cells.length !== 2 || !name?.startsWith('@') || !text)
      throw new Error(`${path.basename(file)}:${n}: expected "@name<TAB>comment", got "${cells.join('\\t')}"`)
    if (shared.has(name)) throw new Error(`${path.basename(file)}:${n}: ${name} is defined twice`)
    shared.set(name, text)
  }
  return shared
}

const dataLines = (file: string): Array<[line: number, cells: string[]]> =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.trim() === '' || line.startsWith('#') ? [] : [[i + 1, line.split('\t')]]))

const IDENT = /^[A-Za-z0-9_]+$/

/** The COMMENT ON statements of one comments file, in its order. */
export const renderCommentFile = (file: string, shared: ReadonlyMap<string, string>): string[] => {
  const columns = new Map<string, Array<[column: string, text: string]>>()
  const out: string[] = []
  for (const [n, cells] of dataLines(file)) {
    const where = `${path.basename(file)}:${n}`
    const [kind, target = '', value = ''] = cells
    if (cells.length !== 3) throw new Error(`${where}: expected 3 tab-separated cells, got ${cells.length}`)
    const text = value.startsWith('@') ? shared.get(value) : value
    if (text === undefined) throw new Error(`${where}: unknown shared comment ${value}`)
    const [relation = '', column, extra] = target.split('.')
    if (!IDENT.test(relation) || extra !== undefined || (column !== undefined && !IDENT.test(column)))
      throw new Error(`${where}: bad name "${target}"`)
    if ((kind === 'TABLE' || kind === 'VIEW') && column === undefined) {
      out.push(`COMMENT ON ${kind} ${relation} IS ${sqlString(text)};`)
    } else if (kind === 'COLUMN' && column !== undefined) {
      out.push(`COMMENT ON COLUMN ${relation}.${column} IS ${sqlString(text)};`)
      columns.set(relation, [...(columns.get(relation) ?? []), [column, text]])
    } else if (kind === 'COLUMNS_LIKE' && column === undefined && IDENT.test(value)) {
      const like = columns.get(value)
      if (!like) throw new Error(`${where}: no column comments of ${value} above`)
      for (const [c, t] of like) out.push(`COMMENT ON COLUMN ${relation}.${c} IS ${sqlString(t)};`)
      columns.set(relation, [...(columns.get(relation) ?? []), ...like])
    } else {
      throw new Error(
        `${where}: expected TABLE|VIEW name, COLUMN relation.column or COLUMNS_LIKE relation other`
      )
    }
  }
  return out
}
