/**
 * The answer of GET /api/sql/schema, shared by the route (sql-schema.ts) and the web console's schema
 * browser (web/src/views/sql/types.ts imports it as types only; no code crosses).
 */
export interface SchemaColumn {
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
  /** The published version the catalog was read from. */
  readonly version: string
  readonly tables: ReadonlyArray<SchemaRelation>
  readonly macros: ReadonlyArray<SchemaMacro>
}
