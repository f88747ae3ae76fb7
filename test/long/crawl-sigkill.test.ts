/**
 * Crash safety (issue #4): a crawl child process is SIGKILLed mid-run, three times at different points,
 * then run to completion. The database must converge to the page ledger of a clean run, with no stored
 * article fetched twice, no duplicate, and no article lost from the raw archive.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { readArchive } from '@thidua/pipeline/crawl/archive'
import { repoRoot } from '@thidua/pipeline/paths'
import { describe, expect, it } from 'vitest'

const crawlArgs = (db: string, runId: string) => [
  '--import',
  'tsx',
  path.join(repoRoot, 'pipeline/src/cli/main.ts'),
  'crawl',
  '--db',
  db,
  '--run-id',
  runId,
  '--quiet',
]

const runToEnd = (db: string, runId: string) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, crawlArgs(db, runId), {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    child.stderr?.on('data', (d) => {
      err += String(d)
    })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`crawl ${runId} exited ${code}: ${err}`))
    )
  })

const archiveBytes = (db: string): number => {
  const dir = `${db}.archive`
  if (!existsSync(dir)) return 0
  return readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0)
}

/** Start a crawl and SIGKILL it once its archive has grown past `bytes`. */
const killAfter = (db: string, runId: string, bytes: number) =>
  new Promise<{ killed: boolean }>((resolve) => {
    const child: ChildProcess = spawn(process.execPath, crawlArgs(db, runId), {
      cwd: repoRoot,
      stdio: 'ignore',
    })
    const timer = setInterval(() => {
      if (archiveBytes(db) >= bytes) child.kill('SIGKILL')
    }, 5)
    child.on('exit', (_code, signal) => {
      clearInterval(timer)
      resolve({ killed: signal === 'SIGKILL' })
    })
  })

async function query<T>(db: string, sql: string): Promise<T[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })
  try {
    const conn = await instance.connect()
    try {
      return (await conn.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[]
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}

const ledger = (db: string) =>
  query<{ url: string; state: string; is_article: boolean | null; content_hash: string | null }>(
    db,
    // which of two byte-identical URLs is "stored" and which "duplicate" depends on fetch order
    `SELECT url, CASE WHEN state = 'duplicate' THEN 'stored' ELSE state END AS state, is_article, content_hash
     FROM crawl_page_state ORDER BY url`
  )

/** Distinct archived bodies (by hash): the same content whichever twin URL was kept. */
const archivedBodies = async (db: string): Promise<string[]> => {
  const hashes = new Set<string>()
  for await (const r of readArchive(db)) hashes.add(createHash('sha256').update(r.body).digest('hex'))
  return [...hashes].sort()
}

describe('crawl crash safety', () => {
  it('converges after SIGKILLs to the same ledger and archive as a clean run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-sigkill-'))
    const clean = path.join(dir, 'clean.duckdb')
    const crashed = path.join(dir, 'crashed.duckdb')

    await runToEnd(clean, 'clean')
    const cleanLedger = await ledger(clean)
    const full = archiveBytes(clean)
    expect(cleanLedger.filter((r) => r.state === 'stored' && r.is_article).length).toBeGreaterThan(100)

    let kills = 0
    for (const [i, share] of [0.15, 0.45, 0.8].entries()) {
      const { killed } = await killAfter(crashed, `crash-${i}`, full * share)
      if (killed) kills++
    }
    expect(kills).toBeGreaterThanOrEqual(2)

    // what was stored before the final run must not be fetched again by it
    const storedBeforeFinal = new Set(
      (await ledger(crashed)).filter((r) => r.state === 'stored' && r.is_article).map((r) => r.url)
    )
    expect(storedBeforeFinal.size).toBeGreaterThan(0)
    await runToEnd(crashed, 'final')

    const finalLedger = await ledger(crashed)
    expect(finalLedger).toEqual(cleanLedger)
    const refetched = await query<{ url: string }>(
      crashed,
      "SELECT url FROM crawl_fetches WHERE run_id = 'final'"
    )
    expect(refetched.filter((r) => storedBeforeFinal.has(r.url))).toEqual([])
    // no duplicate page rows, no article missing from the archive
    const dupes = await query<{ n: number }>(
      crashed,
      'SELECT count(*)::INT AS n FROM (SELECT url FROM crawl_page_state GROUP BY url HAVING count(*) > 1)'
    )
    expect(dupes[0]?.n).toBe(0)
    expect(await archivedBodies(crashed)).toEqual(await archivedBodies(clean))
  })
})
