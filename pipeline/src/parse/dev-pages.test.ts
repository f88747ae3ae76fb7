/**
 * The real-page set's list (data/dev-pages/manifest.jsonl) and the reference body taken from the
 * page's own text between the labelled first and last words.
 */
import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { dateMatches, loadDevManifest, referenceBody, restorePage } from './dev-pages.ts'

describe('data/dev-pages manifest', () => {
  const entries = loadDevManifest()

  it('names each page by repository, path and commit, with labels for every article', () => {
    expect(entries.length).toBeGreaterThan(0)
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    for (const e of entries) {
      expect(e.repo).toMatch(/^[\w.-]+\/[\w.-]+$/)
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(() => new URL(e.url)).not.toThrow()
      if (e.kind === 'article') {
        expect(e.labels.title?.length).toBeGreaterThan(0)
        expect(e.labels.body_first?.split(/\s+/).length).toBeGreaterThanOrEqual(4)
        expect(e.labels.body_last?.split(/\s+/).length).toBeGreaterThanOrEqual(4)
        if (e.labels.published_at) expect(e.labels.published_at).toMatch(/\+07:00$/)
      }
    }
  })

  it('freezes the test split by whole sites, at least a third of the pages', () => {
    const splitOf = new Map<string, string>()
    for (const e of entries) {
      expect(splitOf.get(e.site) ?? e.split).toBe(e.split)
      splitOf.set(e.site, e.split)
    }
    expect(entries.filter((e) => e.split === 'test').length).toBeGreaterThanOrEqual(entries.length / 3)
  })
})

describe('referenceBody', () => {
  const html = `<html><body><div class="menu">Trang chủ | Tin tức</div><h1>Tiêu đề bài</h1>
    <p>Sáng 20/10, tỉnh tổ chức đại hội thi đua yêu nước lần thứ VI.</p><p>Đại hội biểu dương 120 tập thể.</p>
    <p>Đại hội kết thúc lúc 17 giờ cùng ngày.</p><div class="footer">Địa chỉ: số 1 đường Trung tâm</div></body></html>`

  it('is the page text from the first labelled words to the last', () => {
    expect(referenceBody(html, 'Sáng 20/10, tỉnh tổ chức', 'lúc 17 giờ cùng ngày')).toBe(
      'Sáng 20/10, tỉnh tổ chức đại hội thi đua yêu nước lần thứ VI. Đại hội biểu dương 120 tập thể. Đại hội kết thúc lúc 17 giờ cùng ngày'
    )
  })

  it('matches labels written without accents or punctuation the same way', () => {
    expect(referenceBody(html, 'sang 20 10 tinh to chuc', 'Dai hoi bieu duong 120 tap the')).toMatch(
      /^Sáng 20\/10.*120 tập thể$/
    )
  })

  it('reads a page kept without <html> and <body> (a copied container) whole', () => {
    const fragment =
      '<div class="main"><h1>Tiêu đề</h1><p>Sáng nay đại hội khai mạc.</p><p>Chiều bế mạc.</p></div>'
    expect(referenceBody(fragment, 'Sáng nay', 'Chiều bế mạc')).toBe(
      'Sáng nay đại hội khai mạc. Chiều bế mạc'
    )
  })

  it('is null when a label is not on the page', () => {
    expect(referenceBody(html, 'không có trên trang này', 'cùng ngày')).toBe(null)
  })
})

describe('restorePage', () => {
  const page = '<html lang="vi"><title>Việt Nam – Đà Nẵng</title></html>'

  it('gunzips a page a repository keeps as .gz', () => {
    expect(restorePage({ path: 'x/page.html.gz' }, gzipSync(Buffer.from(page))).toString('utf8')).toBe(page)
  })

  it('undoes UTF-8 that was read as Latin-1 and saved again', () => {
    const mangled = Buffer.from(Buffer.from(page, 'utf8').toString('latin1'), 'utf8')
    expect(mangled.toString('utf8')).toContain('Viá»\u0087t')
    expect(restorePage({ path: 'x.js', repair: 'utf8-mojibake' }, mangled).toString('utf8')).toBe(page)
  })

  it('refuses the repair on text that is not Latin-1 mojibake', () => {
    expect(() => restorePage({ path: 'x.js', repair: 'utf8-mojibake' }, Buffer.from(page))).toThrow(
      /not Latin-1 mojibake/
    )
  })

  it('leaves other pages byte for byte', () => {
    expect(restorePage({ path: 'x.html' }, Buffer.from(page)).toString('utf8')).toBe(page)
  })
})

describe('dateMatches', () => {
  const minute = {
    published_at: '2025-10-22T19:25:00+07:00',
    date_printed: 'Thứ tư, 22/10/2025, 19:25 (GMT+7)',
  }
  const day = { published_at: '2024-08-30T00:00:00+07:00', date_printed: '30 tháng 8, 2024' }

  it('compares to the minute when the page prints a time', () => {
    expect(dateMatches('2025-10-22T19:25:52+07:00', minute)).toBe(true)
    expect(dateMatches('2025-10-22T19:26:00+07:00', minute)).toBe(false)
    expect(dateMatches('2025-10-22T00:00:00+07:00', minute)).toBe(false)
  })

  it('compares the day when the page prints a date alone', () => {
    expect(dateMatches('2024-08-30T10:11:12+07:00', day)).toBe(true)
    expect(dateMatches('2024-08-31T00:00:00+07:00', day)).toBe(false)
  })

  it('matches a page that prints no date only by no date', () => {
    expect(dateMatches(null, { published_at: null })).toBe(true)
    expect(dateMatches('2024-08-30T00:00:00+07:00', { published_at: null })).toBe(false)
    expect(dateMatches(null, day)).toBe(false)
  })
})
