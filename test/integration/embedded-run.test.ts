/**
 * End to end on the embedded default: `thidua run` over the offline snapshot (through the simulator)
 * into a temporary database, then the published version is checked the way a user would query it.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, seedsDir } from '../../pipeline/src/paths.ts'
import { readTruth } from '../../pipeline/src/snapshot/catalog.ts'
import { currentPointer, publishedDir } from '../../pipeline/src/warehouse/publish.ts'
import { cookbookRecipes } from '../../pipeline/src/warehouse/cookbook.ts'

const exec = promisify(execFile)
let dir = ''
let db = ''

const sql = async <T = Record<string, unknown>>(query: string): Promise<T[]> => {
  const { stdout } = await exec(
    'pnpm',
    ['--silent', 'thidua', 'sql', '--db', db, '--format', 'json', query],
    {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    }
  )
  return JSON.parse(stdout) as T[]
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'thidua-e2e-'))
  db = path.join(dir, 'e2e.duckdb')
  await exec('pnpm', ['--silent', 'thidua', 'run', '--db', db], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  })
}, 600_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('thidua run on the embedded snapshot', () => {
  it('publishes a version that the sql command can read', async () => {
    const pointer = (await readFile(currentPointer(db), 'utf8')).trim()
    expect(pointer).toMatch(/\.duckdb$/)
    const files = await readdir(publishedDir(db))
    expect(files).toContain(pointer)
  })

  it('loads at least 150 articles from at least 8 sources and 25 provinces', async () => {
    const [row] = await sql<{ articles: number; sources: number; provinces: number }>(
      `select count(*)::int as articles, count(distinct source_id)::int as sources,
              count(distinct province_code_2008)::int as provinces from articles`
    )
    expect(row!.articles).toBeGreaterThanOrEqual(150)
    expect(row!.sources).toBeGreaterThanOrEqual(8)
    expect(row!.provinces).toBeGreaterThanOrEqual(25)
  })

  it('keeps both origins: captured seeds and rebuilt articles', async () => {
    const rows = await sql<{ origin: string; n: number }>(
      'select origin, count(*)::int as n from articles group by origin order by origin'
    )
    const byOrigin = Object.fromEntries(rows.map((r) => [r.origin, r.n]))
    expect(byOrigin.captured).toBeGreaterThanOrEqual(5)
    expect(byOrigin.rebuilt).toBeGreaterThanOrEqual(150)
  })

  it('keeps the five seed texts intact', async () => {
    const pages = await sql<{ title: string; body_text: string }>(
      "select title, body_text from articles where origin = 'captured'"
    )
    const all = pages.map((p) => `${p.title}\n${p.body_text}`.replace(/\s+/g, ' ')).join('\n')
    for (const f of (await readdir(seedsDir)).filter((n) => n.endsWith('.txt'))) {
      const text = await readFile(path.join(seedsDir, f), 'utf8')
      // Every prose paragraph of each seed survives verbatim; page chrome, image file names and photo
      // captions ("... Ảnh: Thanh Nga") are kept out of the body by design.
      // The article ends where the page's related-news and widget blocks begin.
      const end = text.search(
        /^(Có thể bạn quan tâm|Tin cùng chuyên mục|Tin mới|TIN MỚI HƠN|Số lượt người xem|Tổng số điểm|Trả lời)/mu
      )
      const paragraphs = (end > 0 ? text.slice(0, end) : text)
        .split(/\n\s*\n/)
        // A block of several lines is an image with its caption, not prose.
        .filter((block) => !block.trim().includes('\n'))
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p.length > 120 && p.split(' ').length > 20 && !/Ảnh:? ?(tư liệu|[A-ZĐ])/u.test(p))
      expect(paragraphs.length, f).toBeGreaterThan(0)
      for (const paragraph of paragraphs) expect(all, `${f}: ${paragraph.slice(0, 60)}`).toContain(paragraph)
    }
  })

  it('lists the documents the seed articles cite', async () => {
    const docs = await sql<{ type: string; number: string; symbol: string | null; issued_on: string | null }>(
      'select type, number, symbol, issued_on::varchar as issued_on, province_code_2025 from documents'
    )
    const find = (number: string, symbol: string | null) =>
      docs.find((d) => d.number === number && (d.symbol ?? null) === symbol)
    expect(find('138', 'KH-UBND')?.issued_on).toBe('2024-06-10')
    expect(find('156', 'KH-UBND')?.issued_on).toBe('2019-10-15')
    expect(find('22', 'CT/TW')?.issued_on).toBe('2018-01-23')
    expect(find('34', 'CT/TW')?.issued_on).toBe('2014-04-07')
    expect(find('41', 'CT/TW')?.issued_on).toBe('2024-12-26')
    expect(find('01', null)?.type).toBe('directive')
    expect(find('2297', null)?.type).toBe('plan')
  })

  it('attributes the seed documents to their provinces', async () => {
    const rows = await sql<{ number: string; symbol: string | null; province_code_2025: string | null }>(
      "select number, symbol, province_code_2025 from documents where number in ('138', '01', '2297')"
    )
    expect(rows.find((r) => r.number === '138' && r.symbol === 'KH-UBND')?.province_code_2025).toBe('20')
    // Lào Cai's Chỉ thị số 01 (2025): new Lào Cai is code 15; Kon Tum's plan 2297: Quảng Ngãi 51.
    expect(rows.find((r) => r.number === '01' && r.symbol === null)?.province_code_2025).toBe('15')
    expect(rows.find((r) => r.number === '2297')?.province_code_2025).toBe('51')
  })

  it('leaves the unnamed city portal unattributed: "tư tưởng Hồ Chí Minh" is not the city', async () => {
    const [article] = await sql<{ p8: string | null; p25: string | null }>(
      `select province_code_2008 as p8, province_code_2025 as p25 from articles
       where source_id = 'halong-quangninh' and origin = 'captured'`
    )
    expect(article).toEqual({ p8: null, p25: null })
    const [plan] = await sql<{ province_code_2025: string | null; issuer_scope: string }>(
      "select province_code_2025, issuer_scope from documents where number = '156' and symbol = 'KH-UBND'"
    )
    expect(plan).toEqual({ province_code_2025: null, issuer_scope: 'unknown' })
  })

  it('carries the planned time of the seed congresses, coreference and year-only plans included', async () => {
    const planned = async (p8: string, ordinal: number) =>
      (
        await sql<{ s: string | null; e: string | null }>(
          `select planned_start::varchar as s, planned_end::varchar as e from events
           where kind = 'dai_hoi_thi_dua' and scope = 'province' and province_code_2008 = '${p8}' and ordinal = ${ordinal}`
        )
      )[0]
    // Lạng Sơn VI: "Cấp tỉnh tổ chức "Đại hội Thi đua yêu nước", thời gian dự kiến trong tháng 8/2025".
    expect(await planned('20', 6)).toEqual({ s: '2025-08-01', e: '2025-08-31' })
    // Lào Cai VI "năm 2025": no finer time in the text.
    expect(await planned('10', 6)).toEqual({ s: '2025-01-01', e: '2025-12-31' })
    // Kon Tum VIII "được tổ chức vào tháng 9/2020".
    expect(await planned('62', 8)).toEqual({ s: '2020-09-01', e: '2020-09-30' })
  })

  it('names the issuer of the seed plans readably, keeping the wording on the mention', async () => {
    const [doc] = await sql<{ issuer: string }>(
      "select issuer from documents where number = '138' and symbol = 'KH-UBND' and province_code_2025 = '20'"
    )
    // Since extractor d-2026.6 issuers come in the canonical form (pipeline/src/extract/issuer-canonical.ts).
    expect(doc?.issuer).toBe('Ủy ban nhân dân tỉnh Lạng Sơn')
    const mentions = await sql<{ issuer: string }>(
      `select dm.issuer from document_mentions dm join articles a using (article_id)
       where dm.number = '138' and a.origin = 'captured'`
    )
    expect(mentions.map((m) => m.issuer)).toEqual(['Ủy ban nhân dân tỉnh Lạng Sơn'])
  })

  it('resolves a Party directive cited without its symbol to the one with it', async () => {
    const rows = await sql<{ symbol: string | null; is_central: boolean }>(
      "select symbol, is_central from documents where type = 'directive' and number = '34'"
    )
    expect(rows).toEqual([{ symbol: 'CT/TW', is_central: true }])
  })

  it('dates every article as its page does, relative dates ("2 giờ trước") included', async () => {
    const rows = await sql<{ url: string; published_at: string | null }>(
      "select url, strftime(published_at, '%Y-%m-%dT%H:%M') as published_at from articles"
    )
    const byUrl = new Map(rows.map((r) => [r.url, r.published_at]))
    const relative = readTruth().filter((t) => t.variants.includes('relative-date'))
    expect(relative.length).toBeGreaterThan(0)
    for (const t of relative) {
      const expected = new Date(t.published_at!).toISOString().slice(0, 16)
      expect(byUrl.get(t.url), t.url).toBe(expected)
    }
  })

  // docs/sql-cookbook.md: every question has an answer on the embedded data, through `thidua sql`.
  it.each(cookbookRecipes())('answers cookbook question $title with rows', async ({ sql: query }) => {
    expect((await sql(query)).length).toBeGreaterThan(0)
  })
})
