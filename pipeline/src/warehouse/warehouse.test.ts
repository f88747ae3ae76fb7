import { describe, expect, it } from 'vitest'
import { queryRows, queryValue, type Warehouse } from './db.ts'
import { HIVE_PARTITIONED } from './export-hive.ts'
import { finalizeRun } from './finalize.ts'
import { articleIdFor } from './ids.ts'
import { loadBatch, upsertSources } from './load.ts'
import { listMigrations, runMigrations } from './migrate.ts'
import { closeWarehouseSync, openWarehouseAsync } from './open.ts'
import { tempDbFile } from './testing/build.ts'
import {
  fixtureItems,
  fixtureSources,
  makeItem,
  reparsedFixture,
  routineItems,
  urlOf,
} from './testing/fixtures.ts'
import { fixtureWarehouseSuite } from './testing/suite.ts'

/** Order-independent fingerprint of a table's full contents. */
const tableHash = async (wh: Warehouse, t: string) =>
  String(await queryValue(wh.conn, `SELECT count(*) || ':' || coalesce(bit_xor(hash(x)), 0) FROM ${t} x`))

const DATA_TABLES = [
  ...HIVE_PARTITIONED,
  'article_clusters',
  'documents',
  'events',
  'event_conflicts',
  'search_terms',
  'search_df',
]

const one = async (wh: Warehouse, sql: string, params?: Array<string | number>) =>
  (await queryRows(wh.conn, sql, params))[0]

describe('warehouse', () => {
  const fx = fixtureWarehouseSuite()

  it('applies every migration once and is safe to reopen', async () => {
    const versions = (
      await queryRows(fx.wh.conn, 'SELECT version FROM schema_migrations ORDER BY version')
    ).map((r) => Number(r.version))
    expect(versions).toEqual(listMigrations().map((m) => m.version))
    expect(await runMigrations(fx.wh.conn)).toEqual([])
  })

  it('loads both province systems with validity dates and the lineage', async () => {
    const counts = await queryRows(
      fx.wh.conn,
      'SELECT system, count(*) AS n FROM provinces GROUP BY system ORDER BY system'
    )
    expect(counts).toEqual([
      { system: '2008', n: '63' },
      { system: '2025', n: '34' },
    ])
    expect(
      await one(fx.wh, `SELECT new_code, effective_on FROM province_lineage WHERE old_code = '62'`)
    ).toEqual({
      new_code: '51',
      effective_on: '2025-07-01',
    })
    expect(await one(fx.wh, `SELECT valid_to FROM provinces WHERE system = '2008' AND code = '62'`)).toEqual({
      valid_to: '2025-06-30',
    })
  })

  it('attributes articles in both unit systems, keeping the old unit after the merger', async () => {
    const at = async (i: number) =>
      one(
        fx.wh,
        'SELECT province_code_2008 AS p8, province_code_2025 AS p25, province_basis AS b FROM articles WHERE url = $1',
        [urlOf(i)]
      )
    // Kon Tum portal before 1 July 2025 (it names Quảng Ngãi too, which must not win).
    expect(await at(7)).toEqual({ p8: '62', p25: '51', b: 'source' })
    // Báo Quảng Ngãi after the merger, writing about the former Kon Tum.
    expect(await at(8)).toEqual({ p8: '62', p25: '51', b: 'source+text' })
    // National newspaper, province from the text: Lào Cai 10 → 15.
    expect(await at(9)).toEqual({ p8: '10', p25: '15', b: 'text' })
    expect(await at(0)).toEqual({ p8: '20', p25: '20', b: 'source' })
  })

  it('resolves one document per issuer scope, type, number, symbol and year', async () => {
    const docs = await queryRows(
      fx.wh.conn,
      `SELECT label, issuer_scope, issued_on, mention_count, article_count FROM documents
       WHERE display_symbol = '138/KH-UBND' ORDER BY issuer_scope`
    )
    // Lạng Sơn's plan is cited by the portal, the newspaper copy and (undated) by the congress report.
    expect(docs).toEqual([
      {
        label: 'Kế hoạch 138/KH-UBND',
        issuer_scope: 'p2008:20',
        issued_on: '2024-06-10',
        mention_count: 3,
        article_count: 3,
      },
      {
        label: 'Kế hoạch 138/KH-UBND',
        issuer_scope: 'p2008:40',
        issued_on: '2024-03-20',
        mention_count: 1,
        article_count: 1,
      },
    ])
    const central = await one(
      fx.wh,
      `SELECT is_central, issued_on, article_count FROM documents WHERE display_symbol = '41-CT/TW'`
    )
    expect(central).toEqual({ is_central: true, issued_on: '2024-12-26', article_count: 2 })
  })

  it('reconciles planned and held dates per event and flags conflicting reports', async () => {
    const ls = await one(
      fx.wh,
      `SELECT planned_start, planned_end, held_on, mention_count, has_conflict FROM events
       WHERE province_code_2025 = '20' AND kind = 'dai_hoi_thi_dua' AND ordinal = 6`
    )
    expect(ls).toEqual({
      planned_start: '2025-08-01',
      planned_end: '2025-08-31',
      held_on: '2025-09-17',
      mention_count: 3,
      has_conflict: false,
    })
    const na = await one(
      fx.wh,
      `SELECT event_id, held_on, has_conflict FROM events WHERE province_code_2025 = '40'`
    )
    expect(na?.has_conflict).toBe(true)
    const conflicts = await queryRows(
      fx.wh.conn,
      'SELECT field, value_start FROM event_conflicts WHERE event_id = $1 ORDER BY value_start',
      [String(na?.event_id)]
    )
    expect(conflicts).toEqual([
      { field: 'held', value_start: '2025-09-26' },
      { field: 'held', value_start: '2025-09-27' },
    ])
    const delay = await one(
      fx.wh,
      `SELECT delay_days FROM v_province_timeline WHERE system = '2008' AND province_code = '20' AND item_kind = 'congress'`
    )
    expect(delay).toEqual({ delay_days: 17 })
  })

  it('clusters the republished copy with its original and counts the story once', async () => {
    const c = await queryRows(
      fx.wh.conn,
      'SELECT url, cluster_id, is_representative FROM articles JOIN article_clusters USING (article_id, cluster_id) WHERE url IN ($1, $2) ORDER BY url',
      [urlOf(0), urlOf(1)]
    )
    expect(c[0]?.cluster_id).toBe(c[1]?.cluster_id)
    expect(c.find((r) => r.url === urlOf(0))?.is_representative).toBe(true)
    expect(Number(await queryValue(fx.wh.conn, 'SELECT count(DISTINCT cluster_id) FROM articles'))).toBe(
      fixtureItems.length + routineItems.length - 1
    )
    const cov = await one(
      fx.wh,
      `SELECT articles, province_articles FROM v_campaign_coverage WHERE system = '2025' AND province_code = '20' AND campaign_id = 'xoa_nha_tam'`
    )
    expect(cov).toEqual({ articles: '2', province_articles: '3' })
  })

  it('keeps provenance on every fact: article, span, archive record, extractor version', async () => {
    const row = await one(
      fx.wh,
      `SELECT substring(a.body_text, m.span_start + 1, m.span_end - m.span_start) AS text, m.surface,
         m.archive_record_id, m.extractor_version
       FROM document_mentions m JOIN articles a USING (article_id) WHERE a.url = $1`,
      [urlOf(0)]
    )
    expect(row?.text).toBe(row?.surface)
    expect(row?.archive_record_id).toBe('urn:uuid:00000000-0000-4000-8000-000000000001')
    expect(row?.extractor_version).toBe('fixture-1')
    const missing = await queryValue(
      fx.wh.conn,
      `SELECT count(*) FROM (SELECT extractor_version FROM event_mentions UNION ALL SELECT extractor_version FROM campaign_mentions)
       WHERE extractor_version IS NULL`
    )
    expect(Number(missing)).toBe(0)
  })

  it('reloading the same input yields identical tables', async () => {
    const before = await Promise.all(DATA_TABLES.map((t) => tableHash(fx.wh, t)))
    await loadBatch(fx.wh, 'r-again', [...fixtureItems, ...routineItems].reverse(), {
      extractorVersion: 'fixture-1',
    })
    await finalizeRun(fx.wh, 'r-again')
    const after = await Promise.all(DATA_TABLES.map((t) => tableHash(fx.wh, t)))
    expect(after).toEqual(before)
  })

  it('a reparsed article replaces its old rows', async () => {
    const db = tempDbFile()
    const w = await openWarehouseAsync(db)
    try {
      await upsertSources(w, fixtureSources)
      const first = fixtureItems[2]
      if (!first) throw new Error('fixture missing')
      await loadBatch(w, 'r1', [first])
      const id = articleIdFor(first.article.url)
      expect(
        Number(await queryValue(w.conn, 'SELECT count(*) FROM document_mentions WHERE article_id = $1', [id]))
      ).toBe(2)
      const reparsed = reparsedFixture()
      await loadBatch(w, 'r2', [reparsed])
      expect(
        Number(await queryValue(w.conn, 'SELECT count(*) FROM articles WHERE article_id = $1', [id]))
      ).toBe(1)
      expect(
        await queryRows(w.conn, 'SELECT number FROM document_mentions WHERE article_id = $1', [id])
      ).toEqual([{ number: '41' }])
      expect(
        Number(await queryValue(w.conn, 'SELECT count(*) FROM event_mentions WHERE article_id = $1', [id]))
      ).toBe(0)
      expect(await queryValue(w.conn, 'SELECT title FROM articles WHERE article_id = $1', [id])).toMatch(
        /cập nhật/
      )
    } finally {
      closeWarehouseSync(w)
    }
  })

  it('rejects a bad item with a clear reason and still loads the rest', async () => {
    const db = tempDbFile()
    const w = await openWarehouseAsync(db)
    try {
      const good = fixtureItems[3]
      if (!good) throw new Error('fixture missing')
      const bad = {
        article: { ...good.article, url: 'https://langson.gov.vn/hong.html', body_text: 42 },
        extraction: good.extraction,
      }
      const res = await loadBatch(w, 'r1', [good, bad as never])
      expect(res.loaded).toBe(1)
      expect(res.rejected).toEqual([
        { url: 'https://langson.gov.vn/hong.html', reason: expect.stringMatching(/body_text/) },
      ])
      expect(await queryRows(w.conn, 'SELECT url, reason FROM parse_failures')).toEqual([
        {
          url: 'https://langson.gov.vn/hong.html',
          reason: expect.stringMatching(/^load: article.body_text/),
        },
      ])
      // Invalid dates from an extractor become NULL instead of failing the batch.
      const odd = makeItem({
        url: 'https://langson.gov.vn/ngay-sai.html',
        source_id: null,
        title: 'Tin có ngày sai',
        published_at: 'không rõ',
        body: 'Kế hoạch số 5/KH-UBND ngày 30/2/2024 của tỉnh Lạng Sơn.',
        documents: [
          {
            type: 'plan',
            number: '5',
            symbol: 'KH-UBND',
            year_in_symbol: null,
            date: '2024-02-30',
            issuer: null,
            surface: 'Kế hoạch số 5/KH-UBND ngày 30/2/2024',
          },
        ],
      })
      const r2 = await loadBatch(w, 'r2', [odd])
      expect(r2.loaded).toBe(1)
      expect(await queryRows(w.conn, `SELECT issued_on, issuer_scope FROM document_mentions`)).toEqual([
        { issued_on: null, issuer_scope: 'p2008:20' },
      ])
      expect(
        await queryValue(w.conn, "SELECT published_at FROM articles WHERE url LIKE '%ngay-sai%'")
      ).toBeNull()
    } finally {
      closeWarehouseSync(w)
    }
  })
})
