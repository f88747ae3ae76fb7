/**
 * Emulation articles per year: all provinces together as bars, the most active provinces as lines,
 * every year of the filter window in its slot (a quiet year shows as zero). Shares are drawn only over
 * a denominator of at least MIN_SHARE_DENOMINATOR articles.
 */
import { useMemo } from 'react'
import { useApi } from '../../app/api.ts'
import { filterParams, type FilterModel } from '../../app/filters.ts'
import { useLang, useT } from '../../app/i18n.tsx'
import { translator } from '../../app/translate.ts'
import { href, navigate } from '../../app/router.ts'
import {
  buildTrendOption,
  MIN_SHARE_DENOMINATOR,
  TOP_PROVINCES,
  type TrendChartModel,
  trendCsvRows,
} from '../../charts/trend.ts'
import { Chart } from '../../components/Chart.tsx'
import { Load } from '../../components/State.tsx'

const CSV_COLUMNS = ['year', 'province_code', 'province_name', 'articles', 'all_articles', 'share']

/** What the chart shows, and why some shares are not drawn. */
const TrendFooter = ({ chart, measure }: { chart: TrendChartModel | null; measure: 'raw' | 'share' }) => {
  const t = useT()
  const share = measure === 'share' && chart !== null
  return (
    <small className="muted">
      {t(
        `Cột: tất cả các tỉnh; đường: ${TOP_PROVINCES} tỉnh có nhiều bài nhất. Bấm vào một năm để xem các bài viết.`,
        `Bars: all provinces; lines: the ${TOP_PROVINCES} most covered provinces. Click a year for its articles.`
      )}
      {share && chart.shareMeaningless
        ? ` ${t(
            'Chưa vẽ tỷ lệ: các nguồn trong bộ lọc chỉ lưu bài về thi đua, nên mẫu số bằng tử số (mọi tỷ lệ đều là 100%).',
            'No share drawn: the filtered sources stored only emulation articles, so the denominator equals the numerator (every share would be 100%).'
          )}`
        : ''}
      {share && !chart.shareMeaningless && chart.suppressed > 0
        ? ` ${t(
            `${chart.suppressed} ô không vẽ vì mẫu số dưới ${MIN_SHARE_DENOMINATOR} bài.`,
            `${chart.suppressed} cells not drawn: fewer than ${MIN_SHARE_DENOMINATOR} articles.`
          )}`
        : ''}
    </small>
  )
}

export const TrendChart = ({ model, measure }: { model: FilterModel; measure: 'raw' | 'share' }) => {
  const t = useT()
  const { lang } = useLang()
  const trend = useApi('/api/overview/trend', { query: filterParams(model) })
  const { fromYear, toYear } = model
  const chart = useMemo(() => {
    if (trend.state !== 'ready') return null
    const tr = translator(lang)
    return buildTrendOption({
      rows: trend.data.rows,
      measure,
      fromYear,
      toYear,
      allName: tr('Tất cả các tỉnh', 'All provinces'),
      noShareLabel: tr(
        `— (dưới ${MIN_SHARE_DENOMINATOR} bài)`,
        `— (under ${MIN_SHARE_DENOMINATOR} articles)`
      ),
    })
  }, [trend, measure, fromYear, toYear, lang])
  const open = (p: { name?: string; seriesName?: string }) => {
    const year = typeof p.name === 'string' && /^\d{4}$/.test(p.name) ? p.name : null
    if (!year) return
    navigate(
      href('/articles', {
        province: p.seriesName ? chart?.provinceOf.get(p.seriesName) : null,
        system: model.system,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        unique: 'true',
      })
    )
  }
  return (
    <Load value={trend} empty={(d) => d.rows.length === 0}>
      {(d) => (
        <Chart
          testId="trend-chart"
          title={
            measure === 'raw'
              ? t('Bài viết về thi đua theo năm', 'Emulation articles per year')
              : t('Tỷ lệ bài về thi đua trên tổng số bài', 'Share of emulation articles in the output')
          }
          option={chart?.option ?? {}}
          csv={{ name: `trend-yearly-${model.system}`, columns: CSV_COLUMNS, rows: trendCsvRows(d.rows) }}
          onClick={open}
          footer={<TrendFooter chart={chart} measure={measure} />}
        />
      )}
    </Load>
  )
}
