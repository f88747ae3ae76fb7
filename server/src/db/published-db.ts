/**
 * The published database as the server sees it: the file named by `X.published/CURRENT` (or X itself
 * when nothing has been published), opened read-only. When CURRENT changes, the new file is opened and
 * swapped in; the old version is closed only after the requests that leased it have finished, so a
 * publish never drops a request. A published version never changes, so query results are cached per
 * version (keyed by SQL and parameters) and dropped with it.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api'
import { existsSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import { readTable, type TableResult } from './duck-values.ts'
import { lruGet, lruSet } from './lru.ts'

const READER_CONFIG: Record<string, string> = {
  access_mode: 'READ_ONLY',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
}

export class DatabaseUnavailable extends Error {
  readonly _tag = 'DatabaseUnavailable'
}

/** Candidate `X.published` directories for a working file `X.duckdb`. */
export const publishedDirsFor = (dbFile: string): string[] => {
  const stripped = dbFile.replace(/\.duckdb$/i, '')
  return [...new Set([`${stripped}.published`, `${dbFile}.published`])]
}

/** Which file to serve right now: CURRENT's target when present and valid, else the working file. */
export const resolvePublishedFile = (dbFile: string): string => {
  for (const dir of publishedDirsFor(dbFile)) {
    const current = path.join(dir, 'CURRENT')
    if (!existsSync(current)) continue
    const name = readFileSync(current, 'utf8').trim()
    if (name === '') continue
    const file = path.isAbsolute(name) ? name : path.join(dir, name)
    if (existsSync(file)) return file
  }
  if (existsSync(dbFile)) return dbFile
  throw new DatabaseUnavailable(
    `no database at ${dbFile} and nothing published beside it (run \`pnpm thidua run\` first)`
  )
}

interface Version {
  readonly file: string
  /** Stable label for ETags and /api/health: file name plus modification time. */
  readonly tag: string
  readonly instance: DuckDBInstance
  /** Idle reader connections, reused across requests (connecting costs more than most queries). */
  readonly pool: DuckDBConnection[]
  /** Results of this version's queries, least recently used first (Map keeps insertion order). */
  readonly cache: Map<string, TableResult>
  /** Names of this version's tables and views, read once (an older version may lack newer tables). */
  tables: Promise<ReadonlySet<string>> | null
  /** Facts about this version computed once (it never changes), by key. */
  readonly facts: Map<string, Promise<unknown>>
  inflight: number
  retired: boolean
}

export interface Lease {
  readonly versionTag: string
  readonly file: string
  query(sql: string, params?: Record<string, DuckDBValue> | DuckDBValue[]): Promise<TableResult>
  /** True when this version has every named table (e.g. the published aggregates of migration 0500). */
  has(...tables: ReadonlyArray<string>): Promise<boolean>
  /** `compute` run once per version under `key` (e.g. whether a precomputed table is complete). */
  fact<T>(key: string, compute: () => Promise<T>): Promise<T>
  release(): void
}

const openVersion = async (file: string): Promise<Version> => {
  const instance = await DuckDBInstance.create(file, READER_CONFIG)
  const tag = `${path.basename(file)}@${statSync(file).mtimeMs.toFixed(0)}`
  return {
    file,
    tag,
    instance,
    pool: [],
    cache: new Map(),
    tables: null,
    facts: new Map(),
    inflight: 0,
    retired: false,
  }
}

/** Bounds of the per-version result cache: entries, and rows of one result worth keeping. */
const CACHE_ENTRIES = 2000
const CACHE_MAX_ROWS = 20_000

const cacheKey = (sql: string, params?: Record<string, DuckDBValue> | DuckDBValue[]): string =>
  `${sql}\u0000${JSON.stringify(params ?? null, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`

const closeVersion = (v: Version): void => {
  v.cache.clear()
  for (const c of v.pool.splice(0)) c.closeSync()
  v.instance.closeSync()
}

export class PublishedDb {
  private current: Version
  private refreshing: Promise<boolean> | null = null
  private watcher: FSWatcher | null = null
  private timer: NodeJS.Timeout | null = null
  private closed = false
  /** Called after every swap; tests and logs use it. */
  onSwap: ((tag: string) => void) | null = null

  private constructor(
    readonly dbFile: string,
    first: Version
  ) {
    this.current = first
  }

  /** False to run every query (benchmarks of the uncached path). */
  private cacheResults = true

  static async open(
    dbFile: string,
    opts: { watch?: boolean; pollMs?: number; cache?: boolean } = {}
  ): Promise<PublishedDb> {
    const db = new PublishedDb(dbFile, await openVersion(resolvePublishedFile(dbFile)))
    db.cacheResults = opts.cache ?? true
    if (opts.watch !== false) db.startWatching(opts.pollMs ?? 1000)
    return db
  }

  get versionTag(): string {
    return this.current.tag
  }

  get file(): string {
    return this.current.file
  }

  /** Re-reads CURRENT and swaps to its file if it changed. Resolves true when a swap happened. */
  refresh(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false)
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async doRefresh(): Promise<boolean> {
    let file: string
    try {
      file = resolvePublishedFile(this.dbFile)
    } catch {
      return false // keep serving what we have; a half-written publish is not a reason to stop
    }
    if (file === this.current.file) return false
    const next = await openVersion(file)
    const old = this.current
    this.current = next
    old.retired = true
    if (old.inflight === 0) closeVersion(old)
    this.onSwap?.(next.tag)
    return true
  }

  private startWatching(pollMs: number): void {
    for (const dir of publishedDirsFor(this.dbFile)) {
      if (!existsSync(dir)) continue
      try {
        this.watcher = watch(dir, () => void this.refresh().catch(() => undefined))
        this.watcher.unref()
        break
      } catch {
        // fs.watch is not available everywhere; the poll below covers it
      }
    }
    // Polling also catches a published directory that appears after start-up.
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), pollMs)
    this.timer.unref()
  }

  acquire(): Lease {
    if (this.closed) throw new DatabaseUnavailable('database is closed')
    const v = this.current
    v.inflight++
    let conn: DuckDBConnection | null = null
    let released = false
    return {
      versionTag: v.tag,
      file: v.file,
      query: async (sql, params) => {
        const key = this.cacheResults ? cacheKey(sql, params) : null
        const hit = key === null ? undefined : lruGet(v.cache, key)
        if (hit) return hit
        conn ??= v.pool.pop() ?? (await v.instance.connect())
        const result = readTable(await conn.runAndReadAll(sql, params))
        if (key !== null && result.rows.length <= CACHE_MAX_ROWS && !v.retired)
          lruSet(v.cache, key, result, CACHE_ENTRIES)
        return result
      },
      has: async (...names) => {
        v.tables ??= (async () => {
          const c = await v.instance.connect()
          try {
            const r = await c.runAndReadAll(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            )
            return new Set(r.getRows().map((row) => String(row[0])))
          } finally {
            c.closeSync()
          }
        })()
        const have = await v.tables
        return names.every((n) => have.has(n))
      },
      fact: <T>(key: string, compute: () => Promise<T>): Promise<T> => {
        let known = v.facts.get(key) as Promise<T> | undefined
        if (!known) {
          known = compute()
          v.facts.set(key, known)
          known.catch(() => v.facts.delete(key)) // a failure is not a fact: ask again next time
        }
        return known
      },
      release: () => {
        if (released) return
        released = true
        if (conn) {
          if (v.retired || v.pool.length >= 8) conn.closeSync()
          else v.pool.push(conn)
        }
        v.inflight--
        if (v.retired && v.inflight === 0) closeVersion(v)
      },
    }
  }

  async close(): Promise<void> {
    this.closed = true
    this.watcher?.close()
    if (this.timer) clearInterval(this.timer)
    await this.refreshing?.catch(() => undefined)
    this.current.retired = true
    if (this.current.inflight === 0) closeVersion(this.current)
  }
}
