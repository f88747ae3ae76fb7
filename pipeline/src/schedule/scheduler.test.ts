import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tryLock, unlock } from './lock.ts'
import { missedTick, parseCron, Scheduler, type TickResult } from './scheduler.ts'
import { lockFileFor, readState, stateFileFor } from './state.ts'

const dir = () => mkdtempSync(path.join(tmpdir(), 'thidua-sched-'))

/** A daily scheduler on `db` whose runs are `run`, and a promise settled once a run has started. */
const startingScheduler = (db: string, run: (signal: AbortSignal) => Promise<TickResult>) => {
  let started: () => void = () => {}
  const running = new Promise<void>((r) => {
    started = r
  })
  const s = new Scheduler({
    cron: '0 6 * * *',
    dbFile: db,
    log: () => {},
    runTick: (_t, signal) => {
      started()
      return run(signal)
    },
  })
  return { s, running }
}

describe('catch-up rule', () => {
  const daily = parseCron('0 6 * * *', 'UTC')
  it('runs once at start when a tick passed after the last completed one', () => {
    expect(
      missedTick(daily, '2025-01-01T06:00:00.000Z', new Date('2025-01-03T09:00:00Z'))?.toISOString()
    ).toBe('2025-01-03T06:00:00.000Z')
  })
  it('does not when the last tick is the latest one, or nothing ever ran', () => {
    expect(missedTick(daily, '2025-01-03T06:00:00.000Z', new Date('2025-01-03T09:00:00Z'))).toBeNull()
    expect(missedTick(daily, null, new Date('2025-01-03T09:00:00Z'))).toBeNull()
  })
  it('rejects a bad expression in one line', () => {
    expect(() => parseCron('every day')).toThrow(/^bad cron expression "every day"/)
  })
})

describe('lock file', () => {
  it('is exclusive to a live process and taken over from a dead one', () => {
    const f = path.join(dir(), 'x.lock')
    expect(tryLock(f).ok).toBe(true)
    expect(tryLock(f)).toMatchObject({ ok: false, owner: { pid: process.pid } })
    unlock(f)
    expect(existsSync(f)).toBe(false)
    // pid 2^22+1 is above Linux's pid_max: certainly not running.
    writeFileSync(f, JSON.stringify({ pid: 4194305, since: '2025-01-01T00:00:00Z' }))
    expect(tryLock(f).ok).toBe(true)
    unlock(f)
  })
})

describe('scheduler ticks', () => {
  it('records a completed tick, skips a tick while another process holds the lock', async () => {
    const db = path.join(dir(), 'w.duckdb')
    const lines: string[] = []
    let runs = 0
    const s = new Scheduler({
      cron: '0 6 * * *',
      dbFile: db,
      log: (l) => lines.push(l),
      now: () => new Date('2025-01-03T06:00:01Z'),
      runTick: async () => {
        runs++
        // While a run goes on, the lock names this process.
        expect(JSON.parse(readFileSync(lockFileFor(db), 'utf8')).pid).toBe(process.pid)
        return { run_id: `r${runs}`, status: 'ok' }
      },
    })
    await s.tick(new Date('2025-01-03T06:00:00Z'))
    expect(readState(stateFileFor(db))).toMatchObject({
      last_tick: '2025-01-03T06:00:00.000Z',
      last_run_id: 'r1',
    })
    expect(existsSync(lockFileFor(db))).toBe(false)
    writeFileSync(lockFileFor(db), JSON.stringify({ pid: process.ppid, since: 'x' }))
    await s.tick(new Date('2025-01-04T06:00:00Z'))
    expect(runs).toBe(1)
    expect(lines.at(-1)).toMatch(/skipped, a run holds/)
  })

  it('on stop interrupts the run in flight, keeps the last completed tick and releases the lock', async () => {
    const db = path.join(dir(), 'w.duckdb')
    const { s, running } = startingScheduler(
      db,
      (signal) =>
        new Promise((resolve) =>
          signal.addEventListener('abort', () =>
            resolve({ run_id: 'cut', status: 'failed', interrupted: true })
          )
        )
    )
    const tick = s.tick(new Date('2025-01-03T06:00:00Z'))
    await running
    await s.stop('SIGTERM', { interrupt: true })
    await tick
    expect(readState(stateFileFor(db)).last_tick).toBeNull()
    expect(existsSync(lockFileFor(db))).toBe(false)
    // After a stop no tick starts.
    await s.tick(new Date('2025-01-04T06:00:00Z'))
    expect(readState(stateFileFor(db)).last_tick).toBeNull()
  })

  it('on a plain stop lets the run in flight finish and records its tick', async () => {
    const db = path.join(dir(), 'w.duckdb')
    let finish: () => void = () => {}
    const { s, running } = startingScheduler(
      db,
      () =>
        new Promise((resolve) => {
          finish = () => resolve({ run_id: 'r9', status: 'ok' })
        })
    )
    const tick = s.tick(new Date('2025-01-05T06:00:00Z'))
    await running
    const stopping = s.stop('SIGTERM')
    finish()
    await Promise.all([stopping, tick])
    expect(readState(stateFileFor(db))).toMatchObject({
      last_tick: '2025-01-05T06:00:00.000Z',
      last_run_id: 'r9',
    })
    expect(existsSync(lockFileFor(db))).toBe(false)
  })
})
