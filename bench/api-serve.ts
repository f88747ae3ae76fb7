/**
 * The server under test of `pnpm bench api` in a process of its own (as `thidua serve` runs it), so
 * that the load generator (bench/api-load.ts, in the bench's process) does not share its event loop.
 * Started by `startBenchServer` with the database in THIDUA_BENCH_DB; it listens on a free loopback
 * port, waits until the version's search index is built, then tells its parent the port and the index.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { resolvePublishedFile } from '../server/src/db/published-db.ts'
import { startServer } from '../server/src/main.ts'
import type { IndexStats } from '../server/src/search/index-protocol.ts'
import { searchWorkerFor, setSearchAnswerCache } from '../server/src/search/index-store.ts'

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

export interface BenchServer extends Ready {
  readonly url: string
  /** The search answer cache's hits and misses so far. */
  answers(): Promise<AnswerStats>
  stop(): Promise<void>
}

/** Forks this file as a server on `dbFile` (answer cache on or off) and resolves once it can search. */
export const startBenchServer = (dbFile: string, cache: boolean): Promise<BenchServer> => {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, THIDUA_BENCH_DB: dbFile, THIDUA_BENCH_CACHE: cache ? '1' : '0' },
    execArgv: ['--import', 'tsx'],
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
        answers: () =>
          new Promise((answered) => {
            child.once('message', (a) => answered(a as AnswerStats))
            child.send('answers')
          }),
        stop: () => {
          child.kill('SIGTERM')
          return exited
        },
      })
    })
  })
}

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
  const built = await worker.built()
  const ready: Ready = {
    port: server.port,
    index_built: built,
    index_wait_seconds: Math.round((performance.now() - t0) / 10) / 100,
    index: worker.stats,
  }
  process.send?.(ready)
  process.on('message', (m) => {
    if (m === 'answers') process.send?.(worker.answerStats satisfies AnswerStats)
  })
  const stop = () => void server.close().then(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('disconnect', stop)
}

const db = process.env.THIDUA_BENCH_DB
if (process.send && db && import.meta.url === `file://${process.argv[1]}`)
  await serveForParent(db, process.env.THIDUA_BENCH_CACHE === '1')
