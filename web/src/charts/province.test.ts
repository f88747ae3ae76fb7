import { describe, expect, it } from 'vitest'
import { documentsPerYearOption, lagVsMedianOption } from './province.ts'

describe('province page charts', () => {
  it('counts documents per year with silent years as zero and undated ones left out', () => {
    const o = documentsPerYearOption(
      [
        { issued_on: '2020-03-01' },
        { issued_on: '2022-01-05' },
        { issued_on: '2022-09-09' },
        { issued_on: null },
      ],
      'docs'
    )
    expect(o.xAxis.data).toEqual(['2020', '2021', '2022'])
    expect(o.series[0]?.data).toEqual([1, 0, 2])
  })

  it('draws nothing for no documents', () => {
    expect(documentsPerYearOption([], 'docs').xAxis.data).toEqual([])
  })

  it('puts each campaign lag beside its national median and drops campaigns without a lag', () => {
    const o = lagVsMedianOption(
      [
        { campaign_name: 'A', lag_days: 10, national_median_lag_days: 30 },
        { campaign_name: 'B', lag_days: null, national_median_lag_days: 5 },
      ],
      { province: 'P', median: 'M', days: 'd' }
    )
    expect(o.yAxis.data).toEqual(['A'])
    expect(o.series.map((s) => s.data)).toEqual([[10], [30]])
  })
})
