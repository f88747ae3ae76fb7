/**
 * The weekly digest through a real SMTP conversation: a local smtp-server (loopback) started here
 * receives the mail nodemailer sends; mailparser reads it; every document first cited that week must be
 * in it, linked. Also: without SMTP settings the digest is written to a file; and every Atom feed the
 * server serves over the same database validates against RFC 4287's RELAX NG schema.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRules } from '../../pipeline/src/alerts/config.ts'
import { evaluateAlerts } from '../../pipeline/src/alerts/evaluate.ts'
import { validateAtom } from '../../pipeline/src/digest/atom-schema.ts'
import { runDigest } from '../../pipeline/src/digest/send.ts'
import { queryRows } from '../../pipeline/src/warehouse/db.ts'
import { finalizeRun } from '../../pipeline/src/warehouse/finalize.ts'
import { loadBatch, upsertSources } from '../../pipeline/src/warehouse/load.ts'
import { closeWarehouseSync, openWarehouseAsync } from '../../pipeline/src/warehouse/open.ts'
import { publish } from '../../pipeline/src/warehouse/publish.ts'
import {
  relationItem,
  relationItems,
  relationSources,
} from '../../pipeline/src/warehouse/testing/relation-items.ts'
import { createApp } from '../../server/src/app.ts'

let dir = ''
let db = ''
let weekDocs: Array<{ document_id: string; label: string }> = []
let ct41 = ''
const received: ParsedMail[] = []
let server: SMTPServer
let port = 0

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-digest-'))
  db = path.join(dir, 'thidua.duckdb')
  const wh = await openWarehouseAsync(db)
  try {
    await upsertSources(wh, relationSources)
    await loadBatch(wh, 'r-digest', [
      ...relationItems,
      relationItem(
        20,
        'langson',
        '2025-03-07',
        'UBND tỉnh Lạng Sơn ban hành Quyết định số 91/QĐ-UBND ngày 6/3/2025 khen thưởng các tập thể.'
      ),
      relationItem(
        21,
        'yenbai',
        '2025-03-08',
        'Tỉnh ủy Yên Bái ban hành Chỉ thị số 12-CT/TU ngày 4/3/2025 về công tác thi đua năm 2025.'
      ),
    ])
    await finalizeRun(wh, 'r-digest')
    weekDocs = (await queryRows(
      wh.conn,
      `SELECT document_id, label FROM documents WHERE first_cited >= DATE '2025-03-03' AND first_cited < DATE '2025-03-10' ORDER BY label`
    )) as never
    const [d41] = await queryRows(
      wh.conn,
      `SELECT document_id FROM documents WHERE label = 'Chỉ thị 41-CT/TW'`
    )
    ct41 = String(d41?.document_id)
    // Alerts fire months after the digest's week, so they stay out of it but fill the alert feeds.
    const rules = parseRules(
      '{"rules":[{"id":"new-central","kind":"new_central_document"},{"id":"ct41","kind":"not_answered","documents":["41-CT/TW"],"after_days":90}]}'
    )
    await evaluateAlerts(wh, rules, { now: new Date('2025-06-01') })
    await publish(wh)
  } finally {
    closeWarehouseSync(wh)
  }
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((m) => {
          received.push(m)
          done()
        })
        .catch(done)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

describe('thidua digest', () => {
  it('mails the week’s new documents, each linked, through SMTP', async () => {
    expect(weekDocs.map((d) => d.label)).toEqual([
      'Chỉ thị 12-CT/TU',
      'Kế hoạch 45/KH-UBND',
      'Quyết định 91/QĐ-UBND',
    ])
    const r = await runDigest({
      dbFile: db,
      day: '2025-03-05',
      outDir: dir,
      env: {
        THIDUA_SMTP_URL: `smtp://127.0.0.1:${port}`,
        THIDUA_DIGEST_TO: 'phong-thi-dua@example.vn',
        THIDUA_PUBLIC_URL: 'https://atlas.example.vn',
      },
    })
    expect(r).toMatchObject({ sent: true, to: ['phong-thi-dua@example.vn'], documents: 3 })
    expect(received).toHaveLength(1)
    const mail = received[0]!
    expect(mail.subject).toContain('bản tin tuần 3/3/2025–9/3/2025')
    const html = String(mail.html)
    for (const d of weekDocs) {
      expect(html).toContain(d.label)
      expect(html).toContain(`https://atlas.example.vn/documents/${d.document_id}`)
    }
    // A document first cited in another week is not "new" here.
    expect(html).not.toContain('Kế hoạch 30/KH-UBND')
    expect(html).toContain('Văn bản mới')
  })

  it('writes the digest to a file when no SMTP server is configured, and fails in one line on bad input', async () => {
    const r = await runDigest({ dbFile: db, day: '2025-03-05', outDir: path.join(dir, 'out'), env: {} })
    expect(r.sent).toBe(false)
    if (r.sent) return
    expect(path.basename(r.file)).toBe('digest-2025-03-03.html')
    expect(readFileSync(r.file, 'utf8')).toContain('Quyết định 91/QĐ-UBND')
    await expect(runDigest({ dbFile: db, day: 'tuần trước', outDir: dir, env: {} })).rejects.toThrow(
      'not a date: "tuần trước"'
    )
    await expect(
      runDigest({
        dbFile: db,
        day: '2025-03-05',
        outDir: dir,
        env: { THIDUA_SMTP_URL: 'smtp://127.0.0.1:1' },
      })
    ).rejects.toThrow('THIDUA_DIGEST_TO names no recipient')
  })

  it('serves Atom feeds (province, campaign, document, alerts, one rule) valid against RFC 4287', async () => {
    const h = await createApp({ dbFile: db, watch: false, log: () => {} })
    try {
      for (const url of [
        '/api/feeds/provinces/20.atom?system=2025',
        '/api/feeds/campaigns/xoa_nha_tam.atom',
        `/api/feeds/documents/${ct41}.atom`,
        '/api/feeds/alerts.atom',
        '/api/feeds/alerts/ct41.atom',
      ]) {
        const res = await h.app.request(`https://atlas.example.vn${url}`)
        expect(res.status, url).toBe(200)
        const xml = await res.text()
        expect(xml, url).toContain('<entry>')
        expect(await validateAtom(xml), url).toEqual([])
      }
    } finally {
      await h.close()
    }
  })
})
