/**
 * The in-memory index answers exactly what the SQL path answers (same hits in the same order, same
 * totals and scores, same snippets) on the fixture warehouse, over the whole query language and the
 * route's filters; and the worker serves it off the main thread.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readTable } from '../db/duck-values.ts'
import { ARTICLE_FILTERS, ARTICLES_SEARCH_SQL } from '../queries/articles.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'
import { buildTestDb, type TestDb } from '../testing/warehouse-db.ts'
import { type RouteFilters, SearchIndex } from './engine.ts'
import { SearchWorker, searchThreadCount, searchWorkerFor, setSearchAnswerCache } from './index-store.ts'
import { buildFromFile } from './index-worker.ts'
import { parseSearch } from './query.ts'
import { snippetFor } from './snippet.ts'
import { searchSql } from './sql.ts'
import { NO_FILTERS } from './indexed.ts'

const NONE: RouteFilters = NO_FILTERS

const QUERIES = [
  'thi dua',
  'THI ĐUA',
  'Đại hội thi đua yêu nước',
  'dai hoi thi dua lang son',
  '"dai hoi thi dua"',
  '"thi đua yêu nước" nghe an',
  'đua',
  'đưa',
  'kon tum -nong',
  'kon tum NOT "nong thon"',
  'lang son OR nghe an dai hoi',
  '138/KH-UBND',
  'number:41-CT/TW thi dua',
  'type:plan dai hoi',
  'province:20 thi dua',
  'province:"Nghệ An" dai hoi',
  'year:2024 thi dua',
  'year:2025',
  'province:"Kon Tum"',
  'Kỳ Lừa',
  'xyzzy',
  'thi dua yeu nuoc lan thu VI',
]

const FILTERS: Array<[string, RouteFilters]> = [
  ['none', NONE],
  ['province 2008', { ...NONE, system: '2008', provinces: ['20', '40'] }],
  ['dates', { ...NONE, from: '2024-04-01', to: '2025-12-31' }],
  ['unique', { ...NONE, unique: true }],
]

/** The route's SQL path (routes/articles.ts) for one query and filter set. */
const viaSql = async (conn: DuckDBConnection, q: string, f: RouteFilters, limit: number, offset: number) => {
  const params: Params = {
    from: f.from,
    to: f.to,
    source: f.source,
    campaign: null,
    document: null,
    event: null,
    event_id: null,
    origin: f.origin,
    unique: f.unique,
    limit,
    offset,
  }
  const s = parseSearch(q)
  const sql = ARTICLES_SEARCH_SQL(
    ARTICLE_FILTERS(inList(`a.province_code_${f.system}`, f.provinces, params, 'p')),
    searchSql(s, params)
  )
  const t = readTable(await conn.runAndReadAll(sql, params as never))
  return {
    total: Number(t.rows[0]?.total ?? 0),
    rows: t.rows.map(
      (r): Record<string, unknown> => ({
        ...r,
        snippet: snippetFor(String(r.title), String(r.body_text ?? ''), s),
      })
    ),
  }
}

describe('search index', () => {
  let dir = ''
  let db: TestDb
  let instance: DuckDBInstance
  let conn: DuckDBConnection
  let index: SearchIndex
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'thidua-search-index-'))
    db = await buildTestDb(dir)
    instance = await DuckDBInstance.create(db.publishedFile, { access_mode: 'READ_ONLY' })
    conn = await instance.connect()
    index = new SearchIndex(await buildFromFile(db.publishedFile))
  }, 120_000)
  afterAll(() => {
    conn?.closeSync()
    instance?.closeSync()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it.each(FILTERS)('answers as the SQL path does, filters: %s', async (_name, f) => {
    let nonEmpty = 0
    for (const q of QUERIES) {
      const want = await viaSql(conn, q, f, 200, 0)
      const got = index.search(parseSearch(q), f, 200, 0)
      expect(got.total, q).toBe(want.total)
      expect(
        got.rows.map((r) => r.article_id),
        q
      ).toEqual(want.rows.map((r) => r.article_id))
      got.rows.forEach((r, i) => {
        const w = want.rows[i] as Record<string, unknown>
        expect(Number(r.score), q).toBeCloseTo(Number(w.score), 9)
        for (const c of ['title', 'published_at', 'url', 'province_code_2008', 'is_copy', 'snippet'])
          expect(r[c], `${q} ${c}`).toEqual(w[c])
      })
      if (got.total > 0) nonEmpty++
    }
    // the comparison is only worth something if most queries find articles
    if (f === NONE) expect(nonEmpty).toBeGreaterThan(QUERIES.length / 2)
  })

  it('pages with limit and offset as the SQL path does', async () => {
    for (const q of ['thi dua', 'dai hoi thi dua lang son']) {
      for (const [limit, offset] of [
        [3, 0],
        [3, 3],
        [2, 5],
        [5, 50],
      ] as const) {
        const want = await viaSql(conn, q, NONE, limit, offset)
        const got = index.search(parseSearch(q), NONE, limit, offset)
        expect(got.rows.map((r) => r.article_id)).toEqual(want.rows.map((r) => r.article_id))
        // SQL carries its total on the rows, so a page past the end says 0 (the route does the same)
        if (want.rows.length) expect(got.total).toBe(want.total)
      }
    }
  })

  it('a worker thread builds the index and serves it', async () => {
    const w = searchWorkerFor(db.publishedFile)
    expect(await w.built()).toBe(true)
    const page = await w.search(parseSearch('thi dua'), NONE, 5, 0)
    expect(page.rows.map((r) => r.article_id)).toEqual(
      index.search(parseSearch('thi dua'), NONE, 5, 0).rows.map((r) => r.article_id)
    )
    // the same parsed query and page again is answered from the version's answer cache
    const before = { ...w.answerStats }
    expect(await w.search(parseSearch('THI  dua'), NONE, 5, 0)).toEqual(page)
    expect(await w.search(parseSearch('thi dua'), NONE, 5, 5)).not.toEqual(page)
    expect(w.answerStats).toEqual({ hits: before.hits + 1, misses: before.misses + 1 })
    setSearchAnswerCache(0)
    try {
      expect(await w.search(parseSearch('thi dua'), NONE, 5, 0)).toEqual(page)
      expect(w.answerStats.hits).toBe(before.hits + 1)
    } finally {
      setSearchAnswerCache(1000)
    }
    w.stop()
  })

  it('two index threads answer the same pages, each search going to the less busy one', async () => {
    const w = new SearchWorker(db.publishedFile, 2)
    setSearchAnswerCache(0)
    try {
      expect(await w.allBuilt()).toBe(true)
      const qs = QUERIES.slice(0, 8)
      // all asked at once: the second goes to the idle thread, and so on in turn
      const pages = await Promise.all(qs.map((q) => w.search(parseSearch(q), NONE, 5, 0)))
      expect(pages).toEqual(qs.map((q) => index.search(parseSearch(q), NONE, 5, 0)))
      expect(w.asked).toEqual([4, 4])
    } finally {
      setSearchAnswerCache(1000)
      w.stop()
    }
  })

  it('takes its thread count from THIDUA_SEARCH_THREADS, refusing anything but 1-4', () => {
    expect(searchThreadCount({})).toBe(1)
    expect(searchThreadCount({ THIDUA_SEARCH_THREADS: '2' })).toBe(2)
    expect(() => searchThreadCount({ THIDUA_SEARCH_THREADS: 'two' })).toThrow(/THIDUA_SEARCH_THREADS: "two"/)
    expect(() => searchThreadCount({ THIDUA_SEARCH_THREADS: '0' })).toThrow(/1, 2, 3 or 4/)
  })
})
