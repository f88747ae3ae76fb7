/**
 * `thidua export --format parquet-hive` (issue #17): the published warehouse as hive-partitioned Parquet
 * for engines made for it (DuckDB, Spark, Trino, MotherDuck). Tables about articles are split by the
 * article's province (34-unit code) and publication year:
 *   <out>/articles/province=01/year=2024/data_0.parquet
 * every other public table is one file <out>/<table>/data.parquet. `manifest.json` lists each table's
 * files with their rows, bytes and SHA-256, the table's schema with both comment halves, and the
 * published version, so a reader can check what it downloaded; data_dictionary.csv sits beside it.
 * Partition values are strings; an article without a province or date is under `unknown`.
 */
import { createHash } from 'node:crypto'
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import { columnDocs } from './comments.ts'
import { queryRows, sqlIdent, sqlString } from './db.ts'

/** Tables with an article_id, split like their article. */
export const HIVE_PARTITIONED = [
  'articles',
  'document_mentions',
  'event_mentions',
  'campaign_mentions',
  'time_mentions',
  'place_mentions',
]
export const MANIFEST = 'manifest.json'

export interface ManifestFile {
  readonly path: string
  readonly rows: number
  readonly bytes: number
  readonly sha256: string
}

export interface ManifestTable {
  readonly partitioned_by: ReadonlyArray<string>
  readonly rows: number
  readonly columns: ReadonlyArray<{ name: string; type: string; comment_vi: string; comment_en: string }>
  readonly files: ReadonlyArray<ManifestFile>
}

export interface Manifest {
  readonly format: 'parquet-hive'
  readonly published_version: string
  readonly created_at: string
  readonly read_with: string
  readonly tables: Record<string, ManifestTable>
}

const sha256 = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const h = createHash('sha256')
    createReadStream(file)
      .on('data', (b) => h.update(b))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject)
  })

const parquetFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.parquet'))
    .sort()

const writeTable = async (conn: DuckDBConnection, t: string, dir: string, columns: ReadonlyArray<string>) => {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  if (!HIVE_PARTITIONED.includes(t)) {
    await conn.run(
      `COPY (SELECT * FROM ${sqlIdent(t)}) TO ${sqlString(path.join(dir, 'data.parquet'))} (FORMAT parquet, COMPRESSION zstd)`
    )
    return []
  }
  const cols = columns.map((c) => `m.${sqlIdent(c)}`).join(', ')
  const from = t === 'articles' ? 'articles m' : `${sqlIdent(t)} m JOIN articles a USING (article_id)`
  const a = t === 'articles' ? 'm' : 'a'
  // Sorted within each file by article, so a reader's filter on article_id skips row groups.
  await conn.run(`COPY (
      SELECT ${cols}, coalesce(${a}.province_code_2025, 'unknown') AS province,
        coalesce(CAST(year(${a}.published_date) AS VARCHAR), 'unknown') AS year
      FROM ${from} ORDER BY province, year, m.article_id
    ) TO ${sqlString(dir)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (province, year), OVERWRITE_OR_IGNORE true)`)
  return ['province', 'year']
}

const describeFiles = async (
  conn: DuckDBConnection,
  outDir: string,
  dir: string
): Promise<ManifestFile[]> => {
  const files = parquetFiles(dir)
  if (files.length === 0) return []
  const abs = files.map((f) => path.join(dir, f))
  const meta = await queryRows(
    conn,
    `SELECT file_name, num_rows FROM parquet_file_metadata([${abs.map(sqlString).join(', ')}])`
  )
  const rows = new Map(meta.map((m) => [String(m.file_name), Number(m.num_rows)]))
  const out: ManifestFile[] = []
  for (const f of abs)
    out.push({
      path: path.relative(outDir, f).split(path.sep).join('/'),
      rows: rows.get(f) ?? 0,
      bytes: statSync(f).size,
      sha256: await sha256(f),
    })
  return out
}

/** Writes every relation of `rels` under outDir and returns the manifest (also written as manifest.json). */
export const exportHive = async (
  conn: DuckDBConnection,
  rels: ReadonlyArray<string>,
  outDir: string,
  publishedVersion: string
): Promise<Manifest> => {
  mkdirSync(outDir, { recursive: true })
  const docs = await columnDocs(conn, rels)
  const tables: Record<string, ManifestTable> = {}
  for (const t of rels) {
    const dir = path.join(outDir, t)
    const columns = docs
      .filter((c) => c.table === t)
      .map((c) => ({ name: c.column, type: c.type, comment_vi: c.comment_vi, comment_en: c.comment_en }))
    const partitioned_by = await writeTable(
      conn,
      t,
      dir,
      columns.map((c) => c.name)
    )
    const files = await describeFiles(conn, outDir, dir)
    tables[t] = { partitioned_by, rows: files.reduce((a, f) => a + f.rows, 0), columns, files }
  }
  const manifest: Manifest = {
    format: 'parquet-hive',
    published_version: publishedVersion,
    created_at: new Date().toISOString(),
    read_with: "read_parquet('<dir>/<table>/**/*.parquet', hive_partitioning = true)",
    tables,
  }
  writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`)
  return manifest
}
