/**
 * Publishing: a consistent copy of the working database goes to `X.published/<version>.duckdb`, then the
 * text pointer `X.published/CURRENT` is replaced atomically (write temp + rename). Readers (the server,
 * researchers) open CURRENT's file read-only and never see a half-written version; the last few
 * versions are kept so a reader still on an older one is not pulled from under it.
 */
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { queryRows, queryValue, sqlIdent, sqlString, type Warehouse } from './db.ts'

export const publishedDir = (dbFile: string): string => `${dbFile.replace(/\.duckdb$/, '')}.published`
export const currentPointer = (dbFile: string): string => path.join(publishedDir(dbFile), 'CURRENT')

/** The current published file, or null when nothing was published yet. */
export const currentPublished = (dbFile: string): string | null => {
  const p = currentPointer(dbFile)
  if (!existsSync(p)) return null
  const name = readFileSync(p, 'utf8').trim()
  return name ? path.join(publishedDir(dbFile), name) : null
}

let lastStamp = ''
let seq = 0
/** Version names sort by time: v20250701T083000123Z-000.duckdb. */
const versionName = (): string => {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '')
  seq = stamp === lastStamp ? seq + 1 : 0
  lastStamp = stamp
  return `v${stamp}-${String(seq).padStart(3, '0')}.duckdb`
}

export interface PublishResult {
  readonly version: string
  readonly file: string
  readonly removed: ReadonlyArray<string>
}

/** The slow road: DuckDB rewrites every table into a new file (compacted, but proportional to it all). */
const copyDatabase = async (wh: Warehouse, tmp: string) => {
  const [db] = await queryRows(wh.conn, 'SELECT current_database() AS name')
  await wh.conn.run(`ATTACH ${sqlString(tmp)} AS thidua_publish`)
  try {
    await wh.conn.run(`COPY FROM DATABASE ${sqlIdent(String(db?.name))} TO thidua_publish`)
  } finally {
    await wh.conn.run('DETACH thidua_publish')
  }
}

/**
 * Issue #17: after a CHECKPOINT the file alone holds the committed state, so its bytes are the published
 * version (a reflink where the file system has them, i.e. only changed blocks cost; else a plain copy,
 * still ~20× cheaper than COPY FROM DATABASE). Only a checkpoint rewrites the file's live blocks, and
 * DuckDB checkpoints only when no other write transaction is open: the catalog write below holds one
 * open (rolled back) while the bytes are copied. The copy is then opened and its articles counted
 * against the snapshot; false (and no file) when they differ, so the caller falls back to copyDatabase.
 */
const copyCheckpointedFile = async (wh: Warehouse, tmp: string): Promise<boolean> => {
  await wh.conn.run('BEGIN TRANSACTION')
  let expected: unknown
  try {
    await wh.conn.run('CREATE TABLE main.thidua_publish_hold (x INTEGER)')
    expected = await queryValue(wh.conn, 'SELECT count(*) FROM main.articles')
    copyFileSync(wh.dbFile, tmp, constants.COPYFILE_FICLONE)
  } finally {
    await wh.conn.run('ROLLBACK')
  }
  const copy = await DuckDBInstance.create(tmp, { access_mode: 'READ_ONLY' })
  try {
    const conn = await copy.connect()
    try {
      if (String(await queryValue(conn, 'SELECT count(*) FROM articles')) === String(expected)) return true
    } finally {
      conn.closeSync()
    }
  } finally {
    copy.closeSync()
  }
  rmSync(tmp, { force: true })
  return false
}

/**
 * Publishes from an open warehouse (the pipeline's connection, so no second writer is needed) or from a
 * database file that nobody else has open.
 */
export const publish = async (
  target: Warehouse | string,
  opts: { keep?: number } = {}
): Promise<PublishResult> => {
  const keep = Math.max(2, opts.keep ?? 3)
  if (typeof target === 'string') {
    const inst = await DuckDBInstance.create(target)
    const conn = await inst.connect()
    try {
      return await publish({ dbFile: target, instance: inst, conn }, opts)
    } finally {
      conn.closeSync()
      inst.closeSync()
    }
  }
  const dir = publishedDir(target.dbFile)
  mkdirSync(dir, { recursive: true })
  const version = versionName()
  const final = path.join(dir, version)
  const tmp = `${final}.tmp`
  rmSync(tmp, { force: true })
  await target.conn.run('CHECKPOINT')
  if (!(existsSync(target.dbFile) && (await copyCheckpointedFile(target, tmp))))
    await copyDatabase(target, tmp)
  rmSync(`${tmp}.wal`, { force: true })
  renameSync(tmp, final)
  const ptrTmp = `${currentPointer(target.dbFile)}.tmp`
  writeFileSync(ptrTmp, `${version}\n`)
  renameSync(ptrTmp, currentPointer(target.dbFile))
  const versions = readdirSync(dir)
    .filter((f) => /^v\d{8}T\d+Z-\d{3}\.duckdb$/.test(f))
    .sort()
  const removed: string[] = []
  for (const old of versions.slice(0, Math.max(0, versions.length - keep))) {
    if (old === version) continue
    rmSync(path.join(dir, old), { force: true })
    rmSync(path.join(dir, `${old}.wal`), { force: true })
    removed.push(old)
  }
  return { version, file: final, removed }
}
