/** Shapes of the console's API answers (GET /api/sql/schema, POST /api/sql). */
export type { Schema, SchemaMacro, SchemaRelation } from '../../../../server/src/routes/sql-schema-types.ts'

export interface SqlResult {
  readonly columns: string[]
  readonly rows: Record<string, unknown>[]
  readonly types?: string[]
  readonly truncated: boolean
  readonly max_rows: number
  readonly elapsed_ms: number
}

export type ResultView = 'table' | 'bar' | 'line'
export const RESULT_VIEWS: ReadonlyArray<ResultView> = ['table', 'bar', 'line']
