/**
 * The one guard of researcher SQL, shared by POST /api/sql and `thidua sql`. Layers, cheapest first:
 * 1. text: size and bracket depth (our scanner, so hostile text never reaches a recursive parser), then
 *    after DuckDB has split it into exactly one statement, the first word (a read statement) and no
 *    EXPLAIN ANALYZE (it runs what it wraps);
 * 2. DuckDB's parser: the statement (inside EXPLAIN too) serializes as a SELECT
 *    (json_serialize_sql refuses everything else, PRAGMA and CALL included) and its tree names no file,
 *    network, settings or SQL-from-string function (ast-policy.ts);
 * 3. DuckDB's binder: the prepared statement is a SELECT (or EXPLAIN of one).
 * The connection it runs on is itself locked down (sandbox.ts): the guard is not the only wall.
 */
import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api'
import { findViolation } from './ast-policy.ts'
import { duckMessage, isPermissionError, refuse } from './refusals.ts'
import { type Scan, scanSql } from './sql-lexer.ts'

const MAX_SQL_LENGTH = 20_000
export const MAX_NESTING = 64

const READ_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE'])
const FILE_STATEMENTS = new Set(['COPY', 'EXPORT', 'IMPORT'])
/** Words of `EXPLAIN (FORMAT json)`; ANALYZE is refused before this list is used. */
const EXPLAIN_OPTIONS = new Set(['FORMAT', 'JSON', 'TEXT', 'HTML', 'GRAPHVIZ', 'YAML', 'MERMAID'])

interface TextPlan {
  readonly explain: boolean
  /** The statement to check on the parse tree: the text itself, or what EXPLAIN wraps. */
  readonly target: string
  readonly firstWord: string
}

/** Layer 1a: size and shape of the text, before any parser sees it. Throws an ApiError refusal. */
const checkShape = (sql: string): Scan => {
  if (sql.trim() === '') throw refuse.empty()
  if (sql.length > MAX_SQL_LENGTH) throw refuse.tooLong(MAX_SQL_LENGTH)
  const scan = scanSql(sql)
  if (scan.maxDepth > MAX_NESTING) throw refuse.tooDeep(MAX_NESTING)
  if (scan.unterminated) throw refuse.syntax(`unterminated ${scan.unterminated}`)
  return scan
}

/** Layer 1b: the kind of statement by its first word; what EXPLAIN wraps. */
const classify = (sql: string, scan: Scan): TextPlan => {
  const first = scan.words[0]
  if (!first) throw refuse.syntax('no statement')
  const firstWord = first.word
  if (firstWord === 'EXPLAIN') {
    if (scan.words.some((w) => w.word === 'ANALYZE' || w.word === 'ANALYSE')) throw refuse.explainAnalyze()
    // The wrapped statement starts at the first word that is not an EXPLAIN option.
    const inner = scan.words.find((w, i) => i > 0 && !EXPLAIN_OPTIONS.has(w.word))
    if (!inner) throw refuse.notReadOnly('EXPLAIN')
    if (!READ_STARTS.has(inner.word)) throw refuse.notReadOnly(`EXPLAIN ${inner.word}`)
    return { explain: true, target: sql.slice(inner.at), firstWord }
  }
  if (FILE_STATEMENTS.has(firstWord)) throw refuse.forbidden(firstWord)
  if (!READ_STARTS.has(firstWord)) throw refuse.notReadOnly(firstWord)
  return { explain: false, target: sql, firstWord }
}

interface Serialized {
  readonly error?: boolean
  readonly error_type?: string
  readonly error_message?: string
  readonly statements?: unknown[]
}

const serialize = async (conn: DuckDBConnection, sql: string): Promise<Serialized> => {
  const reader = await conn.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql])
  return JSON.parse(String(reader.getRows()[0]?.[0] ?? '{}')) as Serialized
}

/** The warehouse's own table macros (search_articles …), which researchers may call. Cached per connection. */
const macroCache = new WeakMap<DuckDBConnection, ReadonlySet<string>>()
const tableMacros = async (conn: DuckDBConnection): Promise<ReadonlySet<string>> => {
  const hit = macroCache.get(conn)
  if (hit) return hit
  const reader = await conn.runAndReadAll(
    "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal"
  )
  const set = new Set(reader.getRows().map((r) => String(r[0])))
  macroCache.set(conn, set)
  return set
}

/** Layer 2: DuckDB's parser on the statement to run (what EXPLAIN wraps, for an EXPLAIN). */
const checkTree = async (conn: DuckDBConnection, plan: TextPlan): Promise<void> => {
  let tree: Serialized
  try {
    tree = await serialize(conn, plan.target)
  } catch (e) {
    throw refuse.syntax(duckMessage(e))
  }
  if (tree.error) {
    if (/only select/i.test(tree.error_message ?? '')) throw refuse.notReadOnly(plan.firstWord)
    throw refuse.syntax(tree.error_message ?? 'parse error')
  }
  const statements = tree.statements ?? []
  if (statements.length !== 1) throw refuse.multiple(statements.length)
  // Listing the warehouse's macros costs more than the check; only a table function not on the pure
  // list needs them.
  let v = findViolation(statements, new Set())
  if (v?.kind === 'table_function') v = findViolation(statements, await tableMacros(conn))
  if (v) throw refuse.forbidden(`${v.kind} ${v.name}`)
}

/**
 * All three layers; returns the prepared statement (the caller destroys it). `sql` is run exactly as
 * given, so what was checked is what runs.
 */
export const prepareReadOnly = async (
  conn: DuckDBConnection,
  sql: string
): Promise<DuckDBPreparedStatement> => {
  const scan = checkShape(sql)
  let extracted: Awaited<ReturnType<DuckDBConnection['extractStatements']>>
  try {
    extracted = await conn.extractStatements(sql)
  } catch (e) {
    throw refuse.syntax(duckMessage(e))
  }
  if (extracted.count !== 1) throw refuse.multiple(extracted.count)
  const plan = classify(sql, scan)
  await checkTree(conn, plan)
  let prepared: DuckDBPreparedStatement
  try {
    prepared = await extracted.prepare(0)
  } catch (e) {
    const msg = duckMessage(e)
    throw isPermissionError(msg) ? refuse.forbidden(msg) : refuse.invalid(msg)
  }
  const expected = plan.explain ? StatementType.EXPLAIN : StatementType.SELECT
  if (prepared.statementType !== expected) {
    const kind = StatementType[prepared.statementType] ?? String(prepared.statementType)
    prepared.destroySync()
    throw refuse.notReadOnly(kind)
  }
  return prepared
}
