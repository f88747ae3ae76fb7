import { BarChart, LineChart, MapChart } from 'echarts/charts'
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  DataZoomComponent,
} from 'echarts/components'
import { registerMap, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useMemo, useState } from 'react'
import { fetchJson, useApi, type Table } from '../app/api.ts'
import { filterQuery, readFilters, type FilterModel } from '../app/filters.ts'
import { fmtDateTime, fmtNumber, useLang, useT } from '../app/i18n.tsx'
import { href, navigate, useQuery } from '../app/router.ts'
import {
  buildTrendOption,
  MIN_SHARE_DENOMINATOR,
  TOP_PROVINCES,
  trendCsvRows,
  type YearRow,
} from '../charts/trend.ts'
import { Chart } from '../components/Chart.tsx'
import { Filters, Toggle } from '../components/Field.tsx'
import { HowMade } from '../components/HowMade.tsx'
import { ModelFilters } from '../components/StandardFilters.tsx'
import { ErrorState, Load, Loading } from '../components/State.tsx'

use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  DataZoomComponent,
  CanvasRenderer,
])

interface Figures {
  articles: number
  all_articles: number
  provinces_with_data: number
  provinces_total: number
  campaigns: number
  central_documents: number
  first_article: string | null
  latest_article: string | null
  captured: number
  rebuilt: number
  attachments: number
  extractor_version: string | null
}
interface MapRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  articles: number
  campaign_articles: number
  campaigns: number
}

/** The key figures, under exactly the filters the charts obey. */
const KeyFigures = ({ model }: { model: FilterModel }) => {
  const t = useT()
  const { lang } = useLang()
  const query = filterQuery(model)
  const figures = useApi<Figures>(`/api/overview/figures?${query}`)
  const health = useApi<{ last_run: string | null }>('/api/health')
  if (figures.state === 'error') return <ErrorState error={figures.error} />
  if (figures.state !== 'ready') return <Loading />
  const f = figures.data
  const articleLink = href('/articles', {
    system: model.system,
    province: model.provinces.join(',') || null,
    from: model.fromYear ? `${model.fromYear}-01-01` : null,
    to: model.toYear ? `${model.toYear}-12-31` : null,
    campaign: model.campaign,
    unique: 'true',
  })
  const items: Array<[string, string, string]> = [
    [fmtNumber(lang, f.articles), t('bài viết về thi đua', 'emulation articles'), articleLink],
    [
      `${f.provinces_with_data}/${f.provinces_total}`,
      t('tỉnh có dữ liệu', 'provinces with data'),
      href('/compare', { system: model.system }),
    ],
    [fmtNumber(lang, f.campaigns), t('phong trào được nhắc đến', 'campaigns mentioned'), '/campaigns'],
    [
      fmtNumber(lang, f.central_documents),
      t('văn bản trung ương được trích dẫn', 'central documents cited'),
      href('/documents', { level: 'central' }),
    ],
  ]
  return (
    <ul className="figures" data-testid="key-figures">
      {items.map(([n, label, link]) => (
        <li key={label}>
          <a href={link}>
            <strong>{n}</strong>
            <span>{label}</span>
          </a>
        </li>
      ))}
      <li className="muted provenance" data-testid="provenance">
        <span>
          {t(
            `Nguồn gốc: ${f.captured} bài thu thập trực tiếp, ${f.rebuilt} bài dựng lại từ dữ kiện, ${f.attachments} tệp đính kèm`,
            `Provenance: ${f.captured} captured pages, ${f.rebuilt} rebuilt from facts, ${f.attachments} attachments`
          )}
          {f.extractor_version ? ` · ${t('bộ trích xuất', 'extractor')} ${f.extractor_version}` : ''}
        </span>
        <HowMade api={`/api/overview/figures?${query}`} articles={articleLink}>
          <p>
            {t(
              'Mỗi cụm bài gần trùng được đếm một lần; "bài viết về thi đua" là bài nhắc đến thi đua, khen thưởng, một đại hội hay một phong trào.',
              'Each cluster of near-duplicate reports counts once; an "emulation article" mentions emulation or commendation, a congress or a campaign.'
            )}
          </p>
        </HowMade>
      </li>
      <li className="muted">
        <span>
          {t('Bài mới nhất', 'Latest article')}: {f.latest_article ?? '—'}
        </span>
        <span>
          {t('Lượt chạy gần nhất', 'Last run')}:{' '}
          {health.state === 'ready' ? fmtDateTime(lang, health.data.last_run) : '—'}
        </span>
      </li>
    </ul>
  )
}

/**
 * Emulation articles per year: all provinces together as bars, the most active provinces as lines,
 * every year of the filter window in its slot (a quiet year shows as zero). Shares are drawn only over
 * a denominator of at least MIN_SHARE_DENOMINATOR articles.
 */
const TrendChart = ({ model, measure }: { model: FilterModel; measure: 'raw' | 'share' }) => {
  const t = useT()
  const trend = useApi<Table<YearRow>>(`/api/overview/trend?${filterQuery(model)}`)
  const chart = useMemo(
    () =>
      trend.state === 'ready'
        ? buildTrendOption({
            rows: trend.data.rows,
            measure,
            fromYear: model.fromYear,
            toYear: model.toYear,
            allName: t('Tất cả các tỉnh', 'All provinces'),
            noShareLabel: t(
              `— (dưới ${MIN_SHARE_DENOMINATOR} bài)`,
              `— (under ${MIN_SHARE_DENOMINATOR} articles)`
            ),
          })
        : null,
    [trend, measure, model.fromYear, model.toYear, t]
  )
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
          csv={{
            name: `trend-yearly-${model.system}`,
            columns: ['year', 'province_code', 'province_name', 'articles', 'all_articles', 'share'],
            rows: trendCsvRows(d.rows),
          }}
          onClick={(p) => {
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
          }}
          footer={
            <small className="muted">
              {t(
                `Cột: tất cả các tỉnh; đường: ${TOP_PROVINCES} tỉnh có nhiều bài nhất. Bấm vào một năm để xem các bài viết.`,
                `Bars: all provinces; lines: the ${TOP_PROVINCES} most covered provinces. Click a year for its articles.`
              )}
              {measure === 'share' && chart?.shareMeaningless
                ? ` ${t(
                    'Chưa vẽ tỷ lệ: các nguồn trong bộ lọc chỉ lưu bài về thi đua, nên mẫu số bằng tử số (mọi tỷ lệ đều là 100%).',
                    'No share drawn: the filtered sources stored only emulation articles, so the denominator equals the numerator (every share would be 100%).'
                  )}`
                : ''}
              {measure === 'share' && chart && !chart.shareMeaningless && chart.suppressed > 0
                ? ` ${t(
                    `${chart.suppressed} ô không vẽ vì mẫu số dưới ${MIN_SHARE_DENOMINATOR} bài.`,
                    `${chart.suppressed} cells not drawn: fewer than ${MIN_SHARE_DENOMINATOR} articles.`
                  )}`
                : ''}
            </small>
          }
        />
      )}
    </Load>
  )
}

const GEO_ATTRIBUTION_VI =
  'Ranh giới tỉnh © Open Development Vietnam / Open Development Mekong, bộ dữ liệu "Địa phận tỉnh", giấy phép CC BY-SA 4.0; đã đơn giản hóa, mã hóa lại và (lớp 34 đơn vị) hợp nhất theo Nghị quyết 202/2025/QH15.'
const GEO_ATTRIBUTION_EN =
  'Province boundaries © Open Development Vietnam / Open Development Mekong, dataset "Địa phận tỉnh", CC BY-SA 4.0; simplified, re-coded and (34-unit layer) dissolved per Nghị quyết 202/2025/QH15.'

const CoverageMap = ({ model }: { model: FilterModel }) => {
  const t = useT()
  const { system } = model
  const fromYear = model.fromYear ? String(model.fromYear) : ''
  const toYear = model.toYear ? String(model.toYear) : ''
  const [mapReady, setMapReady] = useState<string | null>(null)
  const [mapError, setMapError] = useState<Error | null>(null)
  useEffect(() => {
    let live = true
    setMapReady(null)
    fetchJson<object>(`/api/geo/${system}`)
      .then((geo) => {
        registerMap(`vn-${system}`, geo as never)
        if (live) setMapReady(system)
      })
      .catch((e: Error) => live && setMapError(e))
    return () => {
      live = false
    }
  }, [system])
  const data = useApi<Table<MapRow>>(
    `/api/coverage/provinces?${filterQuery(model, ['system', 'fromYear', 'toYear', 'sourceKind', 'campaign'])}`
  )
  const option = useMemo(() => {
    if (data.state !== 'ready' || mapReady !== system) return null
    const max = Math.max(1, ...data.data.rows.map((r) => (model.campaign ? r.campaign_articles : r.articles)))
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { province_name: string; value: number } }) =>
          p.data ? `${p.data.province_name}: ${p.data.value}` : '',
      },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        calculable: true,
        inRange: { color: ['#f3f4f6', '#fde68a', '#f59e0b', '#b45309'] },
      },
      series: [
        {
          type: 'map',
          map: `vn-${system}`,
          nameProperty: 'code',
          roam: true,
          zoom: 1.1,
          emphasis: { label: { show: false } },
          data: data.data.rows.map((r) => ({
            name: r.province_code,
            value: model.campaign ? r.campaign_articles : r.articles,
            province_name: r.province_name,
          })),
        },
      ],
    }
  }, [data, mapReady, system, model.campaign])
  if (mapError) return <ErrorState error={mapError} />
  return (
    <Load value={data}>
      {(d) =>
        option ? (
          <Chart
            testId="coverage-map"
            title={t(
              `Số bài viết theo tỉnh (${system === '2008' ? '63' : '34'} đơn vị)`,
              `Articles per province (${system === '2008' ? '63' : '34'} units)`
            )}
            option={option}
            height={520}
            csv={{ name: `coverage-map-${system}`, columns: d.columns, rows: d.rows }}
            onClick={(p) =>
              p.name &&
              navigate(href(`/province/${p.name}`, { system, from_year: fromYear, to_year: toYear }))
            }
            footer={
              <small className="attribution">
                {t('Bấm vào một tỉnh để xem hồ sơ của tỉnh. ', 'Click a province for its profile. ')}
                {t(GEO_ATTRIBUTION_VI, GEO_ATTRIBUTION_EN)}
              </small>
            }
          />
        ) : (
          <Loading />
        )
      }
    </Load>
  )
}

export default function Overview() {
  const t = useT()
  const [q, set] = useQuery()
  const model = readFilters(q)
  const measure = q.get('measure') === 'share' ? 'share' : 'raw'
  return (
    <section>
      <h1>{t('Tổng quan phong trào thi đua yêu nước', 'Patriotic emulation movements: overview')}</h1>
      <Filters>
        <ModelFilters model={model} onChange={set} />
        <Toggle
          name="measure"
          label={t('Biểu đồ xu hướng', 'Trend chart')}
          value={measure}
          onChange={(v) => set({ measure: v === 'raw' ? null : v })}
          options={[
            { value: 'raw', label: t('Số bài', 'Counts') },
            { value: 'share', label: t('Tỷ lệ', 'Share') },
          ]}
        />
      </Filters>
      <KeyFigures model={model} />
      <div className="grid-2">
        <TrendChart model={model} measure={measure} />
        <CoverageMap model={model} />
      </div>
    </section>
  )
}
