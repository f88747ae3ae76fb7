import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type AppHandle } from '../app.ts'
import { buildTestDb } from '../testing/warehouse-db.ts'
import type { OverviewFigures } from './overview-types.ts'
import { expectParts, expectProfileKeys, MILESTONE, TIMELINE_ITEM } from '../testing/answer-keys.ts'

let dir: string
let h: AppHandle
const json = async (url: string) => {
  const res = await h.app.request(url)
  expect(res.status, url).toBe(200)
  return (await res.json()) as any
}
const figures = (q: string) => json(`/api/overview/figures?${q}`) as Promise<OverviewFigures>
const trend = async (q: string) => (await json(`/api/overview/trend?${q}`)).rows as Array<any>

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'thidua-overview-'))
  const db = await buildTestDb(dir)
  h = await createApp({ dbFile: db.dbFile, watch: false })
})
afterAll(async () => {
  await h?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('/api/overview: one filter model for figures and trend', () => {
  it('figures equal the sums of the trend under every filter', async () => {
    for (const q of [
      'system=2025',
      'system=2008',
      'system=2025&from_year=2024',
      'system=2025&source_kind=portal',
    ]) {
      const [f, rows] = await Promise.all([figures(q), trend(q)])
      expect(f.articles, q).toBe(rows.reduce((n, r) => n + r.articles, 0))
      expect(f.all_articles, q).toBe(rows.reduce((n, r) => n + r.all_articles, 0))
      expect(f.provinces_with_data, q).toBe(
        new Set(rows.filter((r) => r.articles > 0).map((r) => r.province_code)).size
      )
    }
  })

  it('the year filter narrows figures and trend', async () => {
    const all = await figures('system=2025')
    const years = (await trend('system=2025')).map((r) => r.year)
    const cut = Math.max(...years)
    const recent = await figures(`system=2025&from_year=${cut}`)
    expect(recent.articles).toBeLessThan(all.articles)
    expect((await trend(`system=2025&from_year=${cut}`)).every((r) => r.year >= cut)).toBe(true)
    const old = await figures(`system=2025&to_year=${cut - 1}`)
    expect(old.articles + recent.articles).toBe(all.articles)
  })

  it('province, source kind and campaign each change the figures', async () => {
    const all = await figures('system=2008')
    const lang = await figures('system=2008&province=20')
    expect(lang.articles).toBeGreaterThan(0)
    expect(lang.articles).toBeLessThan(all.articles)
    expect(lang.provinces_with_data).toBe(1)
    const portals = await figures('system=2008&source_kind=portal')
    const papers = await figures('system=2008&source_kind=newspaper')
    expect(portals.all_articles + papers.all_articles).toBeLessThanOrEqual(all.all_articles)
    expect(portals.all_articles).toBeGreaterThan(0)
    expect(portals.all_articles).toBeLessThan(all.all_articles)
    const campaigns = (await json('/api/campaigns')).rows.filter((r: any) => Number(r.articles) > 0)
    const one = await figures(`system=2008&campaign=${campaigns[0].campaign_id}`)
    expect(one.campaigns).toBeGreaterThanOrEqual(1)
    expect(one.all_articles).toBeLessThan(all.all_articles)
  })

  it('says where the counted articles come from (captured, rebuilt, attachments) and the extractor', async () => {
    const f = await figures('system=2008')
    expect(f.captured + f.rebuilt).toBe(f.articles)
    expect(f.articles).toBeGreaterThan(0)
    expect(f.attachments).toBeGreaterThanOrEqual(0)
    expect(f.extractor_version).toBeTruthy()
  })

  it('refuses a reversed year range in one line', async () => {
    const res = await h.app.request('/api/overview/figures?from_year=2025&to_year=2020')
    expect(res.status).toBe(400)
  })
})

describe('/api/campaigns/adoption obeys the same filters as the heatmap', () => {
  it('the year window moves the first mention and the lag; flags are named', async () => {
    const all = (await json('/api/campaigns/adoption?system=2008')).rows as any[]
    expect(all.length).toBeGreaterThan(0)
    for (const r of all) expect([null, 'before_launch', 'implausible_lag']).toContain(r.lag_flag)
    const withTwoYears = all.find((r) => r.articles > 1) ?? all[0]
    const firstYear = Number(withTwoYears.first_mention.slice(0, 4))
    const later = (
      await json(
        `/api/campaigns/adoption?system=2008&campaign=${withTwoYears.campaign_id}&from_year=${firstYear + 1}`
      )
    ).rows as any[]
    const same = later.find((r) => r.province_code === withTwoYears.province_code)
    if (same) expect(same.first_mention > withTwoYears.first_mention).toBe(true)
    expect(later.every((r) => Number(r.first_mention.slice(0, 4)) > firstYear)).toBe(true)
    const none = (await json(`/api/campaigns/adoption?system=2008&to_year=1990`)).rows
    expect(none).toEqual([])
  })
})

describe('/api/provinces/:code/profile', () => {
  it('a merged 2025 unit names the provinces it absorbed and labels their history', async () => {
    const lineage = (await json('/api/provinces/lineage')).rows as any[]
    const merged = lineage.find((r) => r.old_code !== r.new_code)
    const profile = await json(`/api/provinces/${merged.new_code}/profile?system=2025`)
    expect(profile.province.name_vi).toBe(merged.new_name)
    expect(profile.province.merged_from.map((m: any) => m.code)).toContain(merged.old_code)
    const old = await json(`/api/provinces/${merged.old_code}/profile?system=2008`)
    expect(old.province.merged_into.code).toBe(merged.new_code)
    for (const d of profile.documents)
      expect(typeof d.old_code === 'string' || d.old_code === null).toBe(true)
  })

  it('Lạng Sơn has documents, campaigns with the national median, and its sources; the period filters', async () => {
    const all = await json('/api/provinces/20/profile?system=2008')
    expect(all.province.name_vi).toBe('Lạng Sơn')
    expectProfileKeys(all)
    expect(all.documents.length).toBeGreaterThan(0)
    expect(all.sources.length).toBeGreaterThan(0)
    for (const c of all.campaigns) expect(c.provinces_reached).toBeGreaterThanOrEqual(1)
    const years = all.documents
      .map((d: any) => Number(String(d.issued_on).slice(0, 4)))
      .filter((y: number) => y > 0)
    const cut = Math.max(...years)
    const recent = await json(`/api/provinces/20/profile?system=2008&from_year=${cut + 1}`)
    expect(recent.documents.length).toBeLessThan(all.documents.length)
    expect(recent.province.articles).toBeLessThanOrEqual(all.province.articles)
  })

  it('refuses a bad code in one line and answers 404 for an unknown one', async () => {
    expect((await h.app.request('/api/provinces/x1/profile')).status).toBe(400)
    expect((await h.app.request('/api/provinces/99/profile')).status).toBe(404)
  })
})

describe('/api/checks', () => {
  it('lists every data check with its count, and serves the rows of one', async () => {
    const checks = (await json('/api/checks')).rows as Array<{
      check_id: string
      row_count: number
      view_name: string
    }>
    expect(checks.map((c) => c.check_id).sort()).toEqual([
      'cited_before_issue',
      'duplicate_documents',
      'held_before_planned',
      'implausible_lags',
      'silent_provinces',
    ])
    for (const c of checks) {
      const rows = (await json(`/api/checks/rows?check=${c.check_id}`)).rows
      expect(rows.length, c.check_id).toBe(Math.min(c.row_count, 500))
    }
    expect((await h.app.request('/api/checks/rows?check=nope')).status).toBe(400)
  })
})

describe('/api/timelines labels the history of merged provinces', () => {
  it('in the 34-unit system an item of a province merged into another names it', async () => {
    const lineage = (await json('/api/provinces/lineage')).rows as any[]
    // merged away: the old province's name did not carry over to the unit it went into
    const merged = lineage.filter((r) => r.old_name !== r.new_name)
    let labelled = 0
    for (const m of merged) {
      const rows = (await json(`/api/timelines?system=2025&province=${m.new_code}&from=2000-01`))
        .rows as any[]
      for (const r of rows.filter((x) => x.origin_code_2008 === m.old_code)) {
        expect(r.from_merged_province).toBe(true)
        expect(r.origin_name).toBe(m.old_name)
        labelled++
      }
      const kept = lineage.find((k) => k.new_code === m.new_code && k.old_name === k.new_name)
      for (const r of rows.filter((x) => x.origin_code_2008 === kept?.old_code))
        expect(r.from_merged_province).toBe(false)
    }
    expect(labelled).toBeGreaterThan(0)
    const old = (await json('/api/timelines?system=2008&province=62&from=2000-01')).rows as any[]
    for (const r of old) expect(r.from_merged_province).toBe(false)
    expectParts([
      ['timelines', old, TIMELINE_ITEM],
      ['milestones', (await json('/api/timelines/milestones?from=2000-01')).rows, MILESTONE],
    ])
  })
})

describe('/api/timelines pages on request', () => {
  it('pages with limit/offset hold the whole answer once, in its order, with its total', async () => {
    const provinces = ((await json('/api/provinces?system=2008')).rows as any[])
      .sort((a, b) => Number(b.articles) - Number(a.articles))
      .slice(0, 8)
      .map((r) => r.code)
    const base = `/api/timelines?system=2008&province=${provinces.join(',')}`
    const full = (await json(base)).rows as any[]
    expect(full.length).toBeGreaterThanOrEqual(4)
    const key = (r: any) => JSON.stringify(r)
    const size = Math.ceil(full.length / 3)
    const pages: any[] = []
    for (let offset = 0; offset < full.length; offset += size) {
      const page = await json(`${base}&limit=${size}&offset=${offset}`)
      expect([page.total, page.limit, page.offset]).toEqual([full.length, size, offset])
      expect(page.columns).not.toContain('total')
      pages.push(...page.rows)
    }
    // ties on (province, date, label) may swap between pages: compare the sort keys in order, rows as sets
    const sortKey = (r: any) => [r.province_code, r.item_date, r.label].join('|')
    expect(pages.map(sortKey)).toEqual(full.map(sortKey))
    expect(pages.map(key).sort()).toEqual(full.map(key).sort())
    expect((await json(`${base}&limit=${size}&offset=${full.length}`)).rows).toEqual([])
    // without limit nothing changes: no paging fields
    expect(Object.keys(await json(base)).sort()).toEqual(['columns', 'rows'])
  })
})
