/**
 * A write-ahead log DuckDB cannot replay (migrations cut off by a SIGKILL before a checkpoint) must not
 * lock the warehouse for good: the log is set aside and the file opens at its last checkpoint.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, describe, expect, it } from 'vitest'
import { createWritableInstance } from './duck-file.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-duck-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * A child process applies the warehouse's own migrations with checkpoints held off, then SIGKILLs
 * itself: the log it leaves is the one DuckDB 1.x fails to replay (found by 20 SIGKILLs of `thidua run`).
 */
const crashAfterMigrations = (file: string) => {
  const script = `
    import { DuckDBInstance } from '@duckdb/node-api'
    import { runMigrations } from ${JSON.stringify(pathToFileURL(path.join(here, 'migrate.ts')).href)}
    const conn = await (await DuckDBInstance.create(${JSON.stringify(file)})).connect()
    await conn.run('CREATE TABLE kept (x INTEGER)')
    await conn.run('INSERT INTO kept VALUES (1)')
    await conn.run('CHECKPOINT')
    await conn.run("SET wal_autocheckpoint = '1GB'")
    await runMigrations(conn)
    process.kill(process.pid, 'SIGKILL')`
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: here })
}

describe('createWritableInstance', () => {
  it('opens a file whose log cannot be replayed at its last checkpoint, keeping the log aside', async () => {
    const file = path.join(dir, 'crashed.duckdb')
    crashAfterMigrations(file)
    expect(existsSync(`${file}.wal`)).toBe(true)
    let replayFailed = false
    try {
      const again = await DuckDBInstance.create(file)
      again.closeSync()
    } catch (e) {
      replayFailed = /replaying WAL/i.test(String(e))
    }
    const inst = await createWritableInstance(file)
    const conn = await inst.connect()
    const rows = (await conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM kept')).getRowObjects()
    expect(rows[0]?.n).toBe(1)
    conn.closeSync()
    inst.closeSync()
    // This DuckDB cannot replay such a log (the bug this module works round); once a release can, the
    // log replays, nothing is set aside and the first expectation below says the guard may go.
    expect(replayFailed).toBe(true)
    const aside = readdirSync(dir).filter((f) => f.includes('.wal.unreplayable-'))
    expect(aside.length).toBe(1)
  })
})
