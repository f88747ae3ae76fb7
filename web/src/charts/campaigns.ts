/**
 * The campaigns view's charts as pure option builders: the province × campaign heatmap and the
 * adoption-lag bars. They take the language (not a render's `t`) so the view's memo holds.
 */
import type { AdoptionRow, CoverageRow } from '../../../server/src/routes/coverage-types.ts'
import { fmtAtPrecision } from '../app/dates.ts'
import { type Lang, translator } from '../app/translate.ts'
import { MIN_SHARE_DENOMINATOR } from './rules.ts'

/** The rows both charts draw, declared beside the server routes. */
export type { AdoptionRow, CoverageRow }

/** A heatmap cell: [campaign index, province index, drawn value or null, articles, province articles]. */
type Cell = [number, number, number | null, number, number]

export interface HeatmapInput {
  readonly rows: ReadonlyArray<CoverageRow>
  readonly measure: 'raw' | 'share'
  readonly lang: Lang
  /** Phone-sized chart: fewer, shorter axis labels. */
  readonly narrow: boolean
}

const cellText = (lang: Lang, measure: 'raw' | 'share', c: Cell): string =>
  measure === 'raw'
    ? String(c[3])
    : c[2] === null
      ? translator(lang)(
          `— (chỉ ${c[4]} bài, dưới ngưỡng ${MIN_SHARE_DENOMINATOR})`,
          `— (only ${c[4]} articles, under ${MIN_SHARE_DENOMINATOR})`
        )
      : `${c[2]}% (${c[3]}/${c[4]})`

export const buildCoverageHeatmap = ({ rows, measure, lang, narrow }: HeatmapInput) => {
  const camps = [...new Map(rows.map((r) => [r.campaign_id, r.campaign_name])).entries()]
  const provs = [...new Map(rows.map((r) => [r.province_code, r.province_name])).entries()]
  // A share over fewer than MIN_SHARE_DENOMINATOR articles is not drawn as a rate (greyed, with why).
  const val = (r: CoverageRow) =>
    measure === 'raw'
      ? r.articles
      : r.province_articles >= MIN_SHARE_DENOMINATOR
        ? Math.round(r.share_of_output * 1000) / 10
        : null
  const option = {
    tooltip: {
      formatter: (p: { data: Cell }) =>
        `${provs[p.data[1]]?.[1]}<br/>${camps[p.data[0]]?.[1]}<br/><b>${cellText(lang, measure, p.data)}</b>`,
    },
    grid: { left: 110, right: 16, top: 16, bottom: 190 },
    xAxis: {
      type: 'category',
      data: camps.map(([, n]) => n),
      // whole names, wrapped, never cut
      axisLabel: {
        rotate: narrow ? 70 : 40,
        interval: 0,
        fontSize: narrow ? 10 : 12,
        width: narrow ? 120 : 180,
        overflow: 'break',
      },
    },
    // provinces top to bottom in GSO order (north to south), as in every Vietnamese table
    yAxis: { type: 'category', data: provs.map(([, n]) => n), inverse: true },
    visualMap: {
      min: 0,
      max: Math.max(1, ...rows.map((r) => val(r) ?? 0)),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#eff6ff', '#60a5fa', '#1e3a8a'] },
    },
    series: [
      {
        type: 'heatmap',
        data: rows.map((r) => ({
          value: [
            camps.findIndex(([c]) => c === r.campaign_id),
            provs.findIndex(([c]) => c === r.province_code),
            val(r),
            r.articles,
            r.province_articles,
          ],
          ...(val(r) === null ? { itemStyle: { color: '#e5e7eb' } } : {}),
        })),
        label: {
          show: true,
          fontSize: 10,
          formatter: (p: { data: { value: Cell } }) =>
            measure === 'raw'
              ? String(p.data.value[3])
              : p.data.value[2] === null
                ? '—'
                : `${p.data.value[2]}%`,
        },
      },
    ],
  }
  return { camps, provs, option }
}

const flagWhy = (lang: Lang, r: AdoptionRow): string => {
  const t = translator(lang)
  if (r.lag_flag === 'before_launch')
    return t('nhắc đến trước ngày phát động: cần kiểm tra', 'mentioned before the launch: check it')
  if (r.lag_flag === 'implausible_lag')
    return t('độ trễ trên 10 năm: cần kiểm tra', 'lag over 10 years: check it')
  return ''
}

const adoptionTip = (lang: Lang, name: string, row: AdoptionRow, days: number): string => {
  const t = translator(lang)
  const why = flagWhy(lang, row)
  return `${name}<br/>${t('Phát động', 'Launched')}: ${fmtAtPrecision(lang, row.launched_on, row.launched_on_precision)}<br/>${t(
    'Lần đầu nhắc đến',
    'First mention'
  )}: ${fmtAtPrecision(lang, row.first_mention, 'day')} (${row.articles} ${t('bài', 'articles')})<br/><b>${days} ${t(
    'ngày',
    'days'
  )}</b>${why ? `<br/>⚠ ${why}` : ''}`
}

/** Days from a campaign's launch to each province's first mention; flagged lags grey, with why. */
export const buildAdoptionOption = (all: ReadonlyArray<AdoptionRow>, lang: Lang, narrow: boolean) => {
  const t = translator(lang)
  const rows = all.filter((r) => r.lag_days !== null)
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; data: { value: number; row: AdoptionRow } }) =>
        adoptionTip(lang, p.name, p.data.row, p.data.value),
    },
    grid: { left: 110, right: 24, top: 16, bottom: 32 },
    xAxis: {
      type: 'value',
      name: t('ngày', 'days'),
      splitNumber: narrow ? 3 : 5,
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'category', data: rows.map((r) => r.province_name ?? r.province_code), inverse: true },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({
          value: r.lag_days,
          code: r.province_code,
          row: r,
          // flagged lags stay visible but grey, with the reason in the tooltip and the label
          itemStyle: { color: r.lag_flag ? '#9ca3af' : '#0f766e' },
          label: { formatter: r.lag_flag ? `${r.lag_days} ⚠` : String(r.lag_days) },
        })),
        label: { show: true, position: 'right' },
      },
    ],
  }
}
