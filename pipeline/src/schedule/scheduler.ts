/**
 * `thidua schedule --cron "<expr>"` (issue #16): runs the pipeline on a cron expression (croner).
 * - Runs never overlap: croner's `protect` within the process, the lock file across processes (a tick
 *   that finds the lock held is skipped and logged).
 * - Catch-up: when a scheduled tick passed while the scheduler was down (or its run was cut short by a
 *   kill), the scheduler runs once at start, then follows the cron.
 * - SIGTERM / SIGINT: no new tick starts; the run in flight finishes and publishes, the lock is
 *   released, exit 0. A second signal ends the process at once (the next start marks that run
 *   interrupted and catches its tick up).
 */
import { Cron } from 'croner'
import { lockFileFor, readState, stateFileFor, writeState } from './state.ts'
import { tryLock, unlock } from './lock.ts'

export interface TickResult {
  readonly run_id: string | null
  readonly status: 'ok' | 'failed'
  /** The run was cut short by stop(): the tick is not recorded as done, so it is caught up later. */
  readonly interrupted?: boolean
}

export interface SchedulerOptions {
  readonly cron: string
  readonly dbFile: string
  /** One pipeline run; must stop promptly when `signal` aborts. */
  readonly runTick: (tick: Date, signal: AbortSignal) => Promise<TickResult>
  readonly now?: () => Date
  readonly log?: (line: string) => void
  readonly timezone?: string
}

/** Parses the expression (5 or 6 fields); a bad one is one clear error. */
export function parseCron(expr: string, timezone?: string): Cron {
  try {
    return new Cron(expr, { paused: true, mode: '5-or-6-parts', ...(timezone ? { timezone } : {}) })
  } catch (e) {
    throw new Error(`bad cron expression "${expr}": ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** The tick to catch up at start: the latest scheduled time after the last completed one, if any. */
export function missedTick(cron: Cron, lastTick: string | null, now: Date): Date | null {
  if (lastTick === null) return null
  const prev = cron.previousRuns(1, now)[0]
  return prev && prev.getTime() > Date.parse(lastTick) ? prev : null
}

export class Scheduler {
  private job: Cron | null = null
  private inflight: { controller: AbortController; done: Promise<void> } | null = null
  private stopped = false
  private readonly lockFile: string
  private readonly stateFile: string
  private readonly now: () => Date
  private readonly log: (line: string) => void

  constructor(private readonly opts: SchedulerOptions) {
    this.lockFile = lockFileFor(opts.dbFile)
    this.stateFile = stateFileFor(opts.dbFile)
    this.now = opts.now ?? (() => new Date())
    this.log = opts.log ?? ((l) => process.stderr.write(`${l}\n`))
  }

  /** Catches up if needed, then follows the cron until stop(). */
  async start(): Promise<void> {
    const probe = parseCron(this.opts.cron, this.opts.timezone)
    const missed = missedTick(probe, readState(this.stateFile).last_tick, this.now())
    if (missed) {
      this.log(`schedule: tick ${missed.toISOString()} was missed while down; running once now`)
      await this.tick(missed)
    }
    if (this.stopped) return
    this.job = new Cron(
      this.opts.cron,
      {
        protect: (j) =>
          this.log(
            `schedule: tick ${j.currentRun()?.toISOString()} skipped, the previous run is still going`
          ),
        mode: '5-or-6-parts',
        ...(this.opts.timezone ? { timezone: this.opts.timezone } : {}),
        catch: (e) => this.log(`schedule: tick failed: ${e instanceof Error ? e.message : String(e)}`),
      },
      async (j: Cron) => {
        await this.tick(j.currentRun() ?? this.now())
      }
    )
    this.log(`schedule: "${this.opts.cron}", next run ${this.job.nextRun()?.toISOString() ?? 'never'}`)
  }

  /** One tick: take the lock, run, record the tick as done, release. */
  async tick(at: Date): Promise<void> {
    if (this.stopped || this.inflight) return
    const got = tryLock(this.lockFile, this.now())
    if (!got.ok) {
      this.log(
        `schedule: tick ${at.toISOString()} skipped, a run holds ${this.lockFile} (pid ${got.owner.pid})`
      )
      return
    }
    const controller = new AbortController()
    const done = (async () => {
      try {
        const r = await this.opts.runTick(at, controller.signal)
        // A run that completed is recorded even if stop() came while it was returning.
        if (!r.interrupted)
          writeState(this.stateFile, {
            last_tick: at.toISOString(),
            last_run_id: r.run_id,
            last_status: r.status,
            last_finished: this.now().toISOString(),
          })
        this.log(
          `schedule: tick ${at.toISOString()} → run ${r.run_id ?? '?'} ${r.interrupted ? 'interrupted' : r.status}`
        )
      } finally {
        unlock(this.lockFile)
      }
    })()
    this.inflight = { controller, done }
    try {
      await done
    } finally {
      this.inflight = null
    }
  }

  /**
   * Stops scheduling. By default the run in flight finishes (and publishes) first: a clean stop; with
   * `interrupt` it is cut short (its finalizers close the database; the tick is caught up later).
   */
  async stop(reason = 'stop', opts: { interrupt?: boolean } = {}): Promise<void> {
    this.stopped = true
    this.job?.stop()
    const f = this.inflight
    if (f) {
      this.log(`schedule: ${reason}: ${opts.interrupt ? 'interrupting' : 'waiting for'} the run in flight`)
      if (opts.interrupt) f.controller.abort()
      await f.done.catch(() => undefined)
    }
    this.log(`schedule: stopped (${reason})`)
  }
}
