/**
 * The contract every platform folder keeps: an article its renderer prints is an article URL for the
 * crawler, is recognised as that platform, and reads back with the facts planted in it. A new folder
 * is checked here without writing a test.
 */
import { describe, expect, it } from 'vitest'
import { isArticleUrl } from '../crawl/classify.ts'
import type { Platform, SourceConfig } from '../domain/source.ts'
import { parseArticle } from '../parse/parse-article.ts'
import type { PageArticle, Site } from '../snapshot/types.ts'
import { PLATFORMS } from './index.ts'
import { selectorTable } from './read/table.ts'

const siteOf = (platform: Platform): Site => {
  const host = `${platform}.example.gov.vn`
  const source: SourceConfig = {
    id: `contract-${platform}`,
    name: `Cổng thông tin thử nghiệm ${platform}`,
    province_code_2008: null,
    province_code_2025: null,
    platform,
    base_url: `https://${host}/`,
    entry_points: [],
  }
  return { source, host, origin: `https://${host}`, platform }
}

const PARAGRAPHS = [
  'Sáng 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm 2023 và phát động thi đua năm 2024.',
  'Hội nghị đã biểu dương các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua, đề ra nhiệm vụ trọng tâm năm tới.',
  'Phát biểu tại hội nghị, lãnh đạo tỉnh yêu cầu các sở, ngành, địa phương tiếp tục đổi mới nội dung và hình thức thi đua.',
]

const articleOn = (site: Site, platform: Platform): PageArticle => {
  const category = PLATFORMS[platform].renderer.category(site)
  const base = {
    id: '20240305',
    slug: 'hoi-nghi-tong-ket-phong-trao-thi-dua-nam-2023',
    published_at: '2024-03-05T08:30:00+07:00',
  }
  return {
    ...base,
    category,
    url: `${site.origin}${PLATFORMS[platform].renderer.articlePath(site, { ...base, category: category.alias })}`,
    title: 'Hội nghị tổng kết phong trào thi đua yêu nước năm 2023',
    lead: 'Tỉnh tổng kết phong trào thi đua yêu nước năm 2023, phát động thi đua năm 2024.',
    paragraphs: PARAGRAPHS,
    images: [],
    authors: ['Minh Anh'],
    tags: [],
    origin: 'rebuilt',
    factId: 'contract-fact',
    dateline: null,
    variants: [],
  }
}

describe('every platform folder', () => {
  for (const [name, platform] of Object.entries(PLATFORMS)) {
    it(`${name}: render → classify → parse gives back the planted facts`, () => {
      expect(platform.name).toBe(name)
      const site = siteOf(platform.name)
      const a = articleOn(site, platform.name)
      const html = platform.renderer.renderArticle(site, a, [])
      expect(isArticleUrl(a.url, platform.name)).toBe(true)
      const parsed = parseArticle(html, a.url)
      if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`)
      const r = parsed.article
      expect(r.platform).toBe(name)
      expect(r.title).toBe(a.title)
      expect(r.published_at).toBe(a.published_at)
      for (const p of PARAGRAPHS) expect(r.body_text).toContain(p)
      expect(r.authors).toContain('Minh Anh')
      expect(r.lead).toBe(a.lead)
    })
  }

  it('keeps a listing page out of the articles', () => {
    for (const platform of Object.values(PLATFORMS)) {
      const site = siteOf(platform.name)
      const items = [articleOn(site, platform.name)]
      const [first] = platform.renderer.renderListings(site, items)
      const parsed = parseArticle(first!.html, `${site.origin}${first!.path}`)
      expect(parsed.ok, platform.name).toBe(false)
    }
  })
})

describe('selectorTable', () => {
  it('splits alternatives in order of preference and keeps selector lists whole', () => {
    const t = selectorTable('title  h1.a | h1\ntags   .tags a, .tag a\n')
    expect(t.title).toEqual(['h1.a', 'h1'])
    expect(t.tags).toEqual(['.tags a, .tag a'])
  })

  it('refuses an unknown part in one line naming it', () => {
    expect(() => selectorTable('titel  h1')).toThrow('selector table: bad line "titel  h1"')
  })
})
