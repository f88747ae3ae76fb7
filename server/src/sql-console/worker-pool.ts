/**
 * A bounded pool of killable worker processes for POST /api/sql. Console queries never run on the
 * server's own DuckDB instance or threads: each runs in a child process (console-worker.ts) at a lower
 * CPU priority. The deadline starts when the request arrives and covers waiting, planning and
 * execution: at the deadline a queued job is dropped and a running one's process is SIGKILLed and
 * replaced. A full queue is refused at once (503 + Retry-After), so console load cannot pile up.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { setPriority } from 'node:os'
import { ApiError } from '../http/api-error.ts'
import type { ConsoleResult } from './execute.ts'
import { refuse } from './refusals.ts'
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts'

export interface ConsolePoolOptions {
  /** Worker processes (queries running at once). */
  readonly workers: number
  /** Requests that may wait for a worker; one more is refused with 503. */
  readonly queue: number
  readonly timeoutMs: number
  readonly maxRows: number
  readonly maxBytes: number
  readonly log?: (msg: string) => void
}

interface Job {
  readonly req: Omit<WorkerRequest, 'remainingMs'>
  readonly deadline: number
  readonly resolve: (r: ConsoleResult) => void
  readonly reject: (e: ApiError) => void
  timer: NodeJS.Timeout | null
  slot: Slot | null
}

interface Slot {
  readonly child: ChildProcess
  ready: boolean
  /** Killed at a deadline; takes no new job while it exits. */
  dying: boolean
  job: Job | null
}

// From sources the child needs tsx (the .mjs bootstrap); the compiled build starts the .js directly.
const ENTRY = import.meta.url.endsWith('.ts')
  ? new URL('./console-worker.mjs', import.meta.url)
  : new URL('./console-worker.js', import.meta.url)

/** Workers that die before they are ready, in a row, before the pool stops respawning. */
const MAX_START_FAILURES = 3

export class ConsolePool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false
  private startFailures = 0

  constructor(readonly opts: ConsolePoolOptions) {}

  /** Starts the workers ahead of the first query (they take a moment to load DuckDB). */
  warm(): void {
    while (!this.closed && this.slots.size < this.opts.workers && this.startFailures < MAX_START_FAILURES)
      this.spawn()
  }

  /** Resolves once at least one worker can take a query (tests and the first request after start). */
  ready(): Promise<void> {
    this.warm()
    return new Promise((resolve, reject) => {
      const check = () => {
        if ([...this.slots].some((s) => s.ready)) return resolve()
        if (this.closed || this.startFailures >= MAX_START_FAILURES) return reject(refuse.crashed())
        setTimeout(check, 20).unref()
      }
      check()
    })
  }

  /** Pids of the live workers (tests check they are gone after close). */
  get pids(): number[] {
    return [...this.slots].map((s) => s.child.pid ?? -1)
  }

  run(file: string, sql: string, arrival: number = Date.now()): Promise<ConsoleResult> {
    const retryAfter = Math.max(1, Math.ceil(this.opts.timeoutMs / 1000))
    if (this.closed) return Promise.reject(refuse.busy(retryAfter))
    this.warm()
    if (this.slots.size === 0) return Promise.reject(refuse.crashed())
    const idle = [...this.slots].some((s) => s.ready && !s.dying && !s.job)
    if (!idle && this.queue.length >= this.opts.queue) return Promise.reject(refuse.busy(retryAfter))
    const deadline = arrival + this.opts.timeoutMs
    const { maxRows, maxBytes, timeoutMs } = this.opts
    return new Promise<ConsoleResult>((resolve, reject) => {
      const job: Job = {
        req: { id: this.nextId++, file, sql, maxRows, maxBytes, timeoutMs },
        deadline,
        resolve,
        reject,
        timer: null,
        slot: null,
      }
      job.timer = setTimeout(() => this.expire(job), Math.max(0, deadline - Date.now()))
      this.queue.push(job)
      this.pump()
    })
  }

  private spawn(): void {
    const child = fork(ENTRY, [], {
      execArgv: ['--max-old-space-size=512'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    })
    const slot: Slot = { child, ready: false, dying: false, job: null }
    this.slots.add(slot)
    try {
      if (child.pid) setPriority(child.pid, 19) // the server's own routes come first
    } catch {
      // not permitted here: the pool still bounds the load
    }
    child.on('message', (msg: WorkerReply) => this.onMessage(slot, msg))
    child.on('exit', () => this.onExit(slot))
    child.on('error', (e) => this.opts.log?.(`[sql-console] worker error: ${e.message}`))
  }

  private onMessage(slot: Slot, msg: WorkerReply): void {
    if (msg.type === 'ready') {
      slot.ready = true
      this.startFailures = 0
      this.pump()
      return
    }
    const job = slot.job
    if (!job || job.req.id !== msg.id) return
    slot.job = null
    this.settle(job)
    if (msg.type === 'result') job.resolve(msg.result)
    else {
      const { status, code, message_vi, message_en, param, detail } = msg.error
      job.reject(new ApiError(status as ApiError['status'], code, message_vi, message_en, { param, detail }))
    }
    this.pump()
  }

  private onExit(slot: Slot): void {
    this.slots.delete(slot)
    if (!slot.ready && !this.closed) {
      this.startFailures++
      this.opts.log?.(`[sql-console] a worker exited before it was ready (${this.startFailures} in a row)`)
    }
    const job = slot.job
    slot.job = null
    if (job?.timer) {
      this.settle(job)
      job.reject(refuse.crashed())
    }
    if (this.closed) return
    if (this.startFailures >= MAX_START_FAILURES) {
      this.opts.log?.('[sql-console] workers fail to start; console queries are refused')
      for (const j of this.queue.splice(0)) {
        this.settle(j)
        j.reject(refuse.crashed())
      }
      return
    }
    this.warm()
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.dying || slot.job) continue
      const job = this.queue.shift()
      if (!job) return
      slot.job = job
      job.slot = slot
      slot.child.send({ ...job.req, remainingMs: job.deadline - Date.now() } satisfies WorkerRequest)
    }
  }

  private settle(job: Job): void {
    if (job.timer) clearTimeout(job.timer)
    job.timer = null
  }

  /** The deadline passed: drop a waiting job, or kill the process running it (a new one replaces it). */
  private expire(job: Job): void {
    job.timer = null
    const i = this.queue.indexOf(job)
    if (i >= 0) this.queue.splice(i, 1)
    const slot = job.slot
    if (slot && slot.job === job) {
      slot.job = null
      slot.dying = true
      slot.child.kill('SIGKILL')
    }
    job.reject(refuse.timeout(this.opts.timeoutMs))
  }

  /** Refuses what waits and kills every worker; resolves when they are gone (bounded). */
  async close(): Promise<void> {
    this.closed = true
    for (const j of this.queue.splice(0)) {
      this.settle(j)
      j.reject(refuse.busy(1))
    }
    const exits = [...this.slots].map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve()
          s.child.once('exit', () => resolve())
          s.child.kill('SIGKILL')
        })
    )
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 2000).unref())])
  }
}
