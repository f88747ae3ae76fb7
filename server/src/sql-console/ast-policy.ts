/**
 * What a vetted SELECT may name, checked on DuckDB's own parse tree (json_serialize_sql): table
 * functions only from a list of pure ones (plus the warehouse's own table macros); no function or
 * relation that reads files or the network, runs SQL from a string, or reveals settings and paths;
 * no relation name that DuckDB would treat as a file (replacement scans such as FROM 'x.csv').
 */

/** Table functions that compute or describe, never touching files, network or settings. */
const PURE_TABLE_FUNCTIONS = new Set([
  'range',
  'generate_series',
  'unnest',
  'repeat',
  'json_each',
  'json_tree',
  'duckdb_tables',
  'duckdb_columns',
  'duckdb_views',
  'duckdb_functions',
  'duckdb_types',
  'duckdb_schemas',
  'duckdb_constraints',
  'duckdb_indexes',
  'duckdb_keywords',
  'duckdb_sequences',
  'duckdb_dependencies',
  'pragma_table_info',
  'pragma_show',
])

/** Names refused wherever they appear (function, table function or relation). */
const DENIED =
  /^(read_|parquet_|sniff_csv|glob$|query$|query_table$|json_execute_serialized_sql|current_setting$|getenv$|getvariable$|which_secret|duckdb_(settings|databases|extensions|temporary_files|secrets|memory|log|external_file_cache|prepared_statements|variables|approx_database_count)|pragma_(database_list|database_size|metadata_info|storage_info|user_agent|platform)|iceberg_|delta_|postgres_|sqlite_|mysql_|ducklake|load_|install_|checkpoint|force_checkpoint|http|s3|gcs|azure)/i

/** A relation name DuckDB might resolve through a file reader. */
const FILE_LIKE = /[\\/:.*?~]/

export interface Violation {
  readonly kind: 'function' | 'table_function' | 'relation'
  readonly name: string
}

/**
 * Walks the serialized statement. Iterative: the tree is already bounded by the bracket depth check,
 * but a loop costs nothing and cannot overflow.
 */
export const findViolation = (tree: unknown, tableMacros: ReadonlySet<string>): Violation | null => {
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x)
      continue
    }
    if (node === null || typeof node !== 'object') continue
    const o = node as Record<string, unknown>
    if (o.type === 'TABLE_FUNCTION') {
      const fn = (o.function as Record<string, unknown> | undefined)?.function_name
      const name = typeof fn === 'string' ? fn.toLowerCase() : ''
      if (!PURE_TABLE_FUNCTIONS.has(name) && !tableMacros.has(name))
        return { kind: 'table_function', name: name || '?' }
    }
    if (typeof o.function_name === 'string' && DENIED.test(o.function_name))
      return { kind: 'function', name: o.function_name }
    if (o.type === 'BASE_TABLE' && typeof o.table_name === 'string') {
      const name = o.table_name
      if (FILE_LIKE.test(name) || DENIED.test(name)) return { kind: 'relation', name }
    }
    for (const v of Object.values(o)) if (v !== null && typeof v === 'object') stack.push(v)
  }
  return null
}
