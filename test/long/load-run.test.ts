/**
 * A bounded load run (issue #18): `thidua serve` on a warehouse file, then 100 concurrent clients for
 * 10 s, each alternating the document list and an article search with a varying query. Asserted: every
 * request answered, no 5xx (nor any other non-200), and a p95 under a generous bound for a shared
 * 2-core machine; the figures are printed. Search at scale is measured by `pnpm bench api`.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestDb } from '../../server/src/testing/warehouse-db.ts'
import { spawnServe } from './serve-process.ts'

const CLIENTS = 100
const SECONDS = 10
/**
 * p95 bound per route. 100 clients in a closed loop wait on each other: p95 is about 100 × the service
 * time, ~23 s measured at load average 20 on a shared 2-core machine. The bound catches a server that
 * stops answering (issue #18: timeouts, 15 s p99 for search), not slowness; `pnpm bench api` measures that.
 */
const P95_MS = Number(process.env.THIDUA_LOAD_P95_MS ?? 45_000)
const QUERIES = [
  'thi đua',
  'thi dua yeu nuoc',
  'đại hội',
  'kế hoạch',
  '"phong trào"',
  'khen thưởng',
  'Lạng Sơn',
]

let dir: string
let server: ChildProcess
let base: string

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * q) - 1))] ?? 0
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-load-'))
  const db = await buildTestDb(dir)
  ;({ server, base } = await spawnServe(db.dbFile))
  // warm both routes (lazy loading, first queries) before measuring
  for (const u of [
    '/api/documents?limit=20',
    `/api/articles?q=${encodeURIComponent(QUERIES[0] ?? '')}&limit=20`,
  ])
    await (await fetch(base + u)).arrayBuffer()
}, 300_000)

afterAll(() => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

describe('a bounded load run', () => {
  it(`${CLIENTS} concurrent clients for ${SECONDS} s on documents and search: no 5xx, bounded p95`, async () => {
    const lat = { documents: [] as number[], search: [] as number[] }
    const statuses = new Map<number, number>()
    const errors: string[] = []
    const end = performance.now() + SECONDS * 1000
    const client = async (c: number) => {
      for (let i = 0; performance.now() < end; i++) {
        const search = (c + i) % 2 === 1
        const q = QUERIES[(c * 7 + i) % QUERIES.length] ?? ''
        const url = search
          ? `${base}/api/articles?q=${encodeURIComponent(q)}&limit=20`
          : `${base}/api/documents?limit=20&offset=${(i * 20) % 100}`
        const t = performance.now()
        try {
          const res = await fetch(url)
          await res.arrayBuffer()
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          lat[search ? 'search' : 'documents'].push(performance.now() - t)
        } catch (e) {
          errors.push(String(e))
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)))
    const fig = (xs: number[]) =>
      `${xs.length} requests (${(xs.length / SECONDS).toFixed(0)}/s), p50 ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms`
    console.log(
      `load: documents ${fig(lat.documents)}; search ${fig(lat.search)}; statuses ${JSON.stringify([...statuses])}`
    )
    expect(errors.slice(0, 3)).toEqual([])
    expect([...statuses.keys()]).toEqual([200])
    // every client was answered at least once, on both routes between them
    expect(lat.documents.length + lat.search.length).toBeGreaterThanOrEqual(CLIENTS)
    expect(Math.min(lat.documents.length, lat.search.length)).toBeGreaterThan(CLIENTS / 4)
    expect(quantile(lat.documents, 0.95)).toBeLessThan(P95_MS)
    expect(quantile(lat.search, 0.95)).toBeLessThan(P95_MS)
  })
})
