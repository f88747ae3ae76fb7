/** Shapes of the console's API answers (GET /api/sql/schema, POST /api/sql). */
interface SchemaColumn {
  readonly name: string
  readonly type: string
  readonly comment: string | null
}
export interface SchemaRelation {
  readonly name: string
  readonly kind: 'table' | 'view'
  readonly comment: string | null
  readonly columns: ReadonlyArray<SchemaColumn>
}
export interface SchemaMacro {
  readonly name: string
  readonly kind: 'macro' | 'table_macro'
  readonly parameters: ReadonlyArray<string>
  readonly comment: string | null
}
export interface Schema {
  readonly tables: ReadonlyArray<SchemaRelation>
  readonly macros: ReadonlyArray<SchemaMacro>
}

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
