/**
 * Our own attack list (sql-attacks.jsonl: files, network, ATTACH, INSTALL/LOAD, SET, PRAGMA, CALL, COPY,
 * EXPORT, CREATE TEMP, macros, CHECKPOINT, several statements, EXPLAIN ANALYZE wrappers, comment/case/
 * unicode tricks, deep nesting, huge text, path leaks) against both doors of the SQL console: POST
 * /api/sql on the in-process app, and `thidua sql` (its function in-process, three through the real
 * command line). Every attack must be refused, no answer may name a file path, and the database and
 * the file system must be unchanged afterwards.
 *
 * Placeholders in the list: {{OUT}} an empty folder that must stay empty, {{DB}} the published file,
 * {{DBDIR}} its folder. Entries marked prepare_runaway spend their time in DuckDB's planner, which no
 * interrupt reaches: the server kills its worker, the CLI ends its own process (tested through the CLI
 * here, since in-process it would end the test runner).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '../../pipeline/src/cli/commands/sql.ts'
import { type AppHandle, createApp } from '../../server/src/app.ts'
import { buildTestDb, type TestDb } from '../../server/src/testing/warehouse-db.ts'

interface Attack {
  readonly id: string
  readonly category: string
  readonly sql: string
  readonly slow?: boolean
  readonly prepare_runaway?: boolean
}

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')
const ATTACKS: Attack[] = readFileSync(path.join(here, 'sql-attacks.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Attack)

let dir: string
let out: string
let db: TestDb
let app: AppHandle
let before: Map<string, string>

const fill = (sql: string): string =>
  sql
    .replaceAll('{{OUT}}', out)
    .replaceAll('{{DBDIR}}', path.dirname(db.publishedFile))
    .replaceAll('{{DB}}', db.publishedFile)

/** Every file under `root` with its content hash, except the console's audit log (written by design). */
const fingerprint = (root: string): Map<string, string> => {
  const files = new Map<string, string>()
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const f = path.join(d, name)
      if (name.endsWith('.audit')) continue
      if (statSync(f).isDirectory()) walk(f)
      else files.set(f, createHash('sha256').update(readFileSync(f)).digest('hex'))
    }
  }
  walk(root)
  return files
}

/** Paths no answer may contain. */
const secrets = () => [dir, out, repoRoot, homedir(), tmpdir(), '/etc/', '/proc/']

const leaks = (text: string): string[] => secrets().filter((s) => text.includes(s))

/** Runs `fn` over `items` with at most `n` at once. */
const pool = async <T>(items: ReadonlyArray<T>, n: number, fn: (x: T) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++] as T)
    })
  )
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-attacks-'))
  out = mkdtempSync(path.join(tmpdir(), 'thidua-attack-out-'))
  db = await buildTestDb(dir)
  app = await createApp({
    dbFile: db.dbFile,
    watch: false,
    sql: { timeoutMs: 3000, maxRows: 100, rateLimit: 100_000, queue: 64 },
  })
  await app.sqlPool.ready()
  before = fingerprint(dir)
})

afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(out, { recursive: true, force: true })
})

describe('the SQL attack list', () => {
  it('has at least 150 attacks in every required family', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(150)
    const families = new Set(ATTACKS.map((a) => a.category))
    for (const f of [
      'file',
      'network',
      'attach',
      'extension',
      'settings',
      'pragma',
      'call',
      'copy',
      'create',
    ])
      expect(families).toContain(f)
    for (const f of ['write', 'multiple', 'explain', 'trick', 'unicode', 'depth', 'size', 'path_leak'])
      expect(families).toContain(f)
  })

  it('POST /api/sql refuses every attack, naming no path', async () => {
    const accepted: string[] = []
    await pool(ATTACKS, 3, async (a) => {
      const res = await app.app.request('/api/sql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql: fill(a.sql) }),
      })
      const text = await res.text()
      const body = JSON.parse(text) as { error?: { code: string; message_vi: string; message_en: string } }
      const refused = [400, 403, 413, 422].includes(res.status) && body.error?.code.startsWith('sql_')
      if (!refused) accepted.push(`${a.id}: ${res.status} ${text.slice(0, 120)}`)
      const leaked = leaks(text)
      if (leaked.length > 0) accepted.push(`${a.id}: leaks ${leaked.join(', ')}`)
      if (body.error && (body.error.message_vi === '' || body.error.message_en === ''))
        accepted.push(`${a.id}: a message is missing`)
    })
    expect(accepted).toEqual([])
  }, 300_000)

  it('thidua sql (in-process) refuses every attack with one line naming no path', async () => {
    const accepted: string[] = []
    const inProcess = ATTACKS.filter((a) => !a.prepare_runaway)
    await pool(inProcess, 3, async (a) => {
      try {
        const r = await runSql({
          db: db.dbFile,
          sql: fill(a.sql),
          format: 'json',
          timeoutSeconds: 2,
          maxRows: 100,
        })
        accepted.push(`${a.id}: answered ${r.stdout.slice(0, 120)}`)
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e)
        if (msg.includes('\n')) accepted.push(`${a.id}: more than one line`)
        const leaked = leaks(msg)
        if (leaked.length > 0) accepted.push(`${a.id}: leaks ${leaked.join(', ')}`)
      }
    })
    expect(accepted).toEqual([])
  }, 300_000)

  it('the thidua command refuses attacks and ends a planner runaway at its time limit', async () => {
    const picks = [
      ATTACKS.find((a) => a.category === 'copy'),
      ATTACKS.find((a) => a.category === 'file'),
      ATTACKS.find((a) => a.prepare_runaway),
    ] as Attack[]
    const results = await Promise.all(
      picks.map(
        (a) =>
          new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
            const started = Date.now()
            execFile(
              process.execPath,
              [
                '--import',
                'tsx',
                'pipeline/src/cli/main.ts',
                'sql',
                '--db',
                db.dbFile,
                '--timeout',
                '2',
                fill(a.sql),
              ],
              { cwd: repoRoot, timeout: 170_000 },
              (err, stdout, stderr) =>
                resolve({
                  code: err ? ((err as { code?: number }).code ?? 1) : 0,
                  stdout,
                  stderr,
                  ms: Date.now() - started,
                })
            )
          })
      )
    )
    for (const r of results) {
      expect(r.code).not.toBe(0)
      expect(r.stdout).toBe('')
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/^thidua: /)
      expect(leaks(r.stderr)).toEqual([])
    }
  }, 180_000)

  it('left the database and the file system unchanged', () => {
    expect(fingerprint(dir)).toEqual(before)
    expect(readdirSync(out)).toEqual([])
  })
})
