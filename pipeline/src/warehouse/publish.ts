/**
 * Publishing: a consistent copy of the working database goes to `X.published/<version>.duckdb`, then the
 * text pointer `X.published/CURRENT` is replaced atomically (write temp + rename). Readers (the server,
 * researchers) open CURRENT's file read-only and never see a half-written version; the last few
 * versions are kept so a reader still on an older one is not pulled from under it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { queryRows, sqlIdent, sqlString, type Warehouse } from './db.ts'

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
  const [db] = await queryRows(target.conn, 'SELECT current_database() AS name')
  await target.conn.run(`ATTACH ${sqlString(tmp)} AS thidua_publish`)
  try {
    await target.conn.run(`COPY FROM DATABASE ${sqlIdent(String(db?.name))} TO thidua_publish`)
  } finally {
    await target.conn.run('DETACH thidua_publish')
  }
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
