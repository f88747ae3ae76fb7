/**
 * Worker thread of one published version: reads its articles (read-only, its own DuckDB instance),
 * builds the search index (index-build.ts), says it is ready, then answers searches (engine.ts) with
 * their page of rows and snippets. The index and its CPU stay off the server's main thread.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { parentPort, workerData } from 'node:worker_threads'
import { fold } from '../routes/search-snippet.ts'
import { SearchIndex } from './engine.ts'
import { groupDocs, IndexBuilder, type SearchIndexData } from './index-build.ts'
import type { IndexStats, WorkerReply, WorkerRequest } from './index-protocol.ts'

const ARTICLES_SQL = `SELECT article_id, title, coalesce(body_text, '') AS body,
  CAST(published_at AS VARCHAR) AS published_at, CAST(epoch_ms(published_at) AS DOUBLE) AS ms,
  CAST(published_date - DATE '1970-01-01' AS INTEGER) AS day, source_id, url,
  province_code_2008, province_code_2025, origin, cluster_id
FROM articles ORDER BY article_id`

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)

const readArticles = async (conn: DuckDBConnection, b: IndexBuilder, ord: Map<string, number>) => {
  const result = await conn.stream(ARTICLES_SQL)
  for (;;) {
    const chunk = await result.fetchChunk()
    if (!chunk || chunk.rowCount === 0) break
    for (const r of chunk.getRows()) {
      const id = String(r[0])
      ord.set(id, ord.size)
      b.add({
        id,
        title: String(r[1] ?? ''),
        body: String(r[2] ?? ''),
        publishedAt: str(r[3]),
        publishedMs: num(r[4]),
        day: num(r[5]),
        sourceId: str(r[6]),
        url: str(r[7]),
        p2008: str(r[8]),
        p2025: str(r[9]),
        origin: str(r[10]),
        clusterId: str(r[11]),
      })
    }
  }
}

const pairs = async (conn: DuckDBConnection, sql: string, ord: Map<string, number>) => {
  const rows = (await conn.runAndReadAll(sql)).getRows()
  const out: Array<readonly [string, number]> = []
  for (const [k, id] of rows) {
    const doc = ord.get(String(id))
    if (k !== null && doc !== undefined) out.push([String(k), doc])
  }
  return out
}

export const buildFromFile = async (file: string): Promise<SearchIndexData> => {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' })
  const conn = await instance.connect()
  try {
    const b = new IndexBuilder()
    const ord = new Map<string, number>()
    await readArticles(conn, b, ord)
    const types = groupDocs(await pairs(conn, 'SELECT DISTINCT type, article_id FROM document_mentions', ord))
    // the key sql.ts compares: the display symbol without spaces, folded
    const cited = await pairs(
      conn,
      `SELECT DISTINCT replace(d.display_symbol, ' ', '') AS k, dm.article_id
       FROM document_mentions dm JOIN documents d USING (document_id) WHERE d.display_symbol IS NOT NULL`,
      ord
    )
    const cites = groupDocs(cited.map(([k, d]) => [fold(k), d] as const))
    const provinces = new Map<string, Array<{ system: '2008' | '2025'; code: string }>>()
    for (const [system, code, name] of (
      await conn.runAndReadAll('SELECT system, code, name_vi FROM provinces')
    ).getRows()) {
      const key = fold(String(name))
      if (!provinces.has(key)) provinces.set(key, [])
      provinces.get(key)?.push({ system: String(system) === '2008' ? '2008' : '2025', code: String(code) })
    }
    return b.finish({ types, cites, provinces })
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}

const serve = async (file: string) => {
  const port = parentPort
  if (!port) return
  let index: SearchIndex
  const t0 = performance.now()
  try {
    index = new SearchIndex(await buildFromFile(file))
  } catch (e) {
    port.postMessage({ id: 0, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply)
    return
  }
  const mem = process.memoryUsage() // this thread's heap
  let postings = 0
  for (const p of index.data.postings.values()) postings += p.docs.length
  const stats: IndexStats = {
    articles: index.data.n,
    postings,
    tokens: index.data.postings.size,
    build_seconds: Math.round((performance.now() - t0) / 100) / 10,
    heap_mb: Math.round(mem.heapUsed / 1e6),
    arrays_mb: Math.round(mem.arrayBuffers / 1e6),
  }
  port.postMessage({ id: 0, ready: true, stats } satisfies WorkerReply)
  port.on('message', (req: WorkerRequest) => {
    try {
      const t0 = performance.now()
      const page = index.search(req.query, req.filters, req.limit, req.offset)
      port.postMessage({ id: req.id, page, ms: performance.now() - t0 } satisfies WorkerReply)
    } catch (e) {
      port.postMessage({
        id: req.id,
        error: e instanceof Error ? e.message : String(e),
      } satisfies WorkerReply)
    }
  })
}

if (parentPort && workerData?.file) void serve(String(workerData.file))
