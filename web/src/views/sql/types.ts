/** Shapes of the console's API answers (GET /api/sql/schema, POST /api/sql), declared beside the routes. */
export type { Schema, SchemaMacro, SchemaRelation } from '../../../../server/src/routes/sql-schema-types.ts'
export type { SqlAnswer as SqlResult } from '../../../../server/src/routes/sql-types.ts'

export type ResultView = 'table' | 'bar' | 'line'
export const RESULT_VIEWS: ReadonlyArray<ResultView> = ['table', 'bar', 'line']
