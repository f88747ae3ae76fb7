import { describe, expect, it } from 'vitest'
import { type AdoptionRow, buildAdoptionOption, buildCoverageHeatmap, type CoverageRow } from './campaigns.ts'
import { MIN_SHARE_DENOMINATOR } from './rules.ts'

const cov = (
  province: string,
  campaign: string,
  articles: number,
  provinceArticles: number
): CoverageRow => ({
  province_code: province,
  province_name: `P${province}`,
  campaign_id: campaign,
  campaign_name: `C ${campaign}`,
  articles,
  first_mention: '2024-05-01',
  last_mention: '2024-06-01',
  share_of_output: articles / provinceArticles,
  province_articles: provinceArticles,
})
type Cell = { value: [number, number, number | null, number, number]; itemStyle?: { color: string } }
const cells = (h: ReturnType<typeof buildCoverageHeatmap>) => h.option.series[0]?.data as Cell[]

describe('buildCoverageHeatmap', () => {
  const rows = [
    cov('20', 'xnt', 4, 8),
    cov('20', 'dvh', 1, 8),
    cov('40', 'xnt', 2, MIN_SHARE_DENOMINATOR - 1),
  ]

  it('places each row at its campaign column and province row, in the order the API gave', () => {
    const h = buildCoverageHeatmap({ rows, measure: 'raw', lang: 'vi', narrow: false })
    expect(h.camps.map(([id]) => id)).toEqual(['xnt', 'dvh'])
    expect(h.provs.map(([id]) => id)).toEqual(['20', '40'])
    expect(cells(h).map((c) => c.value.slice(0, 3))).toEqual([
      [0, 0, 4],
      [1, 0, 1],
      [0, 1, 2],
    ])
    expect(h.option.visualMap.max).toBe(4)
  })

  it('draws shares in percent and greys a share whose denominator is under the minimum', () => {
    const h = buildCoverageHeatmap({ rows, measure: 'share', lang: 'en', narrow: false })
    expect(cells(h).map((c) => c.value[2])).toEqual([50, 12.5, null])
    expect(cells(h)[2]?.itemStyle?.color).toBe('#e5e7eb')
    const tip = h.option.tooltip.formatter({ data: cells(h)[2]?.value ?? [0, 0, null, 0, 0] })
    expect(tip).toContain(`only ${MIN_SHARE_DENOMINATOR - 1} articles, under ${MIN_SHARE_DENOMINATOR}`)
  })

  it('turns and shrinks the campaign names on a phone', () => {
    const h = buildCoverageHeatmap({ rows, measure: 'raw', lang: 'vi', narrow: true })
    expect(h.option.xAxis.axisLabel.rotate).toBe(70)
  })
})

const adopt = (province: string, lag: number | null, flag: AdoptionRow['lag_flag'] = null): AdoptionRow => ({
  province_code: province,
  province_name: `P${province}`,
  campaign_id: 'xnt',
  campaign_name: 'C xnt',
  launched_on: '2024-04-13',
  launched_on_precision: 'day',
  first_mention: '2024-05-01',
  lag_days: lag,
  articles: 3,
  lag_flag: flag,
})

describe('buildAdoptionOption', () => {
  it('draws a bar per province with a lag and greys a flagged lag with a warning mark', () => {
    const o = buildAdoptionOption(
      [adopt('20', 18), adopt('40', null), adopt('15', -30, 'before_launch')],
      'en',
      false
    )
    expect(o.yAxis.data).toEqual(['P20', 'P15'])
    const bars = o.series[0]?.data ?? []
    expect(bars.map((b) => [b.value, b.itemStyle.color, b.label.formatter])).toEqual([
      [18, '#0f766e', '18'],
      [-30, '#9ca3af', '-30 ⚠'],
    ])
    const tip = o.tooltip.formatter({
      name: 'P15',
      data: { value: -30, row: adopt('15', -30, 'before_launch') },
    })
    expect(tip).toContain('mentioned before the launch')
    expect(tip).toContain('<b>-30 days</b>')
  })
})
