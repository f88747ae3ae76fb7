/**
 * The scheduler's own state, next to the database (`<db>.schedule.json`): the last tick whose run
 * completed. Written atomically (temp file + rename), so a kill mid-write leaves the previous state.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'

export interface ScheduleState {
  /** The scheduled time of the last tick whose run finished (ok or failed). */
  readonly last_tick: string | null
  readonly last_run_id: string | null
  readonly last_status: 'ok' | 'failed' | null
  readonly last_finished: string | null
}

export const emptyState: ScheduleState = {
  last_tick: null,
  last_run_id: null,
  last_status: null,
  last_finished: null,
}

export const stateFileFor = (dbFile: string): string => `${dbFile}.schedule.json`
export const lockFileFor = (dbFile: string): string => `${dbFile}.lock`

export function readState(file: string): ScheduleState {
  try {
    return { ...emptyState, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<ScheduleState>) }
  } catch {
    return emptyState
  }
}

export function writeState(file: string, s: ScheduleState): void {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, `${JSON.stringify(s, null, 2)}\n`)
  renameSync(tmp, file)
}
