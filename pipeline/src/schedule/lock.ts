/**
 * A lock file so pipeline runs never overlap, whoever starts them (two schedulers, a scheduler and a
 * systemd timer, a manual `thidua run` wrapped the same way). Created with O_EXCL; it holds the owner's
 * pid, so a lock left by a killed process is taken over once that pid no longer runs.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'

export interface LockOwner {
  readonly pid: number
  readonly since: string
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const readOwner = (file: string): LockOwner | null => {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>
    return typeof v.pid === 'number' ? { pid: v.pid, since: String(v.since ?? '') } : null
  } catch {
    return null
  }
}

/** Takes the lock, or answers who holds it. A stale lock (dead pid, unreadable file) is replaced. */
export function tryLock(
  file: string,
  now: Date = new Date()
): { ok: true } | { ok: false; owner: LockOwner } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, JSON.stringify({ pid: process.pid, since: now.toISOString() }))
      closeSync(fd)
      return { ok: true }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const owner = readOwner(file)
      if (owner && owner.pid !== process.pid && alive(owner.pid)) return { ok: false, owner }
      if (owner && owner.pid === process.pid) return { ok: false, owner }
      try {
        unlinkSync(file)
      } catch {
        // another process removed it first; try again
      }
    }
  }
  const owner = readOwner(file)
  return { ok: false, owner: owner ?? { pid: -1, since: '' } }
}

/** Releases the lock if this process holds it. */
export function unlock(file: string): void {
  const owner = readOwner(file)
  if (owner?.pid === process.pid) unlinkSync(file)
}
