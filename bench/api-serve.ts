/**
 * The server under test of `pnpm bench api` in a process of its own (as `thidua serve` runs it), so
 * that the load generator (bench/api-load.ts, in the bench's process) does not share its event loop.
 * Started by `startBenchServer` with the database in THIDUA_BENCH_DB; it listens on a free loopback
 * port, waits until the version's search index is built, then tells its parent the port and the index.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { resolvePublishedFile } from '../server/src/db/published-db.ts'
import { startServer } from '../server/src/main.ts'
import { type LoadFigures, loadPaths, r2 } from './api-load.ts'
import type { IndexStats } from '../server/src/search/index-protocol.ts'
import {
  type SearchTiming,
  type SearchWorker,
  searchWorkerFor,
  setSearchAnswerCache,
} from '../server/src/search/index-store.ts'

interface Ready {
  readonly port: number
  readonly index_built: boolean
  readonly index_wait_seconds: number
  readonly index: IndexStats | null
}

export interface AnswerStats {
  readonly hits: number
  readonly misses: number
}

/**
 * The server process over one load: how busy its main thread's and its search worker's event loops
 * were (0–1), its CPU seconds (all threads), and how late the main loop's timers ran.
 */
export interface ServerProbe {
  readonly main_elu: number
  /** One per search thread. */
  readonly worker_elu: ReadonlyArray<number>
  readonly cpu_s: number
  /** Of which the main thread's (Linux: /proc; NaN elsewhere). */
  readonly main_cpu_s: number
  /** Indexed searches answered, their mean time in a worker and mean round trip from the main thread. */
  readonly searches: number
  readonly worker_search_ms: number
  readonly worker_round_trip_ms: number
  readonly loop_delay_p50_ms: number
  readonly loop_delay_p99_ms: number
  readonly loop_delay_max_ms: number
}

/** Load figures with where the server's time went and the CPU each request cost. */
export interface ProbedFigures extends LoadFigures {
  readonly server: ServerProbe
  readonly server_cpu_ms_per_request: number
  readonly main_cpu_ms_per_request: number
  /** The load generator's own CPU (autocannon shares the machine's cores with the server). */
  readonly loadgen_cpu_ms_per_request: number
}

export interface BenchServer extends Ready {
  readonly url: string
  /** The search answer cache's hits and misses so far. */
  answers(): Promise<AnswerStats>
  /** Starts a probe; the function it resolves to ends it. */
  probe(): Promise<() => Promise<ServerProbe>>
  stop(): Promise<void>
}

/** A load (api-load.ts) with the server's probe around it and this process's CPU (autocannon's). */
export const probedLoad = async (
  server: BenchServer,
  paths: ReadonlyArray<string>,
  connections: number,
  amount: number
): Promise<ProbedFigures> => {
  const stop = await server.probe()
  const cpu = process.cpuUsage()
  const f = await loadPaths(server.url, paths, connections, amount)
  const gen = process.cpuUsage(cpu)
  const p = await stop()
  const per = (seconds: number) => r2((seconds * 1000) / Math.max(1, f.requests))
  return {
    ...f,
    server: p,
    server_cpu_ms_per_request: per(p.cpu_s),
    main_cpu_ms_per_request: per(p.main_cpu_s),
    loadgen_cpu_ms_per_request: per((gen.user + gen.system) / 1e6),
  }
}

const ask = <T>(child: ChildProcess, m: string) =>
  new Promise<T>((answered) => {
    child.once('message', (a) => answered(a as T))
    child.send(m)
  })

/** Forks this file as a server on `dbFile` (answer cache on or off) and resolves once it can search. */
export const startBenchServer = (dbFile: string, cache: boolean, threads?: number): Promise<BenchServer> => {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    env: {
      ...process.env,
      THIDUA_BENCH_DB: dbFile,
      THIDUA_BENCH_CACHE: cache ? '1' : '0',
      ...(threads ? { THIDUA_SEARCH_THREADS: String(threads) } : {}),
    },
    // API_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the server's threads
    execArgv: ['--import', 'tsx', ...(process.env.API_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the bench server exited (code ${code}) before it was ready`))
    )
    child.once('message', (m) => {
      const ready = m as Ready
      resolve({
        ...ready,
        url: `http://127.0.0.1:${ready.port}`,
        answers: () => ask<AnswerStats>(child, 'answers'),
        probe: async () => {
          await ask(child, 'probe:start')
          return () => ask<ServerProbe>(child, 'probe:stop')
        },
        stop: () => {
          child.kill('SIGTERM')
          return exited
        },
      })
    })
  })
}

/** Where the server's time went between a start and a stop (see `ServerProbe`). */
const startProbe = (worker: SearchWorker): (() => ServerProbe) => {
  const main = performance.eventLoopUtilization()
  const search = worker.utilization()
  const timing = worker.timing
  const cpu = process.cpuUsage()
  const mainCpu = threadCpuSeconds(process.pid)
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  return () => {
    delay.disable()
    const used = process.cpuUsage(cpu)
    return {
      main_elu: r3(performance.eventLoopUtilization(main).utilization),
      worker_elu: worker.utilization(search).map((u) => r3(u.utilization)),
      cpu_s: r3((used.user + used.system) / 1e6),
      main_cpu_s: r3(threadCpuSeconds(process.pid) - mainCpu),
      ...searchStages(timing, worker.timing),
      loop_delay_p50_ms: r3(delay.percentile(50) / 1e6),
      loop_delay_p99_ms: r3(delay.percentile(99) / 1e6),
      loop_delay_max_ms: r3(delay.max / 1e6),
    }
  }
}

/** Mean time of a search in its worker, and from posting it to its answer, over a probe's searches. */
const searchStages = (before: ReadonlyArray<SearchTiming>, after: ReadonlyArray<SearchTiming>) => {
  const sum = (k: keyof SearchTiming) => after.reduce((a, t, i) => a + t[k] - (before[i]?.[k] ?? 0), 0)
  const n = Math.max(1, sum('searches'))
  return {
    searches: sum('searches'),
    worker_search_ms: r3(sum('search_ms') / n),
    worker_round_trip_ms: r3(sum('round_trip_ms') / n),
  }
}

/** One thread's user + system CPU seconds from /proc (clock ticks of 10 ms), NaN where there is none. */
const threadCpuSeconds = (tid: number): number => {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return Number.NaN
  }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000

const serveForParent = async (dbFile: string, cache: boolean) => {
  setSearchAnswerCache(cache ? 1000 : 0)
  const server = await startServer({
    dbFile,
    port: 0,
    host: '127.0.0.1',
    watch: false,
    cache,
    sql: { rateLimit: 1e9 },
    log: () => {},
  })
  const t0 = performance.now()
  const worker = searchWorkerFor(resolvePublishedFile(dbFile))
  const built = await worker.allBuilt()
  const ready: Ready = {
    port: server.port,
    index_built: built,
    index_wait_seconds: Math.round((performance.now() - t0) / 10) / 100,
    index: worker.stats,
  }
  process.send?.(ready)
  let probe = startProbe(worker)
  process.on('message', (m) => {
    if (m === 'answers') process.send?.(worker.answerStats satisfies AnswerStats)
    if (m === 'probe:start') {
      probe = startProbe(worker)
      process.send?.('probe:started')
    }
    if (m === 'probe:stop') process.send?.(probe())
  })
  const stop = () => void server.close().then(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('disconnect', stop)
}

const db = process.env.THIDUA_BENCH_DB
if (process.send && db && import.meta.url === `file://${process.argv[1]}`)
  await serveForParent(db, process.env.THIDUA_BENCH_CACHE === '1')
