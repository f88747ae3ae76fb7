/**
 * Resolution over texts run through the real extractor: documents cited without their symbol, readable
 * issuers, attribution without a configured province, and planned times told at several precisions.
 * Texts written for these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentMention } from '../domain/extraction.ts'
import type { SourceConfig } from '../domain/source.ts'
import { queryRows, type Warehouse } from './db.ts'
import { finalizeRun } from './finalize.ts'
import { readableIssuer } from './issuer.ts'
import { documentKey, sameArticleReferents } from './keys.ts'
import { loadBatch, upsertSources } from './load.ts'
import { closeWarehouseSync, openWarehouseAsync } from './open.ts'
import { tempDbFile } from './testing/build.ts'
import { extractedItem } from './testing/relation-items.ts'

describe('readable issuer', () => {
  it.each<[issuer: string, scope: string, readable: string]>([
    ['UBND tỉnh', 'p2008:20', 'UBND tỉnh Lạng Sơn'],
    ['Ủy ban nhân dân tỉnh', 'p2025:15', 'Ủy ban nhân dân tỉnh Lào Cai'],
    ['Tỉnh ủy', 'p2008:62', 'Tỉnh ủy Kon Tum'],
    ['Sở Nội vụ', 'p2008:40', 'Sở Nội vụ tỉnh Nghệ An'],
    ['UBND thành phố', 'p2008:01', 'UBND thành phố Hà Nội'],
  ])(
    'completes the level-only local issuer %j with the province of its scope %s',
    (issuer, scope, readable) => {
      expect(readableIssuer(issuer, scope)).toBe(readable)
    }
  )
  it.each<[issuer: string | null, scope: string]>([
    ['UBND tỉnh Lào Cai', 'p2008:10'],
    ['Bộ Chính trị', 'central'],
    // A bare "UBND" from a KH-UBND symbol may be a district's.
    ['UBND', 'p2008:20'],
    // "thành phố" in a province is a provincial city, not the province.
    ['Ủy ban nhân dân thành phố', 'p2008:22'],
    ['UBND tỉnh', 'unknown'],
    [null, 'p2008:20'],
  ])(
    'leaves the named, central, ambiguous or mismatched issuer %j (scope %s) as written',
    (issuer, scope) => {
      expect(readableIssuer(issuer, scope)).toBe(issuer)
    }
  )
})

const mention = (p: Partial<DocumentMention>): DocumentMention => ({
  type: 'directive',
  number: '34',
  symbol: null,
  year_in_symbol: null,
  date: null,
  issuer: null,
  surface: 'Chỉ thị 34',
  start: 0,
  end: 10,
  ...p,
})

describe('same-article referents', () => {
  const keysOf = (ms: DocumentMention[]) =>
    ms.map((m) => documentKey(m, m.date, '2024-03-01', { code_2008: '20', code_2025: '20' }))
  it('a bare mention takes the key of the one that says more', () => {
    const ms = [
      mention({ symbol: 'CT/TW', date: '2014-04-07', issuer: 'Bộ Chính trị', issuer_level: 'party_central' }),
      mention({}),
      mention({ number: '034' }),
    ]
    expect(sameArticleReferents(ms, keysOf(ms))).toEqual([0, 0, 0])
  })
  it('keeps a local bare mention apart from a central one, and ambiguous ones as they are', () => {
    const local = [
      mention({ number: '01', symbol: 'CT/TW', issuer: 'Bộ Chính trị', issuer_level: 'party_central' }),
      mention({ number: '01', issuer: 'UBND tỉnh Lào Cai', issuer_level: 'province' }),
    ]
    expect(sameArticleReferents(local, keysOf(local))).toEqual([0, 1])
    const two = [
      mention({ type: 'plan', number: '12', symbol: 'KH-UBND' }),
      mention({ type: 'plan', number: '12', symbol: 'KH-SNV' }),
      mention({ type: 'plan', number: '12' }),
    ]
    expect(sameArticleReferents(two, keysOf(two))).toEqual([0, 1, 2])
  })
})

const source = (id: string, p2008: string | null, p2025: string | null): SourceConfig => ({
  id,
  name: id,
  kind: 'portal',
  base_url: `https://${id}.example.vn/`,
  province_code_2008: p2008,
  province_code_2025: p2025,
  platform: 'generic',
  entry_points: [],
})

const item = (url: string, source_id: string, published_at: string, title: string, body: string) =>
  extractedItem({ url, source_id, title, published_at, body }, published_at)

const ARTICLES = [
  item(
    'https://a.example.vn/1',
    'langson',
    '2019-05-02T08:00:00+07:00',
    'Đổi mới công tác thi đua',
    'Tỉnh tiếp tục thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về đổi mới công tác thi đua, khen thưởng.'
  ),
  item(
    'https://b.example.vn/2',
    'caobang',
    '2024-04-10T08:00:00+07:00',
    'Mười năm một chỉ thị',
    'Sau mười năm thực hiện Chỉ thị số 34 của Bộ Chính trị, phong trào thi đua của tỉnh có nhiều chuyển biến.'
  ),
  item(
    'https://c.example.vn/3',
    'laocai',
    '2025-01-08T08:00:00+07:00',
    'Phát động thi đua năm 2025',
    'UBND tỉnh vừa ban hành Chỉ thị số 01 về phát động phong trào thi đua năm 2025. Tỉnh tổ chức Đại hội Thi đua yêu nước tỉnh Lào Cai lần thứ VI năm 2025.'
  ),
  item(
    'https://d.example.vn/4',
    'laocai',
    '2025-04-20T08:00:00+07:00',
    'Chuẩn bị đại hội',
    'Đại hội Thi đua yêu nước tỉnh Lào Cai lần thứ VI sẽ được tổ chức vào tháng 9/2025. Trước đó, UBND tỉnh ban hành Kế hoạch tổ chức đại hội (Kế hoạch số 88/KH-UBND ngày 2/4/2025).'
  ),
  item(
    'https://e.example.vn/5',
    'cityportal',
    '2019-10-22T08:00:00+07:00',
    'Hội nghị điển hình tiên tiến thành phố',
    'Ủy ban nhân dân thành phố ban hành Kế hoạch số 156/KH-UBND về Hội nghị điển hình tiên tiến thành phố lần thứ V, gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; Đoàn TNCS Hồ Chí Minh tham gia.'
  ),
  item(
    'https://g.example.vn/7',
    'langson',
    '2016-06-01T08:00:00+07:00',
    'Học tập và làm theo Bác',
    'Tỉnh ủy quán triệt Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị đến toàn thể đảng viên.'
  ),
  item(
    'https://h.example.vn/8',
    'caobang',
    '2023-03-01T08:00:00+07:00',
    'Giảm nghèo bền vững',
    'Tỉnh sơ kết việc thực hiện Chỉ thị số 05 của Ban Bí thư về công tác giảm nghèo bền vững.'
  ),
  item(
    'https://f.example.vn/6',
    'caobang',
    '2019-11-02T08:00:00+07:00',
    'Nhìn lại một nhiệm kỳ',
    'Từ sau Đại hội thi đua yêu nước tỉnh Cao Bằng lần thứ V (năm 2015), đã có nhiều điển hình tiên tiến.'
  ),
]

describe('resolution over extracted texts', () => {
  let wh: Warehouse
  beforeAll(async () => {
    wh = await openWarehouseAsync(tempDbFile('resolution'))
    await upsertSources(wh, [
      source('langson', '20', '20'),
      source('caobang', '04', '04'),
      source('laocai', '10', '15'),
      source('cityportal', null, null),
    ])
    await loadBatch(wh, 'r-res', ARTICLES, { extractorVersion: 'test' })
    await finalizeRun(wh, 'r-res')
  })
  afterAll(() => closeWarehouseSync(wh))

  const docs = () =>
    queryRows(
      wh.conn,
      `SELECT dm.article_id, dm.number, d.symbol, d.issuer, d.issuer_scope, d.article_count
       FROM document_mentions dm JOIN documents d USING (document_id) ORDER BY dm.article_id, dm.mention_index`
    )

  it('joins a Party document cited without its symbol years later, keeps a provincial one local', async () => {
    const rows = await docs()
    const by = (n: string) => rows.filter((r) => r.number === n)
    expect(new Set(by('34').map((r) => r.symbol))).toEqual(new Set(['CT/TW']))
    expect(by('34').every((r) => r.article_count === 2 && r.issuer_scope === 'central')).toBe(true)
    // Party numbering restarts each term: the Secretariat's 05 is not the Politburo's 05 of 2016.
    expect(by('05')).toHaveLength(2)
    expect(by('05').filter((r) => r.symbol === null)).toHaveLength(1)
    expect(by('01')).toEqual([
      expect.objectContaining({
        symbol: null,
        issuer: 'Ủy ban nhân dân tỉnh Lào Cai',
        issuer_scope: 'p2008:10',
      }),
    ])
  })

  it('shows a readable issuer in the resolved documents', async () => {
    const plan = (await docs()).find((r) => r.number === '88')
    expect(plan).toMatchObject({ symbol: 'KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Lào Cai' })
    const raw = await queryRows(wh.conn, `SELECT issuer FROM document_mentions WHERE number = '88'`)
    // Since extractor d-2026.6 the mention carries the canonical issuer (extract/issuer-canonical.ts).
    expect(raw).toEqual([{ issuer: 'Ủy ban nhân dân tỉnh Lào Cai' }])
  })

  it('leaves an article with no configured province and no place name unattributed', async () => {
    const [a] = await queryRows(
      wh.conn,
      `SELECT province_code_2008 AS p8, province_code_2025 AS p25, province_basis FROM articles WHERE url = 'https://e.example.vn/5'`
    )
    expect(a).toEqual({ p8: null, p25: null, province_basis: 'none' })
    const [d] = await queryRows(
      wh.conn,
      `SELECT province_code_2025, issuer_scope FROM documents WHERE number = '156'`
    )
    expect(d).toEqual({ province_code_2025: null, issuer_scope: 'unknown' })
  })

  it('prefers the finer planned window over a year that contains it, without a conflict', async () => {
    const [e] = await queryRows(
      wh.conn,
      `SELECT planned_start, planned_end, has_conflict FROM events
       WHERE province_code_2008 = '10' AND kind = 'dai_hoi_thi_dua' AND ordinal = 6`
    )
    expect(e).toEqual({ planned_start: '2025-09-01', planned_end: '2025-09-30', has_conflict: false })
  })

  it('does not date a past congress by the publication of a later look back', async () => {
    const [e] = await queryRows(
      wh.conn,
      `SELECT year, held_on, held_on_basis FROM events WHERE province_code_2008 = '04' AND ordinal = 5`
    )
    expect(e).toEqual({ year: 2015, held_on: null, held_on_basis: null })
  })
})
