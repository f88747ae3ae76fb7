import { describe, expect, it } from 'vitest'
import { translator } from '../app/translate.ts'
import { buildCitationsOption } from './citations.ts'
import { seriesFingerprint } from './fingerprint.ts'
import { buildLedgerOption } from './ledger.ts'
import { buildCoverageMapOption, buildLagMapOption, type MapRow } from './maps.ts'

describe('translator', () => {
  it('hands out one function per language, so a memo keyed on it holds between renders', () => {
    expect(translator('vi')).toBe(translator('vi'))
    expect(translator('en')).toBe(translator('en'))
    expect(translator('vi')).not.toBe(translator('en'))
    expect(translator('en')('Tỉnh', 'Province')).toBe('Province')
    expect(translator('vi')('Tỉnh', 'Province')).toBe('Tỉnh')
  })
})

describe('buildLedgerOption', () => {
  it('shows what a flagged month misses against the baseline, and nothing for a normal month', () => {
    const o = buildLedgerOption(
      [
        { source_id: 's', month: '2024-01', expected: 10, found: 9, gap_flag: false },
        { source_id: 's', month: '2024-02', expected: 10, found: 2, gap_flag: true },
      ],
      'en'
    )
    expect(o.xAxis.data).toEqual(['2024-01', '2024-02'])
    expect(o.series[0]?.data).toEqual([
      { value: 9, itemStyle: { color: '#2563eb' } },
      { value: 2, itemStyle: { color: '#dc2626' } },
    ])
    expect(o.series[1]?.data).toEqual([0, 8])
    expect(o.series.map((s) => s.name)).toEqual(['Found', 'Missing against baseline', 'Expected (baseline)'])
  })
})

describe('buildCitationsOption', () => {
  it('draws one bar per citing province, carrying its code for the click-through', () => {
    const o = buildCitationsOption(
      [{ province_code: '20', province_name: 'Lạng Sơn', citing_articles: 3, first_cited: '2024-01-02' }],
      'vi'
    )
    expect(o.yAxis.data).toEqual(['Lạng Sơn'])
    expect(o.series[0]?.data).toEqual([{ value: 3, code: '20' }])
    expect(o.xAxis.name).toBe('bài trích dẫn')
  })
})

describe('province maps', () => {
  const rows: MapRow[] = [
    { province_code: '20', province_name: 'Lạng Sơn', articles: 7, campaign_articles: 2, campaigns: 1 },
    { province_code: '40', province_name: 'Nghệ An', articles: 3, campaign_articles: 5, campaigns: 2 },
  ]

  it('counts all articles, or the campaign’s under a campaign filter, on the system’s boundaries', () => {
    const all = buildCoverageMapOption(rows, '2008', false)
    expect(all.series[0]?.map).toBe('vn-2008')
    expect(all.series[0]?.data.map((d) => d.value)).toEqual([7, 3])
    expect(all.visualMap.max).toBe(7)
    expect(buildCoverageMapOption(rows, '2025', true).series[0]?.data.map((d) => d.value)).toEqual([2, 5])
  })

  it('hatches provinces that have not answered and keeps the scale over at least 30 days', () => {
    const o = buildLagMapOption(
      [
        {
          province_code: '20',
          province_name: 'Lạng Sơn',
          implementing_document_id: 'd',
          implementing_label: 'KH 1',
          lag_days: 12,
        },
        {
          province_code: '40',
          province_name: 'Nghệ An',
          implementing_document_id: null,
          implementing_label: null,
          lag_days: null,
        },
      ],
      '2025',
      'en'
    )
    const data = o.series[0]?.data as Array<{ value: number | null; itemStyle?: { decal?: unknown } }>
    expect(data.map((d) => d.value)).toEqual([12, null])
    expect(data[0]?.itemStyle).toBeUndefined()
    expect(data[1]?.itemStyle?.decal).toBeDefined()
    expect(o.visualMap.max).toBe(30)
    expect(o.tooltip.formatter({ data: { province_name: 'Nghệ An', value: null, label: null } })).toBe(
      'Nghệ An: no implementing document yet'
    )
  })
})

describe('seriesFingerprint', () => {
  it('changes with the data drawn and not with anything else', () => {
    const a = { series: [{ name: 'x', data: [1, 2] }], grid: { left: 1 } }
    expect(seriesFingerprint(a)).toBe(
      seriesFingerprint({ series: [{ name: 'x', data: [1, 2] }], grid: { left: 9 } })
    )
    expect(seriesFingerprint(a)).not.toBe(seriesFingerprint({ series: [{ name: 'x', data: [1, 3] }] }))
    expect(seriesFingerprint({})).toMatch(/^0:/)
  })
})
