import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { snapshotDir } from '../paths.ts'
import { buildSnapshot } from './build.ts'
import { listSnapshotPages, readSnapshotPage, readTruth } from './catalog.ts'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'thidua-snap-'))
const result = buildSnapshot({ outDir: tmp, sourcesFile: path.join(tmp, 'sources.json') })
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const decode = (bytes: Uint8Array, contentType: string): string => {
  if (/windows-1258/.test(contentType))
    return iconv.decode(Buffer.from(bytes), 'windows-1258').normalize('NFC')
  if (/iso-8859-1/.test(contentType)) return iconv.decode(Buffer.from(bytes), 'tcvn').normalize('NFC')
  return Buffer.from(bytes).toString('utf8').normalize('NFC')
}

describe('snapshot build', () => {
  it('is deterministic and the committed snapshot is up to date', () => {
    expect(readFileSync(path.join(tmp, 'truth.jsonl'), 'utf8')).toBe(
      readFileSync(path.join(snapshotDir, 'truth.jsonl'), 'utf8')
    )
    const mine = listSnapshotPages(tmp)
    const committed = listSnapshotPages(snapshotDir)
    expect(mine.map((p) => `${p.url} ${p.file}`)).toEqual(committed.map((p) => `${p.url} ${p.file}`))
    for (const [i, p] of mine.entries())
      expect(Buffer.from(readSnapshotPage(p)).equals(Buffer.from(readSnapshotPage(committed[i]!)))).toBe(true)
  })

  it('meets the issue #3 coverage goals', () => {
    const truth = readTruth(tmp)
    expect(result.sites).toBeGreaterThanOrEqual(8)
    expect(truth.filter((t) => t.origin === 'rebuilt').length).toBeGreaterThanOrEqual(150)
    expect(new Set(truth.map((t) => t.province_code_2008).filter(Boolean)).size).toBeGreaterThanOrEqual(25)
    expect(truth.some((t) => t.published_at < '2025-07-01')).toBe(true)
    expect(truth.some((t) => t.published_at >= '2025-07-01')).toBe(true)
    expect(truth.filter((t) => t.origin === 'captured').map((t) => t.seed)).toEqual(
      expect.arrayContaining(['000', '001', '002', '003', '004'])
    )
  })

  it('puts every truth article on a page that carries its origin, title and body text', () => {
    // Keyed without the scheme: a site's facts may use http and https (both are served).
    const key = (u: string) => u.replace(/^https?:/, '')
    const pages = new Map(
      listSnapshotPages(tmp)
        .filter((p) => p.kind === 'article')
        .map((p) => [key(p.url), p])
    )
    for (const t of readTruth(tmp)) {
      const page = pages.get(key(t.url))
      expect(page, t.url).toBeDefined()
      const html = decode(readSnapshotPage(page!), page!.content_type)
      expect(html).toContain(`<meta name="thidua:origin" content="${t.origin}">`)
      if (t.fact_id && t.origin === 'rebuilt') expect(html).toContain(`content="${t.fact_id}"`)
      const text = html
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
      for (const para of t.body_paragraphs) expect(text, `${t.url}: ${para.slice(0, 40)}`).toContain(para)
    }
  })

  it('keeps the seeds verbatim', () => {
    const truth = readTruth(tmp).filter((t) => t.seed !== null)
    for (const t of truth) {
      const seedText = readFileSync(
        path.join(
          snapshotDir,
          '..',
          'seeds',
          `${t.seed}_${{ '000': '7f2b0f6029494eb8', '001': 'c8ba279a564ecc4f', '002': 'f3039fbd6f5ff209', '003': '86f93bb68bb18f5a', '004': '76a80c90f4edaa84' }[t.seed!]}.txt`
        ),
        'utf8'
      )
      for (const p of t.body_paragraphs) expect(seedText).toContain(p)
    }
  })

  it('has the legacy and URL variants the issue asks for', () => {
    const pages = listSnapshotPages(tmp)
    expect(pages.some((p) => /windows-1258/.test(p.content_type))).toBe(true)
    const tcvn = pages.find((p) => /iso-8859-1/.test(p.content_type))!
    expect(Buffer.from(readSnapshotPage(tcvn)).toString('latin1')).toContain('.VnTime')
    const nfd = readTruth(tmp).find((t) => t.variants.includes('nfd'))!
    const nfdPage = pages.find((p) => p.url.replace(/^https?:/, '') === nfd.url.replace(/^https?:/, ''))!
    expect(Buffer.from(readSnapshotPage(nfdPage)).toString('utf8')).not.toBe(
      Buffer.from(readSnapshotPage(nfdPage)).toString('utf8').normalize('NFC')
    )
    expect(pages.some((p) => p.status === 404)).toBe(true)
    expect(pages.some((p) => p.kind === 'print')).toBe(true)
    expect(pages.some((p) => p.path.includes('utm_source='))).toBe(true)
    expect(
      pages.some(
        (p) =>
          p.kind === 'listing' &&
          /onclick="[^"]*location/.test(Buffer.from(readSnapshotPage(p)).toString('utf8'))
      )
    ).toBe(true)
    expect(
      pages.some(
        (p) => p.kind === 'robots' && /Crawl-delay/.test(Buffer.from(readSnapshotPage(p)).toString('utf8'))
      )
    ).toBe(true)
    const nukeviet = pages.find((p) => p.platform === 'nukeviet' && p.kind === 'article')!
    expect(Buffer.from(readSnapshotPage(nukeviet)).toString('utf8')).toMatch(
      /article:published_time" content="\d{4}-\d\d-\d\dICT\d\d:\d\d:\d\d"/
    )
    expect(readTruth(tmp).some((t) => t.variants.includes('relative-date'))).toBe(true)
    expect(readTruth(tmp).some((t) => t.variants.includes('lazy-images'))).toBe(true)
  })
})
