/**
 * The overview's trend chart as a pure option builder: yearly rows in, an ECharts option out. Pure so
 * it is unit-tested without a browser, and so the view stays layout only.
 */

import type { YearRow } from '../../../server/src/routes/overview-types.ts'
import { MIN_SHARE_DENOMINATOR } from './rules.ts'

/** A province's year (GET /api/overview/trend), declared beside the server route. */
export type { YearRow }

export { MIN_SHARE_DENOMINATOR }

/** Provinces drawn as lines; the rest are in the national bars (and the CSV). */
export const TOP_PROVINCES = 5

export interface TrendInput {
  readonly rows: ReadonlyArray<YearRow>
  readonly measure: 'raw' | 'share'
  /** Inclusive year window of the filter; null = from the data. */
  readonly fromYear: number | null
  readonly toYear: number | null
  readonly allName: string
  readonly noShareLabel: string
}

export interface TrendChartModel {
  readonly years: string[]
  readonly option: Record<string, unknown>
  /** Series name → province code, for click-through. */
  readonly provinceOf: Map<string, string>
  /** Share cells left out because their denominator was under the minimum. */
  readonly suppressed: number
  /**
   * True when the filtered sources stored only emulation articles: the denominator then equals the
   * numerator and every share would read 100 %, so none is drawn.
   */
  readonly shareMeaningless: boolean
}

interface Cell {
  a: number
  all: number
}

const yearsOf = (rows: ReadonlyArray<YearRow>, from: number | null, to: number | null): string[] => {
  const seen = rows.map((r) => r.year)
  const first = from ?? (seen.length ? Math.min(...seen) : null)
  const last = to ?? (seen.length ? Math.max(...seen) : null)
  if (first === null || last === null || last < first) return []
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i))
}

/** Sums per `province|year` and per `*|year`, each province's total and its display name. */
const tally = (rows: ReadonlyArray<YearRow>) => {
  const cells = new Map<string, Cell>()
  const add = (key: string, r: YearRow) => {
    const v = cells.get(key) ?? { a: 0, all: 0 }
    v.a += r.articles
    v.all += r.all_articles
    cells.set(key, v)
  }
  const totals = new Map<string, number>()
  const names = new Map<string, string>()
  for (const r of rows) {
    add(`*|${r.year}`, r)
    add(`${r.province_code}|${r.year}`, r)
    totals.set(r.province_code, (totals.get(r.province_code) ?? 0) + r.articles)
    names.set(r.province_code, r.province_name ?? r.province_code)
  }
  const top = [...totals.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_PROVINCES)
    .map(([code]) => code)
  return { cells, names, top }
}

const axes = (years: string[], input: TrendInput) => {
  const share = input.measure === 'share'
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null | undefined) =>
        v === null || v === undefined ? input.noShareLabel : share ? `${(v * 100).toFixed(0)}%` : String(v),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 44, right: 16, top: 48, bottom: 56 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 6 }],
    xAxis: { type: 'category', data: years },
    yAxis: {
      type: 'value',
      minInterval: share ? undefined : 1,
      max: share ? 1 : undefined,
      axisLabel: share ? { formatter: (v: number) => `${Math.round(v * 100)}%` } : {},
    },
  }
}

export const buildTrendOption = (input: TrendInput): TrendChartModel => {
  const { rows, measure } = input
  const years = yearsOf(rows, input.fromYear, input.toYear)
  const { cells, names, top } = tally(rows)
  let suppressed = 0
  const totalA = rows.reduce((n, r) => n + r.articles, 0)
  const totalAll = rows.reduce((n, r) => n + r.all_articles, 0)
  const shareMeaningless = rows.length > 0 && totalA === totalAll
  const value = (key: string): number | null => {
    const v = cells.get(key)
    if (measure === 'raw') return v?.a ?? 0
    if (shareMeaningless) return null
    if (!v || v.all < MIN_SHARE_DENOMINATOR) {
      if (v) suppressed++
      return null
    }
    return Math.round((v.a / v.all) * 1000) / 1000
  }
  const series = [
    {
      name: input.allName,
      type: 'bar',
      itemStyle: { color: '#cbd5e1' },
      barMaxWidth: 28,
      data: years.map((y) => value(`*|${y}`)),
    },
    ...top.map((code) => ({
      name: names.get(code) ?? code,
      type: 'line',
      connectNulls: false,
      symbolSize: 6,
      data: years.map((y) => value(`${code}|${y}`)),
    })),
  ]
  return {
    years,
    option: { ...axes(years, input), series },
    provinceOf: new Map([...names.entries()].map(([code, name]) => [name, code])),
    suppressed,
    shareMeaningless,
  }
}

/** The CSV of the chart as drawn: one row per province and year (not the API's finer rows). */
export const trendCsvRows = (rows: ReadonlyArray<YearRow>): Array<Record<string, unknown>> =>
  rows.map((r) => ({
    year: r.year,
    province_code: r.province_code,
    province_name: r.province_name,
    articles: r.articles,
    all_articles: r.all_articles,
    share:
      r.all_articles >= MIN_SHARE_DENOMINATOR
        ? Math.round((r.articles / r.all_articles) * 1000) / 1000
        : null,
  }))
