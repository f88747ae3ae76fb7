/**
 * The console audit log: one JSON line per POST /api/sql (who, what, how long, how many rows, status).
 *
 * The server opens the published database read-only (a publish must never meet a second writer), so
 * the log cannot live in the warehouse: it is an append-only JSONL file beside the working database,
 * `<db>.audit/console.jsonl`, which any DuckDB client can read with read_json('…/console.jsonl'); admins
 * see the newest entries at GET /api/audit/console. The middleware wraps the console route, so the
 * route itself needs no change: it reads the SQL the route parsed and counts rows in the response.
 */
import { appendFile, mkdir, open, stat } from 'node:fs/promises'
import path from 'node:path'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { Role } from './auth.ts'
import type { AppEnv } from './env.ts'
import { p } from './params.ts'
import { sendTable } from './respond.ts'
import { arrowLib } from './table-formats.ts'
import type { RouteRegistry } from './route-docs.ts'

export interface AuditEntry {
  readonly at: string
  readonly who: string
  readonly role: Role
  readonly client: string
  readonly sql: string | null
  readonly status: number
  readonly elapsed_ms: number
  readonly rows: number | null
  readonly truncated: boolean | null
  readonly error: string | null
}

const COLUMNS = [
  'at',
  'who',
  'role',
  'client',
  'sql',
  'status',
  'elapsed_ms',
  'rows',
  'truncated',
  'error',
] as const
const TYPES = [
  'VARCHAR',
  'VARCHAR',
  'VARCHAR',
  'VARCHAR',
  'VARCHAR',
  'INTEGER',
  'INTEGER',
  'INTEGER',
  'BOOLEAN',
  'VARCHAR',
]
/** The admin route reads at most this much of the file's end (the file itself keeps everything). */
const TAIL_BYTES = 4 * 1024 * 1024

export const auditFileFor = (dbFile: string): string => path.join(`${dbFile}.audit`, 'console.jsonl')

/** Appends entries in order, one whole line per write; failures go to the log, never to the client. */
export class AuditLog {
  private chain: Promise<void> = Promise.resolve()
  private dirReady = false

  constructor(
    readonly file: string,
    private readonly log: (msg: string) => void
  ) {}

  append(entry: Promise<AuditEntry> | AuditEntry): void {
    this.chain = this.chain
      .then(async () => {
        const e = await entry
        if (!this.dirReady) {
          await mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 })
          this.dirReady = true
        }
        await appendFile(this.file, `${JSON.stringify(e)}\n`, { mode: 0o600 })
      })
      .catch((err: unknown) => this.log(`[audit] cannot write the console audit log: ${String(err)}`))
  }

  /** Resolves when every entry appended so far is on disk (tests, shutdown). */
  flushed(): Promise<void> {
    return this.chain
  }

  /** The newest `limit` entries, newest first. */
  async newest(limit: number): Promise<AuditEntry[]> {
    await this.flushed()
    let size: number
    try {
      size = (await stat(this.file)).size
    } catch {
      return []
    }
    const start = Math.max(0, size - TAIL_BYTES)
    const fh = await open(this.file, 'r')
    try {
      const buf = Buffer.alloc(size - start)
      await fh.read(buf, 0, buf.length, start)
      const lines = buf.toString('utf8').split('\n')
      if (start > 0) lines.shift() // a partial first line
      const out: AuditEntry[] = []
      for (let i = lines.length - 1; i >= 0 && out.length < limit; i--) {
        const line = lines[i]?.trim()
        if (line) out.push(JSON.parse(line) as AuditEntry)
      }
      return out
    } finally {
      await fh.close()
    }
  }
}

/** Counts CSV records (quoted cells may hold line breaks), header excluded. */
export const countCsvRecords = (csv: string): number => {
  let records = 0
  let quoted = false
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]
    if (ch === '"') quoted = !quoted
    else if (ch === '\n' && !quoted) records++
  }
  if (csv.length > 0 && !csv.endsWith('\n')) records++
  return Math.max(0, records - 1)
}

interface Outcome {
  readonly rows: number | null
  readonly truncated: boolean | null
  readonly error: string | null
}

const outcomeOf = async (res: Response): Promise<Outcome> => {
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('application/json')) {
    const body = (await res.json()) as {
      rows?: unknown[]
      truncated?: boolean
      error?: { code?: string }
    }
    return {
      rows: Array.isArray(body.rows) ? body.rows.length : null,
      truncated: typeof body.truncated === 'boolean' ? body.truncated : null,
      error: body.error?.code ?? null,
    }
  }
  if (type.includes('text/csv'))
    return { rows: countCsvRecords(await res.text()), truncated: null, error: null }
  if (type.includes('arrow'))
    return {
      rows: arrowLib().tableFromIPC(new Uint8Array(await res.arrayBuffer())).numRows,
      truncated: null,
      error: null,
    }
  return { rows: null, truncated: null, error: null }
}

/** The SQL the route read from the body, if it got that far (a 413 or 429 never reads it). */
const sqlOf = async (c: Context): Promise<string | null> => {
  const text = c.req.bodyCache.text
  if (!text) return null
  try {
    const sql = (JSON.parse(await text) as { sql?: unknown } | null)?.sql
    return typeof sql === 'string' ? sql : null
  } catch {
    return null
  }
}

export interface AuditDeps {
  readonly principal: (c: Context) => { who: string; role: Role }
  readonly clientKey: (c: Context) => string
  /** Milliseconds, monotonic; injected so tests control durations. */
  readonly now?: () => number
  readonly wallClock?: () => Date
}

/** Wraps the console route: times the request and appends one audit entry once the answer is known. */
export const auditConsole = (log: AuditLog, deps: AuditDeps): MiddlewareHandler => {
  const now = deps.now ?? (() => performance.now())
  const wall = deps.wallClock ?? (() => new Date())
  return async (c, next) => {
    if (c.req.method !== 'POST') return next()
    const at = wall().toISOString()
    const started = now()
    await next()
    const elapsed = Math.round(now() - started)
    const res = c.res.clone()
    const { who, role } = deps.principal(c)
    const client = deps.clientKey(c)
    log.append(
      Promise.all([
        sqlOf(c),
        outcomeOf(res).catch((): Outcome => ({ rows: null, truncated: null, error: null })),
      ]).then(
        ([sql, o]): AuditEntry => ({
          at,
          who,
          role,
          client,
          sql,
          status: c.res.status,
          elapsed_ms: elapsed,
          ...o,
        })
      )
    )
  }
}

export const auditRoutes = (reg: RouteRegistry, prefix: string, log: AuditLog) => {
  const app = new Hono<AppEnv>()
  reg.get(
    app,
    prefix,
    '/console',
    {
      summary: 'Newest SQL console audit entries, newest first (admin)',
      description:
        'Who ran what, when, how long it took, how many rows came back and the status. The full log is the append-only file <db>.audit/console.jsonl beside the database (the published database is read-only).',
      params: { limit: p.int({ min: 1, max: 1000, default: 100, description: 'Entries to return' }) },
      table: true,
      tag: 'admin',
    },
    async (c, q) => {
      const rows = await log.newest(q.limit)
      c.header('Cache-Control', 'no-store')
      return sendTable(
        c,
        q.format,
        { columns: COLUMNS, types: TYPES, rows: rows as unknown as Record<string, unknown>[] },
        { name: 'console-audit' }
      )
    }
  )
  return app
}
