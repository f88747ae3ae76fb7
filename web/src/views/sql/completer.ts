/**
 * Autocompletion for the SQL editor, without an editor library: the word before the caret is matched
 * against the schema (tables, views, table macros, columns) and SQL keywords. After `name.` only the
 * columns of that table, view or alias are offered; after FROM/JOIN tables come first; elsewhere the
 * columns of the tables the statement already names come first.
 */
import type { Schema } from './types.ts'

type CompletionKind = 'table' | 'view' | 'macro' | 'column' | 'keyword'

export interface Completion {
  readonly label: string
  readonly kind: CompletionKind
  /** Column type, the table a column belongs to, or the macro's parameters. */
  readonly detail: string
}

interface WordAtCaret {
  readonly start: number
  readonly end: number
  readonly prefix: string
  /** The name before a dot ("a" in "a.pro|"), lower-cased, or null. */
  readonly qualifier: string | null
}

const KEYWORDS = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP BY',
  'ORDER BY',
  'HAVING',
  'LIMIT',
  'OFFSET',
  'JOIN',
  'LEFT JOIN',
  'INNER JOIN',
  'ON',
  'USING',
  'AS',
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'BETWEEN',
  'LIKE',
  'ILIKE',
  'DISTINCT',
  'COUNT',
  'SUM',
  'AVG',
  'MIN',
  'MAX',
  'MEDIAN',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'WITH',
  'UNION ALL',
  'DESC',
  'ASC',
  'NULLS LAST',
  'FILTER',
  'OVER',
  'PARTITION BY',
  'CAST',
  'DATE',
  'INTERVAL',
  'date_trunc',
  'strftime',
  'coalesce',
  'round',
  'string_agg',
  'DESCRIBE',
  'SUMMARIZE',
  'SHOW TABLES',
  'EXPLAIN',
] as const

const IDENT = /[A-Za-z0-9_]/

const wordAt = (text: string, caret: number): WordAtCaret => {
  let start = caret
  while (start > 0 && IDENT.test(text[start - 1] ?? '')) start--
  let end = caret
  while (end < text.length && IDENT.test(text[end] ?? '')) end++
  let qualifier: string | null = null
  if (text[start - 1] === '.') {
    let q = start - 1
    while (q > 0 && IDENT.test(text[q - 1] ?? '')) q--
    const name = text.slice(q, start - 1)
    if (name !== '') qualifier = name.toLowerCase()
  }
  return { start, end, prefix: text.slice(start, caret), qualifier }
}

/** Table names the statement refers to, and its aliases (alias → table), all lower-cased. */
const referencedTables = (
  text: string,
  schema: Schema
): { tables: Set<string>; aliases: Map<string, string> } => {
  const known = new Set(schema.tables.map((t) => t.name.toLowerCase()))
  const tables = new Set<string>()
  const aliases = new Map<string, string>()
  const re = /\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+(?:as\s+)?([A-Za-z_][A-Za-z0-9_]*))?/gi
  const notAlias = new Set([
    'where',
    'join',
    'left',
    'right',
    'inner',
    'full',
    'cross',
    'on',
    'using',
    'group',
    'order',
    'limit',
    'natural',
    'union',
    'as',
  ])
  for (const m of text.matchAll(re)) {
    const name = (m[1] ?? '').toLowerCase()
    if (!known.has(name)) continue
    tables.add(name)
    const alias = m[2]?.toLowerCase()
    if (alias && !notAlias.has(alias)) aliases.set(alias, name)
  }
  // A comma list after FROM ("FROM a x, b y") names more tables.
  for (const m of text.matchAll(/,\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(?:as\s+)?([A-Za-z_][A-Za-z0-9_]*))?/gi)) {
    const name = (m[1] ?? '').toLowerCase()
    if (!known.has(name)) continue
    tables.add(name)
    const alias = m[2]?.toLowerCase()
    if (alias && !notAlias.has(alias)) aliases.set(alias, name)
  }
  return { tables, aliases }
}

const relationsOf = (schema: Schema): Completion[] => [
  ...schema.tables.map(
    (t): Completion => ({ label: t.name, kind: t.kind, detail: t.kind === 'view' ? 'view' : 'table' })
  ),
  ...schema.macros
    .filter((m) => m.kind === 'table_macro')
    .map((m): Completion => ({ label: m.name, kind: 'macro', detail: `(${m.parameters.join(', ')})` })),
]

const columnsOf = (schema: Schema, tables: Iterable<string>): Completion[] => {
  const out: Completion[] = []
  const wanted = new Set(tables)
  for (const t of schema.tables)
    if (wanted.has(t.name.toLowerCase()))
      for (const c of t.columns) out.push({ label: c.name, kind: 'column', detail: `${t.name} · ${c.type}` })
  return out
}

const allColumns = (schema: Schema): Completion[] => {
  const seen = new Map<string, Completion>()
  for (const t of schema.tables)
    for (const c of t.columns)
      if (!seen.has(c.name))
        seen.set(c.name, { label: c.name, kind: 'column', detail: `${t.name} · ${c.type}` })
  return [...seen.values()]
}

const keywords = (): Completion[] => KEYWORDS.map((k) => ({ label: k, kind: 'keyword', detail: 'SQL' }))

/** Whether the last keyword before `start` asks for a table (FROM, JOIN). */
const wantsTable = (text: string, start: number): boolean =>
  /\b(from|join)\s+(?:[A-Za-z0-9_]+\s*,\s*)*$/i.test(text.slice(0, start))

const matches = (prefix: string) => {
  const p = prefix.toLowerCase()
  return (c: Completion) => c.label.toLowerCase().startsWith(p) && c.label.toLowerCase() !== p
}

const unique = (list: Completion[]): Completion[] => {
  const seen = new Set<string>()
  return list.filter((c) => {
    const key = `${c.kind}:${c.label}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Up to `limit` suggestions for the caret position; empty when nothing sensible is typed. */
export const suggest = (
  schema: Schema,
  text: string,
  caret: number,
  opts: { force?: boolean; limit?: number } = {}
): Completion[] => {
  const limit = opts.limit ?? 12
  const w = wordAt(text, caret)
  const { tables, aliases } = referencedTables(text, schema)
  if (w.qualifier !== null) {
    const table = aliases.get(w.qualifier) ?? w.qualifier
    return columnsOf(schema, [table]).filter(matches(w.prefix)).slice(0, limit)
  }
  if (w.prefix === '' && !opts.force) return []
  const ok = matches(w.prefix)
  const ordered = wantsTable(text, w.start)
    ? [...relationsOf(schema), ...keywords()]
    : [...columnsOf(schema, tables), ...keywords(), ...relationsOf(schema), ...allColumns(schema)]
  return unique(ordered.filter(ok)).slice(0, limit)
}

/** The text after accepting `c`: the word at the caret replaced, the caret after the insertion. */
export const accept = (text: string, caret: number, c: Completion): { text: string; caret: number } => {
  const w = wordAt(text, caret)
  const insert = c.kind === 'macro' ? `${c.label}(` : c.label
  return { text: text.slice(0, w.start) + insert + text.slice(w.end), caret: w.start + insert.length }
}
