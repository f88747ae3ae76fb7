/**
 * The run's stream over a raw archive (processArchive): every archived response counted, the crawler's
 * "not an article" verdict kept, and the same warehouse rows with the work in this thread (1) as on
 * two worker threads (2).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Effect } from 'effect'
import { afterAll, describe, expect, it } from 'vitest'
import { ArchiveWriter } from '../crawl/archive.ts'
import { listSnapshotPages, readSnapshotPage } from '../snapshot/catalog.ts'
import { queryRows } from '../warehouse/db.ts'
import { closeWarehouse, openWarehouse, startRun } from '../warehouse/index.ts'
import { processArchive } from './process-archive.ts'

const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-process-archive-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const pages = listSnapshotPages()
  .filter((p) => p.status === 200 && (p.kind === 'article' || p.kind === 'listing'))
  .slice(0, 40)

/** The snapshot's pages archived as a crawl archives them; the last with the crawler's "not an article". */
const archive = async (db: string) => {
  const w = new ArchiveWriter(db, 'test')
  for (const [i, p] of pages.entries())
    await w.append({
      url: p.url,
      source_id: 'test-source',
      status: 200,
      headers: { 'content-type': p.content_type ?? 'text/html; charset=utf-8' },
      body: readSnapshotPage(p),
      fetched_at: '2025-06-01T00:00:00.000Z',
      ...(i === pages.length - 1 ? { is_article: false } : {}),
    })
  w.close()
}

const processWith = (workers: number) =>
  Effect.gen(function* () {
    const db = path.join(dir, `w${workers}.duckdb`)
    yield* Effect.promise(() => archive(db))
    const wh = yield* Effect.acquireRelease(openWarehouse(db), closeWarehouse)
    const runId = yield* startRun(wh, { mode: 'reparse' })
    const summary = yield* processArchive({ wh, runId, sources: [], parseWorkers: workers })
    const rows = yield* Effect.promise(() =>
      Promise.all([
        queryRows(wh.conn, 'SELECT url, title, body_text, archive_record_id FROM articles ORDER BY url'),
        queryRows(
          wh.conn,
          `SELECT a.url, d.number, d.symbol, d.span_start FROM document_mentions d JOIN articles a USING (article_id)
           ORDER BY ALL`
        ),
        queryRows(wh.conn, 'SELECT url, reason FROM parse_failures ORDER BY url'),
      ])
    )
    return { summary, rows }
  }).pipe(Effect.scoped)

describe('processArchive', () => {
  it('loads the same rows in this thread and on two worker threads, counting every response', async () => {
    const one = await Effect.runPromise(processWith(1))
    const two = await Effect.runPromise(processWith(2))
    expect(one.summary.pages).toBe(pages.length)
    expect(one.summary.articles).toBeGreaterThan(0)
    expect(one.summary.skipped_not_article).toBeGreaterThan(0)
    expect(one.summary.articles + one.summary.failures + one.summary.skipped_not_article).toBe(pages.length)
    expect(one.rows[0]).toHaveLength(one.summary.articles)
    expect(one.rows[1].length).toBeGreaterThan(0)
    // archive_record_id names the WARC record each row came from (differs per archive, so compare presence).
    expect(one.rows[0].every((r) => String(r.archive_record_id).startsWith('<urn:uuid:'))).toBe(true)
    const strip = (rows: ReadonlyArray<Record<string, unknown>>) =>
      rows.map(({ archive_record_id: _, ...r }) => r)
    expect(strip(two.rows[0])).toEqual(strip(one.rows[0]))
    expect(two.rows.slice(1)).toEqual(one.rows.slice(1))
    expect(two.summary).toEqual(one.summary)
  }, 120_000)
})
