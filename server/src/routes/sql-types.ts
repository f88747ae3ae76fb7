/**
 * The JSON answer of POST /api/sql (sql.ts), shared by the route and the web console (web/src/views/sql/
 * types.ts imports it as a type only): the rows, DuckDB's column types and the console's limits.
 */
export interface SqlAnswer {
  readonly columns: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Record<string, unknown>>
  /** DuckDB type names, e.g. "BIGINT", "VARCHAR", "DATE". */
  readonly types: ReadonlyArray<string>
  /** More rows matched than `max_rows`; the answer holds the first ones. */
  readonly truncated: boolean
  readonly max_rows: number
  readonly elapsed_ms: number
}
