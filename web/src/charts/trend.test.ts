import { describe, expect, it } from 'vitest'
import { buildTrendOption, MIN_SHARE_DENOMINATOR, trendCsvRows, type YearRow } from './trend.ts'

const row = (code: string, year: number, articles: number, all = articles): YearRow => ({
  province_code: code,
  province_name: `P${code}`,
  year,
  articles,
  all_articles: all,
})
const base = { allName: 'All', noShareLabel: 'n/a', fromYear: null, toYear: null } as const
const seriesData = (m: ReturnType<typeof buildTrendOption>, i: number) =>
  (m.option.series as Array<{ name: string; data: Array<number | null> }>)[i]

describe('buildTrendOption', () => {
  it('sums provinces into national bars and gives every year of the window a slot', () => {
    const m = buildTrendOption({ ...base, measure: 'raw', rows: [row('20', 2020, 3), row('15', 2022, 2)] })
    expect(m.years).toEqual(['2020', '2021', '2022'])
    expect(seriesData(m, 0)?.data).toEqual([3, 0, 2])
  })

  it('obeys the filter window even where the data is silent', () => {
    const m = buildTrendOption({
      ...base,
      measure: 'raw',
      fromYear: 2019,
      toYear: 2021,
      rows: [row('20', 2020, 3)],
    })
    expect(m.years).toEqual(['2019', '2020', '2021'])
    expect(seriesData(m, 0)?.data).toEqual([0, 3, 0])
  })

  it('draws the most covered provinces as lines, ties broken by code', () => {
    const rows = ['01', '02', '03', '04', '05', '06'].map((c, i) => row(c, 2024, 10 - i))
    const m = buildTrendOption({ ...base, measure: 'raw', rows })
    const names = (m.option.series as Array<{ name: string }>).map((s) => s.name)
    expect(names).toEqual(['All', 'P01', 'P02', 'P03', 'P04', 'P05'])
    expect(m.provinceOf.get('P03')).toBe('03')
  })

  it('never draws a share over a denominator below the minimum, and counts what it left out', () => {
    const small = MIN_SHARE_DENOMINATOR - 1
    const m = buildTrendOption({
      ...base,
      measure: 'share',
      rows: [row('20', 2020, 1, small), row('20', 2021, 5, 10)],
    })
    expect(m.shareMeaningless).toBe(false)
    expect(seriesData(m, 1)?.data).toEqual([null, 0.5])
    expect(m.suppressed).toBeGreaterThan(0)
  })

  it('draws no share at all when the sources stored only emulation articles (every share would be 100 %)', () => {
    const m = buildTrendOption({
      ...base,
      measure: 'share',
      rows: [row('20', 2020, 9, 9), row('15', 2021, 7, 7)],
    })
    expect(m.shareMeaningless).toBe(true)
    expect(seriesData(m, 0)?.data).toEqual([null, null])
  })

  it('a stable input gives an equal option (memoisation can hold)', () => {
    const input = { ...base, measure: 'raw' as const, rows: [row('20', 2020, 3)] }
    expect(JSON.stringify(buildTrendOption(input).option)).toBe(
      JSON.stringify(buildTrendOption(input).option)
    )
  })
})

describe('trendCsvRows', () => {
  it('exports yearly rows with the share only where it means something', () => {
    expect(trendCsvRows([row('20', 2020, 2, 4), row('20', 2021, 5, 10)]).map((r) => r.share)).toEqual([
      null,
      0.5,
    ])
  })
})
