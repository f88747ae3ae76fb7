import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, queryValue, type Warehouse } from './db.ts'
import { type FinalizeSummary, finalizeRun } from './finalize.ts'
import { loadBatch, upsertSources } from './load.ts'
import { closeWarehouseSync, openWarehouseAsync } from './open.ts'
import type { LoadItem } from './rows.ts'
import { tempDbFile } from './testing/build.ts'
import {
  fixtureItems,
  fixtureSources,
  reparsedFixture,
  routineItems,
  routineSource,
} from './testing/fixtures.ts'
import { copiedTo, generatedItems, reparsedAs } from './testing/generated.ts'
import { relationItems, relationSources } from './testing/relation-items.ts'

/**
 * Incremental finalize (issue #17) against a full rebuild: two warehouses load the same batches (new
 * articles, reparsed ones, near-duplicate copies that take a cluster's lead, a document's and an event's
 * mentions moving between articles); one finalizes incrementally after each batch, the other in full.
 * Every table finalize writes must be equal after every batch.
 */
const FINALIZED = [
  'articles',
  'article_clusters',
  'document_mentions',
  'event_mentions',
  'documents',
  'events',
  'event_conflicts',
  'document_relations',
  'search_terms',
  'search_docs',
  'search_df',
  'agg_units_month',
  'agg_campaign_month',
  'agg_document_citations',
  'agg_documents',
  'agg_document_list',
  'agg_document_list_provinces',
]

const snapshot = async (wh: Warehouse) => {
  const out: Record<string, string> = {}
  for (const t of FINALIZED)
    out[t] = String(
      await queryValue(wh.conn, `SELECT count(*) || ':' || coalesce(bit_xor(hash(x)), 0) FROM ${t} x`)
    )
  // Averages over the same rows summed in another order may differ in the last bits.
  out.search_stats = JSON.stringify(
    await queryRows(
      wh.conn,
      'SELECT n_docs, round(avg_title_len, 6) AS t, round(avg_body_len, 6) AS b FROM search_stats'
    )
  )
  return out
}

const edited = reparsedFixture()

describe('incremental finalize equals a full rebuild', () => {
  const dbs: Warehouse[] = []
  let batches: LoadItem[][] = []
  beforeAll(async () => {
    const gen = await generatedItems(260, 17)
    const g = gen.items
    const pick = (i: number) => g[i % g.length] as LoadItem
    batches = [
      [...fixtureItems, ...routineItems, ...g.slice(0, 120)],
      [...relationItems, ...g.slice(120, 200)],
      // reparsed: a fixture article loses its documents and event; generated ones become copies of others
      [edited, ...g.slice(200, 230), ...[3, 5, 8, 13].map((i) => reparsedAs(pick(i), pick(i + 40)))],
      // earlier copies take the lead of their clusters; the fixture article gets its old text back
      [
        fixtureItems[2] as LoadItem,
        ...g.slice(230),
        ...[21, 34, 55].map((i) => copiedTo(pick(i), `https://copies.example.vn/bai-${i}.html`, 30)),
        reparsedAs(pick(5), pick(5)),
      ],
    ]
    for (const _ of [0, 1]) {
      const wh = await openWarehouseAsync(tempDbFile())
      await upsertSources(wh, [...fixtureSources, routineSource, ...relationSources, ...gen.sources])
      dbs.push(wh)
    }
  }, 120_000)
  afterAll(() => {
    for (const wh of dbs) closeWarehouseSync(wh)
  })

  it('after every batch, with only the changed articles treated as changed', async () => {
    const [inc, full] = dbs as [Warehouse, Warehouse]
    const modes: FinalizeSummary[] = []
    for (const [i, batch] of batches.entries()) {
      for (const wh of dbs) await loadBatch(wh, `r${i}`, batch, { extractorVersion: 'x-1' })
      modes.push(await finalizeRun(inc, `r${i}`))
      await finalizeRun(full, `r${i}`, { full: true })
      expect(await snapshot(inc), `after batch ${i}`).toEqual(await snapshot(full))
    }
    expect(modes.map((m) => m.mode)).toEqual([
      'full: first finalize of this warehouse',
      'incremental',
      'incremental',
      'incremental',
    ])
    expect(modes.slice(1).map((m) => m.changed)).toEqual(
      batches.slice(1).map((b) => new Set(b.map((x) => x.article.url)).size)
    )
    // the copies took their clusters' lead
    const leads = await queryRows(
      inc.conn,
      `SELECT count(*) AS n FROM article_clusters c JOIN articles a USING (article_id)
       WHERE a.url LIKE 'https://copies.example.vn/%' AND c.is_representative AND c.cluster_size > 1`
    )
    expect(Number(leads[0]?.n)).toBe(3)
  }, 240_000)

  it('does nothing when nothing changed, and rebuilds in full when the extractor changes', async () => {
    const [inc] = dbs as [Warehouse, Warehouse]
    const before = await snapshot(inc)
    const idle = await finalizeRun(inc, 'idle')
    expect([idle.mode, idle.changed]).toEqual(['incremental', 0])
    expect(await snapshot(inc)).toEqual(before)
    await loadBatch(inc, 'v2', [fixtureItems[0] as LoadItem], { extractorVersion: 'x-2' })
    const next = await finalizeRun(inc, 'v2')
    expect(next.mode).toBe('full: extractor version changed (x-2)')
    expect(next.changed).toBe(Number(await queryValue(inc.conn, 'SELECT count(*) FROM articles')))
  }, 120_000)
})
