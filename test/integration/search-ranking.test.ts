/**
 * Search a researcher would accept (issue #13): 32 queries over the embedded database, each with the
 * article a reader expects first (or among the first three) and what must not come back. The database
 * is built by `thidua run` on the offline snapshot; the queries go through the real API.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type AppHandle } from '../../server/src/app.ts'
import { repoRoot } from '../../pipeline/src/paths.ts'

const exec = promisify(execFile)
let dir = ''
let h: AppHandle

interface Hit {
  article_id: string
  title: string
  province_code_2008: string | null
  snippet: string
}
const search = async (q: string, limit = 10): Promise<{ total: number; rows: Hit[] }> => {
  const res = await h.app.request(`/api/articles?q=${encodeURIComponent(q)}&limit=${limit}`)
  expect(res.status, q).toBe(200)
  return (await res.json()) as { total: number; rows: Hit[] }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'thidua-search-'))
  const db = path.join(dir, 'search.duckdb')
  await exec('pnpm', ['--silent', 'thidua', 'run', '--db', db], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  })
  h = await createApp({ dbFile: db, watch: false, log: () => {} })
}, 600_000)
afterAll(async () => {
  await h?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** [query, a title fragment expected first, or within the first `within` hits]. */
const FIRST: Array<[string, string, number?]> = [
  ['dai hoi thi dua lang son', 'Kế hoạch tổ chức Đại hội thi đua yêu nước các cấp'],
  ['138/KH-UBND', 'Kế hoạch tổ chức Đại hội thi đua yêu nước các cấp'],
  ['Đại hội thi đua yêu nước lần thứ VI Quảng Ninh', 'Quảng Ninh họp Đại hội Thi đua yêu nước lần thứ VI'],
  ['quang ngai kon tum', 'Quảng Ngãi nhìn lại 5 năm của cả Quảng Ngãi và Kon Tum'],
  ['khat vong song lam', 'khát vọng sông Lam'],
  ['dong thap huan chuong doc lap', 'Đồng Tháp đón Huân chương Độc lập'],
  ['tay ninh 2015-2020', 'Tây Ninh tổng kết thi đua 2015-2020'],
  ['dai hoi thi dua hau giang', 'Đại hội thi đua Hậu Giang lần thứ V'],
  ['Hậu Giang', 'Hậu Giang', 2],
  ['ninh binh lan thu I', 'Ninh Bình', 2],
  ['gia lai nha tam', 'Gia Lai họp Đại hội Thi đua yêu nước lần thứ nhất'],
  ['co thi dua cua thu tuong', 'Cờ thi đua của Thủ tướng', 2],
  ['hoc tap va lam theo', 'học tập và làm theo Bác', 2],
  ['Lời kêu gọi thi đua ái quốc', 'Lời kêu gọi thi đua ái quốc', 3],
  ['"thi đua ái quốc"', 'thi đua ái quốc', 3],
  ['nong thon moi', 'nông thôn mới', 3],
  ['thua thien hue', 'Thừa Thiên Huế', 2],
  ['Kon Tum', 'Kon Tum', 2],
  ['cum thi dua', 'cụm thi đua', 2],
  ['xoa nha tam', 'nhà tạm', 3],
  ['huan chuong lao dong', 'Huân chương Lao động', 3],
  ['hoi nghi dien hinh tien tien', 'Hội nghị', 2],
  ['ngay vi nguoi ngheo', 'vì người nghèo'],
  ['province:20 thi dua', 'Kế hoạch tổ chức Đại hội thi đua yêu nước các cấp', 3],
  ['province:"Thừa Thiên Huế" dai hoi', 'Huế', 1],
]

describe('search ranking on the embedded data', () => {
  it.each(FIRST)('%s → "%s" first', async (q, fragment, within = 1) => {
    const { rows } = await search(q)
    const top = rows.slice(0, within).map((r) => r.title.toLowerCase())
    expect(
      top.some((t) => t.includes(fragment.toLowerCase())),
      `${q}: ${top.join(' | ')}`
    ).toBe(true)
  })

  it('every word is required: the Lạng Sơn congress query does not return the whole corpus', async () => {
    const { total, rows } = await search('dai hoi thi dua lang son', 50)
    expect(total).toBeLessThan(20)
    for (const r of rows) expect(r.province_code_2008).toBe('20')
  })

  it('a word written with diacritics matches them: "đưa" is not "đua"', async () => {
    const dua = await search('đua', 200)
    const dua2 = await search('đưa', 200)
    expect(dua2.total).toBeLessThan(dua.total)
    for (const r of dua2.rows) expect(r.snippet).toContain('<mark>đưa</mark>')
  })

  it('a phrase must hold in that order; NOT and -word exclude', async () => {
    const loose = await search('ái quốc thi đua', 200)
    const phrase = await search('"ái quốc thi đua"', 200)
    expect(phrase.total).toBeLessThan(loose.total)
    const all = await search('thi dua', 200)
    const without = await search('thi dua -dai', 200)
    expect(without.total).toBeLessThan(all.total)
    expect((await search('thi dua NOT dai', 200)).total).toBe(without.total)
  })

  it('OR widens; fields filter by province, document type, number and year', async () => {
    const a = (await search('"Hậu Giang"')).total
    const b = (await search('"Tây Ninh"')).total
    expect((await search('"Hậu Giang" OR "Tây Ninh"')).total).toBe(a + b)
    const plans = await search('type:plan', 200)
    expect(plans.total).toBeGreaterThan(0)
    const cited = await search('number:41-CT/TW', 200)
    expect(cited.total).toBeGreaterThan(0)
    expect(cited.total).toBeLessThan(plans.total + 50)
    const y = await search('year:2019 thi dua', 200)
    expect(y.total).toBeGreaterThan(0)
    expect(y.total).toBeLessThan((await search('thi dua', 200)).total)
  })

  it('highlights only real matches: no lone "Thị" in names for a multi-word query', async () => {
    const { rows } = await search('dai hoi thi dua lang son', 20)
    for (const r of rows) expect(r.snippet).not.toMatch(/<mark>Thị<\/mark>(?! <mark>)/)
  })
})
