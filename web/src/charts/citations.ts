/** The documents view's chart as a pure option builder: citing articles per province, one bar each. */
import { type Lang, translator } from '../app/translate.ts'

export interface Citation extends Record<string, unknown> {
  province_code: string
  province_name: string
  citing_articles: number
  first_cited: string
}

export const buildCitationsOption = (rows: ReadonlyArray<Citation>, lang: Lang) => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 110, right: 32, top: 16, bottom: 32 },
  xAxis: { type: 'value', name: translator(lang)('bài trích dẫn', 'citing articles'), minInterval: 1 },
  yAxis: { type: 'category', data: rows.map((r) => r.province_name ?? r.province_code), inverse: true },
  series: [
    {
      type: 'bar',
      data: rows.map((r) => ({ value: r.citing_articles, code: r.province_code })),
      itemStyle: { color: '#7c3aed' },
      barMaxWidth: 28,
      label: { show: true, position: 'right' },
    },
  ],
})
