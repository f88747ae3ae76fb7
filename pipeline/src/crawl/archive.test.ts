import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { WARCRecord, WARCSerializer } from 'warcio'
import { describe, expect, it } from 'vitest'
import { ArchiveWriter, readArchive, recordBytes } from './archive.ts'

const ID = '<urn:uuid:00000000-0000-4000-8000-000000000001>'
const record = (body: Uint8Array, payload?: string) =>
  WARCRecord.create(
    {
      url: 'https://a.vn/tin/1.html',
      date: '2026-01-02T03:04:05Z',
      type: 'response',
      warcVersion: 'WARC/1.1',
      statusline: 'HTTP/1.1 200 OK',
      httpHeaders: [
        ['content-type', 'text/html; charset=utf-8'],
        ['etag', '"x1"'],
      ],
      warcHeaders: {
        'WARC-Record-ID': ID,
        ...(payload ? { 'WARC-Payload-Digest': payload } : {}),
        'Thidua-Source-Id': 'a',
      },
    },
    [body]
  )

describe('WARC records hashed with node:crypto', () => {
  const bodies = [new TextEncoder().encode('<html><body>Thi đua yêu nước</body></html>'), new Uint8Array(0)]
  it.each(bodies.map((b) => [b.length, b]))(
    'are byte for byte what warcio writes (%i-byte body)',
    async (_n, body) => {
      const theirs = await WARCSerializer.serialize(record(body), { gzip: false })
      const ours = await recordBytes(record(body), body)
      expect(Buffer.from(ours).toString('latin1')).toBe(Buffer.from(theirs).toString('latin1'))
      expect(Buffer.from(ours).toString('latin1')).toMatch(/WARC-Block-Digest: sha256:[0-9a-f]{64}/)
    }
  )

  it('keep a payload digest given by the caller', async () => {
    const body = new TextEncoder().encode('x')
    const given = `sha256:${'ab'.repeat(32)}`
    const ours = Buffer.from(await recordBytes(record(body, given), body)).toString('latin1')
    expect(ours).toContain(`WARC-Payload-Digest: ${given}`)
  })

  it('read back from a gzipped archive with their bodies and ids', async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'thidua-archive-')), 'c.duckdb')
    const w = new ArchiveWriter(db, 'r1')
    const pages = ['một', 'hai', 'ba'].map((t, i) => ({ url: `https://a.vn/${i}.html`, text: t }))
    const ids: string[] = []
    for (const p of pages)
      ids.push(
        await w.append({
          url: p.url,
          source_id: 'a',
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: new TextEncoder().encode(p.text),
          fetched_at: '2026-01-02T03:04:05.000Z',
          is_article: true,
        })
      )
    w.close()
    const back = []
    for await (const r of readArchive(db)) back.push([r.url, new TextDecoder().decode(r.body), r.record_id])
    expect(back).toEqual(pages.map((p, i) => [p.url, p.text, ids[i]]))
  })
})
