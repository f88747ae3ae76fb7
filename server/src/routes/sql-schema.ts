/**
 * GET /api/sql/schema: what the SQL console can query (tables, views, their columns and table macros)
 * with the warehouse's own comments ('Tiếng Việt | English'), for the schema browser and autocompletion.
 * Read from DuckDB's catalog functions on the published version, so it always matches what is served.
 */
import type { RouteRegistry } from '../http/route-docs.ts'
import type { Schema, SchemaColumn, SchemaMacro, SchemaRelation } from './sql-schema-types.ts'

const RELATIONS_SQL = `
SELECT 'table' AS kind, table_name AS name, comment
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
UNION ALL
SELECT 'view', view_name, comment
FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND NOT temporary
ORDER BY name`

const COLUMNS_SQL = `
SELECT table_name, column_name, data_type, comment
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
ORDER BY table_name, column_index`

const MACROS_SQL = `
SELECT function_name AS name, any_value(function_type) AS kind, any_value(parameters) AS parameters,
       any_value(comment) AS comment
FROM duckdb_functions()
WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal
  AND function_type IN ('macro', 'table_macro')
GROUP BY function_name
ORDER BY function_name`

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)

export const sqlSchemaRoutes = (reg: RouteRegistry, prefix: string) =>
  reg.router(prefix, 'sql').json(
    '/',
    {
      summary: 'Tables, views, columns and macros the SQL console can query, with their comments',
      description:
        'Comments are stored as "Tiếng Việt | English"; null when the warehouse has none. Read-only catalog of the published version.',
      params: {},
    },
    async (_q, { lease }): Promise<Schema> => {
      const [relations, columns, macros] = await Promise.all([
        lease.query(RELATIONS_SQL),
        lease.query(COLUMNS_SQL),
        lease.query(MACROS_SQL),
      ])
      const byTable = new Map<string, SchemaColumn[]>()
      for (const r of columns.rows) {
        const list = byTable.get(String(r.table_name)) ?? []
        list.push({ name: String(r.column_name), type: String(r.data_type), comment: text(r.comment) })
        byTable.set(String(r.table_name), list)
      }
      const tables: SchemaRelation[] = relations.rows.map((r) => ({
        name: String(r.name),
        kind: r.kind === 'view' ? 'view' : 'table',
        comment: text(r.comment),
        columns: byTable.get(String(r.name)) ?? [],
      }))
      const macroList: SchemaMacro[] = macros.rows.map((r) => ({
        name: String(r.name),
        kind: r.kind === 'table_macro' ? 'table_macro' : 'macro',
        parameters: Array.isArray(r.parameters) ? r.parameters.map(String) : [],
        comment: text(r.comment),
      }))
      return { version: lease.versionTag, tables, macros: macroList }
    }
  ).app
