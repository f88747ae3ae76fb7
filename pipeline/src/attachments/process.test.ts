/**
 * A document's own attachment outranks the news: an article misprints the plan's date and names its
 * issuer loosely; the plan's DOC attachment, linked from the article, carries the real header. Texts
 * written for this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textArticle } from '../domain/article.ts'
import { extract } from '../extract/extract.ts'
import { writeDoc97 } from '../snapshot/attachments/doc97.ts'
import { queryRows, type Warehouse } from '../warehouse/db.ts'
import { finalizeRun } from '../warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../warehouse/open.ts'
import { tempDbFile } from '../warehouse/testing/build.ts'
import { AttachmentPass } from './process.ts'

const ARTICLE_URL = 'https://langson.example.vn/tin/ke-hoach-dai-hoi-1234.html'
const FILE_URL = 'https://langson.example.vn/uploads/kh-138.doc'
const body =
  'Ngày 12/3/2025, tỉnh ban hành Kế hoạch số 138/KH-UBND ngày 12/3/2025 về tổ chức Đại hội Thi đua yêu nước tỉnh Lạng Sơn lần thứ VI.'

const article = textArticle({
  url: ARTICLE_URL,
  source_id: 'langson',
  platform: 'generic',
  title: 'Lạng Sơn chuẩn bị Đại hội Thi đua yêu nước',
  published_at: '2025-03-14T08:00:00+07:00',
  body_text: body,
  origin: 'rebuilt',
})

const header = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH LẠNG SƠN',
  'Số: 138/KH-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Lạng Sơn, ngày 10 tháng 3 năm 2025',
  'KẾ HOẠCH',
  'Tổ chức Đại hội Thi đua yêu nước tỉnh Lạng Sơn lần thứ VI',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Đinh Văn Hải',
]

let wh: Warehouse
beforeAll(async () => {
  wh = await openWarehouseAsync(tempDbFile('attachments'))
  await upsertSources(wh, [
    {
      id: 'langson',
      name: 'langson',
      kind: 'portal',
      base_url: 'https://langson.example.vn/',
      province_code_2008: '20',
      province_code_2025: '20',
      platform: 'generic',
      entry_points: [],
    },
  ])
  await loadBatch(
    wh,
    'r1',
    [{ article, extraction: extract(body, { id: ARTICLE_URL, published: '2025-03-14' }) }],
    {
      extractorVersion: 'test',
    }
  )
  await wh.conn.run(
    `INSERT INTO crawl_link_log (from_url, to_url, rel, run_id) VALUES ('${ARTICLE_URL}', '${FILE_URL}', 'attachment', 'r1')`
  )
}, 60_000)
afterAll(() => closeWarehouseSync(wh))

const documentsNumbered138 = () =>
  queryRows(
    wh.conn,
    "SELECT document_id, issued_on::VARCHAR AS issued_on, issuer FROM documents WHERE number = '138'"
  )

describe('attachments in the warehouse', () => {
  it('the attachment’s own date and issuer outrank the article’s, and it is stored with its text', async () => {
    await finalizeRun(wh, 'r1')
    const before = await documentsNumbered138()
    expect(before.map((d) => d.issued_on)).toEqual(['2025-03-12'])

    const pass = new AttachmentPass(wh)
    const bytes = writeDoc97(header)
    await pass.add({
      url: FILE_URL,
      source_id: 'langson',
      status: 200,
      headers: { 'content-type': 'application/msword' },
      body: bytes,
      fetched_at: '2025-03-15T01:00:00.000Z',
      record_id: '<urn:uuid:test-attachment>',
    })
    const summary = await pass.finish('test')
    expect(summary).toMatchObject({
      attachments: 1,
      linked: 1,
      with_document: 1,
      errors: 0,
      by_method: { doc: 1 },
    })
    await finalizeRun(wh, 'r1')

    const after = await documentsNumbered138()
    expect(after).toHaveLength(1)
    expect(after[0]).toMatchObject({ issued_on: '2025-03-10', issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn' })
    const att = await queryRows(
      wh.conn,
      'SELECT article_id, method, media_type, bytes, text_chars, signer, document_id, error FROM attachments'
    )
    expect(att).toEqual([
      expect.objectContaining({
        method: 'doc',
        media_type: 'application/msword',
        signer: 'Đinh Văn Hải',
        document_id: after[0]?.document_id,
        error: null,
      }),
    ])
    expect(Number(att[0]?.bytes)).toBe(bytes.length)
  })
})
