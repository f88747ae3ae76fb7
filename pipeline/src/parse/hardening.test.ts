/**
 * Hostile pages (issue #18): deep nesting, runs of combining marks, control and bidi characters.
 * Each must cost little and come back as an article or one clear failure, never a thrown error.
 */
import { describe, expect, it } from 'vitest'
import { parseHtml } from './doc.ts'
import { parseArticle } from './parse-article.ts'
import { capCombiningMarks, cleanInline, MAX_COMBINING_MARKS, stripControls } from './text.ts'

const URL_ = 'https://vidu.gov.vn/tin-tuc/bai-viet-1.html'
const para =
  'Ủy ban nhân dân tỉnh ban hành kế hoạch tổ chức phong trào thi đua yêu nước năm 2024, giao các sở, ngành triển khai thực hiện đến cơ sở.'

const page = (body: string, title = 'Kế hoạch thi đua yêu nước năm 2024') =>
  `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`

describe('hostile input', () => {
  it('parses HTML nested 10,000 deep in well under 2 s without overflowing the stack', () => {
    const depth = 10_000
    const html = page(`${'<div>'.repeat(depth)}<p>${para}</p><p>${para}</p>${'</div>'.repeat(depth)}`)
    const t0 = performance.now()
    const r = parseArticle(html, URL_)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.article.body_text).toContain('phong trào thi đua yêu nước')
  })

  it('keeps the text of elements below the depth cap', () => {
    const doc = parseHtml(`<body>${'<span>'.repeat(5000)}sâu nhất${'</span>'.repeat(5000)}<p>sau</p></body>`)
    expect(doc.elements.length).toBeLessThan(1000)
    expect(doc.byTag('p').length).toBe(1)
  })

  it('caps runs of combining marks before NFC, so a 15 MB run costs well under 2 s', () => {
    const run = 'a' + '\u0301\u0323'.repeat(3_750_000) // 15 MB in UTF-8
    const t0 = performance.now()
    const r = parseArticle(page(`<p>${para}</p><p>${run}</p>`), URL_)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.article.body_text.length).toBeLessThan(1000)
  })

  it('leaves Vietnamese marks alone and cuts longer runs to the cap', () => {
    const nfd = 'Việt Nam thi đua'.normalize('NFD')
    expect(capCombiningMarks(nfd)).toBe(nfd)
    const capped = capCombiningMarks(`e${'\u0301'.repeat(50)}x`)
    expect(capped).toBe(`e${'\u0301'.repeat(MAX_COMBINING_MARKS)}x`)
  })

  it('strips NUL and bidi controls from titles and text', () => {
    const title = 'Kế hoạch\u0000 thi đua \u202eexe.gnp\u202c năm 2024'
    const r = parseArticle(page(`<p>${para}\u0000\u2066x\u2069</p><p>${para}</p>`, title), URL_)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.article.title).toBe('Kế hoạch thi đua exe.gnp năm 2024')
    expect(r.article.body_text).not.toMatch(/[\u0000\u202a-\u202e\u2066-\u2069]/)
    expect(stripControls('a\tb\nc')).toBe('a\tb\nc')
    expect(cleanInline('x\u200fy')).toBe('xy')
  })

  it('turns an unexpected error into a failure with a reason', () => {
    const r = parseArticle(undefined as unknown as string, URL_)
    expect(r).toEqual({ ok: false, reason: 'empty document' })
  })
})
