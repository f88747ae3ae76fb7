/**
 * `thidua ingest` on each input kind (WARC gzip-per-record and plain, a folder of saved pages, JSONL of
 * pages and of article texts), its one-line errors, and resume: a second run skips what is in, and a run
 * cut short then rerun ends with the rows of one clean run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Effect } from 'effect'
import { WARCRecord, WARCSerializer } from 'warcio'
import { afterAll, describe, expect, it } from 'vitest'
import { queryRows } from '../warehouse/db.ts'
import { closeWarehouse, openWarehouse } from '../warehouse/index.ts'
import { type IngestOptions, ingest } from './ingest.ts'

const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-ingest-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let dbs = 0
const freshDb = () => path.join(dir, `w${++dbs}.duckdb`)

const paragraph = (i: number) =>
  `Ngày 5/3/2024, Ủy ban nhân dân tỉnh Lạng Sơn ban hành Kế hoạch số ${100 + i}/KH-UBND về tổ chức phong trào thi đua yêu nước năm 2024, phát động các cơ quan, đơn vị, địa phương thi đua hoàn thành nhiệm vụ chính trị, gắn với đợt thi đua cao điểm lần thứ ${i}.`

const articleHtml = (i: number, canonical?: string) => `<!doctype html><html lang="vi"><head>
<meta charset="utf-8"><title>Phát động thi đua số ${i}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}
<meta property="article:published_time" content="2024-03-06T08:00:00+07:00"></head><body>
<article><h1>Phát động phong trào thi đua yêu nước đợt ${i}</h1>
<p>${paragraph(i)}</p><p>${paragraph(i + 50)}</p><p>${paragraph(i + 90)}</p></article></body></html>`

const textLine = (i: number) =>
  JSON.stringify({
    url: `https://langson.gov.vn/tin-tuc/bai-${i}.html`,
    title: `Thi đua yêu nước đợt ${i}`,
    text: `${paragraph(i)}\n\n${paragraph(i + 1)}`,
    published: '2024-03-06',
  })

const run = (opts: Omit<IngestOptions, 'dbFile' | 'progress'> & { dbFile?: string }, lines: string[] = []) =>
  Effect.runPromise(
    ingest({
      dbFile: opts.dbFile ?? freshDb(),
      publish: false,
      parseWorkers: 1,
      progress: (l) => lines.push(l),
      ...opts,
    })
  )

const rows = async (db: string, sql: string) => {
  const wh = await Effect.runPromise(openWarehouse(db))
  try {
    return await queryRows(wh.conn, sql)
  } finally {
    await Effect.runPromise(closeWarehouse(wh))
  }
}

/** The loaded content of a warehouse, without what names the run or the clock. */
const content = (db: string) =>
  rows(
    db,
    `SELECT a.url, a.title, epoch(a.published_at) AS published_s, a.content_hash, a.province_code_2008,
            (SELECT count(*) FROM document_mentions d WHERE d.article_id = a.article_id) AS documents
     FROM articles a ORDER BY a.url`
  )

const warcRecord = (url: string, type: string, body: string, warcType: 'response' | 'request' = 'response') =>
  WARCRecord.create(
    {
      url,
      date: '2024-03-06T02:00:00Z',
      type: warcType,
      warcVersion: 'WARC/1.1',
      ...(warcType === 'response'
        ? { statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': type } }
        : { httpHeaders: { Host: 'langson.gov.vn' } }),
    },
    [new TextEncoder().encode(body)]
  )

const writeWarc = async (file: string, gzip: boolean) => {
  const records = [
    warcRecord('https://langson.gov.vn/tin-tuc/warc-1.html', 'text/html; charset=utf-8', articleHtml(1)),
    warcRecord('https://langson.gov.vn/tin-tuc/warc-1.html', '', '', 'request'),
    warcRecord('https://langson.gov.vn/anh/logo.png', 'image/png', 'PNG'),
    warcRecord('https://langson.gov.vn/tin-tuc/warc-2.html', 'text/html', articleHtml(2)),
  ]
  const parts = await Promise.all(records.map((r) => WARCSerializer.serialize(r, { gzip })))
  writeFileSync(file, Buffer.concat(parts))
}

describe('thidua ingest', () => {
  it('loads the HTML responses of WARC files, gzip per record or plain, on two parse workers', async () => {
    const gz = path.join(dir, 'a.warc.gz')
    const plain = path.join(dir, 'b.warc')
    await writeWarc(gz, true)
    await writeWarc(plain, false)
    const db = freshDb()
    const s = await run({ dbFile: db, paths: [gz, plain], parseWorkers: 2 })
    // Two articles per file, the same two URLs: the second file's copies are already in.
    expect(s).toMatchObject({ articles: 2, failures: 0, bad: 0, already_ingested: 2, not_articles: 2 })
    const loaded = await content(db)
    expect(loaded.map((r) => r.url)).toEqual([
      'https://langson.gov.vn/tin-tuc/warc-1.html',
      'https://langson.gov.vn/tin-tuc/warc-2.html',
    ])
    expect(loaded.every((r) => Number(r.documents) >= 1)).toBe(true)
  }, 120_000)

  it('loads a folder of saved pages by their canonical URL or --base-url, and names a page with neither', async () => {
    const folder = path.join(dir, 'saved')
    mkdirSync(path.join(folder, 'sub'), { recursive: true })
    writeFileSync(path.join(folder, 'a.html'), articleHtml(3, 'https://baolangson.vn/bai-3.html'))
    writeFileSync(path.join(folder, 'sub', 'b.htm'), articleHtml(4))
    const lines: string[] = []
    const without = await run({ paths: [folder] }, lines)
    expect(without).toMatchObject({ articles: 1, bad: 1 })
    expect(lines).toContain(
      `ingest: ${path.join(folder, 'sub', 'b.htm')}: the page names no canonical URL or og:url (give --base-url)`
    )
    const db = freshDb()
    const withBase = await run({ dbFile: db, paths: [folder], baseUrl: 'https://langson.gov.vn/luu/' })
    expect(withBase).toMatchObject({ articles: 2, bad: 0 })
    expect((await content(db)).map((r) => r.url)).toEqual([
      'https://baolangson.vn/bai-3.html',
      'https://langson.gov.vn/luu/sub/b.htm',
    ])
  }, 120_000)

  it('loads JSONL pages and article texts, counting each bad line in one line and losing no good one', async () => {
    const file = path.join(dir, 'mixed.jsonl')
    writeFileSync(
      file,
      [
        JSON.stringify({ url: 'https://langson.gov.vn/tin-tuc/html-5.html', html: articleHtml(5) }),
        textLine(6),
        '{not json',
        JSON.stringify({ title: 'no url', text: 'x' }),
        JSON.stringify({ url: 'https://langson.gov.vn/x.html', text: 'Văn bản', published: '2024-02-30' }),
        '',
        textLine(7),
      ].join('\n')
    )
    const lines: string[] = []
    const db = freshDb()
    const s = await run({ dbFile: db, paths: [file] }, lines)
    expect(s).toMatchObject({ read: 6, articles: 3, bad: 3, failures: 0 })
    expect(lines.filter((l) => l.startsWith(`ingest: ${file}:`))).toEqual([
      expect.stringMatching(new RegExp(`^ingest: ${file}:3: not JSON \\(.+\\)$`)),
      `ingest: ${file}:4: no "url"`,
      `ingest: ${file}:5: "published" is not a date: 2024-02-30`,
    ])
    const loaded = await content(db)
    // A date alone is that day at midnight in Vietnam; the saved page keeps its own time.
    const at = (iso: string) => Date.parse(iso) / 1000
    expect(loaded.map((r) => [r.url, Number(r.published_s)])).toEqual([
      ['https://langson.gov.vn/tin-tuc/bai-6.html', at('2024-03-06T00:00:00+07:00')],
      ['https://langson.gov.vn/tin-tuc/bai-7.html', at('2024-03-06T00:00:00+07:00')],
      ['https://langson.gov.vn/tin-tuc/html-5.html', at('2024-03-06T08:00:00+07:00')],
    ])
  }, 120_000)

  it('refuses a missing path or an unknown file type in one line, before touching the database', async () => {
    const db = freshDb()
    await expect(run({ dbFile: db, paths: [path.join(dir, 'nope.jsonl')] })).rejects.toThrow(
      `ingest: no such file or directory: ${path.join(dir, 'nope.jsonl')}`
    )
    const odd = path.join(dir, 'notes.txt')
    writeFileSync(odd, 'x')
    await expect(run({ dbFile: db, paths: [odd] })).rejects.toThrow(
      `ingest: unknown input type: ${odd} (expected .warc, .warc.gz, .jsonl or a directory)`
    )
  })

  it('resumes: a rerun skips what is in, and a run cut short then rerun equals one clean run', async () => {
    const all = Array.from({ length: 12 }, (_, i) => textLine(20 + i))
    const full = path.join(dir, 'all.jsonl')
    const head = path.join(dir, 'head.jsonl')
    writeFileSync(full, all.join('\n'))
    writeFileSync(head, all.slice(0, 5).join('\n'))
    const clean = freshDb()
    expect(await run({ dbFile: clean, paths: [full] })).toMatchObject({ articles: 12, already_ingested: 0 })
    expect(await run({ dbFile: clean, paths: [full] })).toMatchObject({ articles: 0, already_ingested: 12 })
    // What a kill leaves: the first batches committed; the rerun reads the whole input again.
    const resumed = freshDb()
    await run({ dbFile: resumed, paths: [head] })
    expect(await run({ dbFile: resumed, paths: [full] })).toMatchObject({ articles: 7, already_ingested: 5 })
    expect(await content(resumed)).toEqual(await content(clean))
  }, 180_000)
})
