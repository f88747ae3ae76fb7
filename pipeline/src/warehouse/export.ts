/**
 * Exports every public table and view as Parquet, CSV, JSON or Arrow IPC, with `data_dictionary.csv`
 * (table, column, type, comment_vi, comment_en; from the warehouse's comments) beside the files.
 * JSON is one array of row objects per relation (64-bit integers as JSON numbers). Parquet additionally writes
 * articles and the mention tables hive-partitioned by province (2025 code) and year, so DuckDB, Spark or
 * Trino read `parquet/partitioned/<table>/province=NN/year=YYYY/*.parquet` directly. `parquet-hive` is the
 * partitioned form alone with a manifest of files, rows, schemas and checksums (export-hive.ts).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import {
  Bool,
  DateDay,
  type DataType,
  Float64,
  Int32,
  Int64,
  RecordBatchFileWriter,
  Table,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
} from 'apache-arrow'
import { columnDocs } from './comments.ts'
import { queryRows, sqlIdent, sqlString } from './db.ts'
import { exportHive, HIVE_PARTITIONED, MANIFEST, type Manifest } from './export-hive.ts'

export const EXPORT_FORMATS = ['parquet', 'csv', 'json', 'arrow', 'parquet-hive'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
export const DATA_DICTIONARY = 'data_dictionary.csv'

/** Internal tables (index, staging, signatures) are not part of the public surface. */
const INTERNAL = new Set([
  'schema_migrations',
  'reference_state',
  'search_terms',
  'search_docs',
  'search_df',
  'search_stats',
  'article_signatures',
  'article_bands',
])

export const publicRelations = async (conn: DuckDBConnection): Promise<string[]> =>
  (
    await queryRows(
      conn,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()
       ORDER BY table_name`
    )
  )
    .map((r) => String(r.table_name))
    // crawl_* is the crawler's working state; its fetch log is public as the `fetches` view.
    // finalize_* is the incremental finalize's queue (migration 0620).
    .filter((t) => !INTERNAL.has(t) && !t.startsWith('crawl_') && !t.startsWith('finalize_'))

export interface ExportResult {
  readonly format: ExportFormat
  readonly outDir: string
  readonly files: ReadonlyArray<string>
  readonly rows: Record<string, number>
}

const countRows = async (conn: DuckDBConnection, t: string) =>
  Number((await queryRows(conn, `SELECT count(*) AS n FROM ${sqlIdent(t)}`))[0]?.n ?? 0)

const COPY_OPTIONS = {
  parquet: '(FORMAT parquet, COMPRESSION zstd)',
  csv: '(FORMAT csv, HEADER true)',
  json: '(FORMAT json, ARRAY true)',
} as const

const exportWithCopy = async (
  conn: DuckDBConnection,
  rels: string[],
  format: 'parquet' | 'csv' | 'json',
  outDir: string
) => {
  const dir = path.join(outDir, format)
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  const opts = COPY_OPTIONS[format]
  for (const t of rels) {
    const file = path.join(dir, `${t}.${format}`)
    await conn.run(`COPY (SELECT * FROM ${sqlIdent(t)}) TO ${sqlString(file)} ${opts}`)
    files.push(file)
  }
  if (format === 'parquet') {
    for (const t of HIVE_PARTITIONED.filter((p) => rels.includes(p))) {
      const target = path.join(dir, 'partitioned', t)
      mkdirSync(path.dirname(target), { recursive: true })
      const join = t === 'articles' ? '' : 'JOIN articles a USING (article_id)'
      const cols = t === 'articles' ? 'a.*' : 'm.*'
      const from = t === 'articles' ? 'articles a' : `${sqlIdent(t)} m ${join}`
      await conn.run(`COPY (
          SELECT ${cols}, coalesce(a.province_code_2025, 'unknown') AS province,
            coalesce(CAST(year(a.published_date) AS VARCHAR), 'unknown') AS year
          FROM ${from}
        ) TO ${sqlString(target)} (FORMAT parquet, PARTITION_BY (province, year), OVERWRITE_OR_IGNORE true)`)
      files.push(target)
    }
  }
  return files
}

type Conv = { type: DataType; select: (col: string) => string; value: (v: unknown) => unknown }

/** Arrow types for DuckDB columns; anything nested or exotic travels as JSON text. */
const arrowColumn = (duckType: string): Conv => {
  const t = duckType.toUpperCase()
  const id = (c: string) => sqlIdent(c)
  if (t === 'VARCHAR') return { type: new Utf8(), select: id, value: (v) => v }
  if (['INTEGER', 'SMALLINT', 'TINYINT', 'USMALLINT', 'UTINYINT'].includes(t))
    return { type: new Int32(), select: id, value: (v) => (v === null ? null : Number(v)) }
  if (['BIGINT', 'HUGEINT', 'UINTEGER', 'UBIGINT'].includes(t))
    return {
      type: new Int64(),
      select: (c) => `CAST(${id(c)} AS BIGINT)`,
      value: (v) => (v === null ? null : BigInt(v as bigint)),
    }
  if (['DOUBLE', 'FLOAT', 'REAL'].includes(t) || t.startsWith('DECIMAL'))
    return { type: new Float64(), select: (c) => `CAST(${id(c)} AS DOUBLE)`, value: (v) => v }
  if (t === 'BOOLEAN') return { type: new Bool(), select: id, value: (v) => v }
  if (t === 'DATE')
    return {
      type: new DateDay(),
      select: (c) => `CAST(${id(c)} AS VARCHAR)`,
      value: (v) => (v === null ? null : new Date(`${v}T00:00:00Z`)),
    }
  if (t.startsWith('TIMESTAMP'))
    return {
      type: new TimestampMillisecond('UTC'),
      select: (c) => `epoch_ms(${id(c)})`,
      value: (v) => (v === null ? null : Number(v)),
    }
  return { type: new Utf8(), select: (c) => `CAST(to_json(${id(c)}) AS VARCHAR)`, value: (v) => v }
}

const ARROW_BATCH = 50_000

const exportArrow = async (conn: DuckDBConnection, rels: string[], outDir: string) => {
  const dir = path.join(outDir, 'arrow')
  mkdirSync(dir, { recursive: true })
  const files: string[] = []
  for (const t of rels) {
    const described = await queryRows(conn, `DESCRIBE ${sqlIdent(t)}`)
    const cols = described.map((r) => ({
      name: String(r.column_name),
      conv: arrowColumn(String(r.column_type)),
    }))
    const file = path.join(dir, `${t}.arrow`)
    const writer = new RecordBatchFileWriter()
    const out = createWriteStream(file)
    writer.toNodeStream().pipe(out)
    const total = await countRows(conn, t)
    const select = cols.map((c) => `${c.conv.select(c.name)} AS ${sqlIdent(c.name)}`).join(', ')
    // Stable order, read in slices so a big table never sits in memory whole.
    for (let offset = 0; offset < Math.max(total, 1); offset += ARROW_BATCH) {
      const reader = await conn.runAndReadAll(
        `SELECT ${select} FROM ${sqlIdent(t)} ORDER BY ALL LIMIT ${ARROW_BATCH} OFFSET ${offset}`
      )
      const data = reader.getColumnsJS()
      const vectors = Object.fromEntries(
        cols.map((c, i) => [c.name, vectorFromArray((data[i] ?? []).map(c.conv.value), c.conv.type)])
      )
      writer.write(new Table(vectors))
    }
    writer.finish()
    await finished(out)
    files.push(file)
  }
  return files
}

const csvCell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** `data_dictionary.csv` in `dir`: one row per exported column, with both halves of its comment. */
export const writeDataDictionary = async (
  conn: DuckDBConnection,
  rels: string[],
  dir: string
): Promise<string> => {
  const lines = ['table,column,type,comment_vi,comment_en']
  for (const c of await columnDocs(conn, rels))
    lines.push([c.table, c.column, c.type, c.comment_vi, c.comment_en].map(csvCell).join(','))
  const file = path.join(dir, DATA_DICTIONARY)
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}

const hiveFiles = (dir: string, m: Manifest): string[] => [
  path.join(dir, MANIFEST),
  ...Object.values(m.tables).flatMap((t) => t.files.map((f) => path.join(dir, f.path))),
]

export const exportWarehouse = async (
  dbFile: string,
  opts: { format: ExportFormat; outDir: string }
): Promise<ExportResult> => {
  const inst = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' })
  const conn = await inst.connect()
  try {
    const rels = await publicRelations(conn)
    const dir = path.join(opts.outDir, opts.format)
    const files =
      opts.format === 'arrow'
        ? await exportArrow(conn, rels, opts.outDir)
        : opts.format === 'parquet-hive'
          ? hiveFiles(dir, await exportHive(conn, rels, dir, path.basename(dbFile, '.duckdb')))
          : await exportWithCopy(conn, rels, opts.format, opts.outDir)
    files.push(await writeDataDictionary(conn, rels, path.join(opts.outDir, opts.format)))
    const rows: Record<string, number> = {}
    for (const t of rels) rows[t] = await countRows(conn, t)
    return { format: opts.format, outDir: opts.outDir, files, rows }
  } finally {
    conn.closeSync()
    inst.closeSync()
  }
}
