import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseArticle } from './parse-article.ts'
import { tokenF1 } from './text.ts'
import { parseWordPressPost } from './wordpress-rest.ts'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const post = JSON.parse(readFileSync(path.join(fixtures, 'wordpress-post.json'), 'utf8'))

describe('parseWordPressPost(json)', () => {
  const r = parseWordPressPost(post)
  it('reads a REST post: entities decoded, date_gmt as UTC, embedded terms, reporter line as authors', () => {
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const a = r.article
    expect(a.title).toBe('Tuyên dương điển hình tiên tiến năm 2019 – Kon Tum')
    expect(a.url).toBe('https://tv.thunghiem.vn/tuyen-duong-dien-hinh-tien-tien/')
    expect(a.published_at).toBe('2019-05-20T08:10:00+07:00')
    expect(a.updated_at).toBe('2019-05-21T09:00:00+07:00')
    expect(a.category).toBe('Thời sự')
    expect(a.tags).toEqual(['thi đua'])
    expect(a.authors).toEqual(['Nghĩa Hà', 'Đức Thắng'])
    expect(a.dateline).toBe('(thunghiemtv.vn) –')
    expect(a.images[0]?.caption).toBe('Trao Bằng khen. Ảnh: Đức Thắng')
    expect(a.body_text).not.toContain('Trao Bằng khen')
  })
  it('gives the same body as the HTML page of the same post', () => {
    const html = parseArticle(
      readFileSync(path.join(fixtures, 'wordpress-article.html.txt'), 'utf8'),
      'https://tv.thunghiem.vn/tuyen-duong-dien-hinh-tien-tien/'
    )
    expect(html.ok && r.ok).toBe(true)
    if (html.ok && r.ok) expect(tokenF1(r.article.body_text, html.article.body_text)).toBe(1)
  })
  it('explains why a post cannot be read', () => {
    expect(parseWordPressPost(null)).toEqual({ ok: false, reason: 'WordPress REST: not a JSON object' })
    expect(
      parseWordPressPost({
        link: 'https://a.vn/x/',
        title: { rendered: 'T' },
        content: { rendered: '', protected: true },
      })
    ).toEqual({
      ok: false,
      reason: 'WordPress REST: post has no content.rendered (protected or empty)',
    })
  })
})
