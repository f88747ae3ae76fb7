/** Helpers of the shared-frontier long test: a throwaway redis-server and read-only crawl ledgers. */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { DuckDBInstance } from '@duckdb/node-api'

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      s.close(() => resolve(port))
    })
  })

/** Debian's redis-server on a free port, data in `dir`, nothing saved; resolves once it accepts. */
export const startRedis = async (dir: string): Promise<{ port: number; proc: ChildProcess }> => {
  const port = await freePort()
  const proc = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  await new Promise<void>((resolve, reject) => {
    let out = ''
    proc.stdout?.on('data', (b: Buffer) => {
      out += b.toString()
      if (out.includes('Ready to accept connections')) resolve()
    })
    proc.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)))
  })
  return { port, proc }
}

/** URLs of a crawl database by their latest state (read-only, after the writer is gone). */
export async function ledger(db: string): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })
  try {
    const conn = await instance.connect()
    try {
      const rows = (await conn.runAndReadAll('SELECT url, state FROM crawl_page_state')).getRowObjectsJson()
      return new Map(rows.map((r) => [String(r.url), String(r.state)]))
    } finally {
      conn.closeSync()
    }
  } finally {
    instance.closeSync()
  }
}

/** Settled URLs (any state but queued) of one or more ledgers. */
export const settled = (...ledgers: ReadonlyArray<Map<string, string>>): string[] => {
  const out = new Set<string>()
  for (const l of ledgers) for (const [u, s] of l) if (s !== 'queued') out.add(u)
  return [...out].sort()
}

/**
 * The smallest span of `k + 1` consecutive request times, as a rate check: a host limited to one start
 * per `delay` ms can never fit k + 1 requests into less than k × delay.
 */
export const tightestWindow = (times: ReadonlyArray<number>, k: number): number => {
  const sorted = [...times].sort((a, b) => a - b)
  let min = Number.POSITIVE_INFINITY
  for (let i = 0; i + k < sorted.length; i++) min = Math.min(min, (sorted[i + k] ?? 0) - (sorted[i] ?? 0))
  return min
}
