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
import { fmtDateTime, fmtNumber, useLang, useT } from '../app/i18n.tsx'
import { systemOf, useProvinces, type System } from '../app/reference.ts'
import { href, navigate, useQuery } from '../app/router.ts'
import { Chart } from '../components/Chart.tsx'
import { Filters, Select, Toggle } from '../components/Field.tsx'
import { YearRange } from '../components/StandardFilters.tsx'
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

interface Health {
  articles: number
  latest_article: string | null
  last_run: string | null
  version: string
}
interface TrendRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  month: string
  articles: number
  share_of_output: number
  all_articles: number | null
}
interface MapRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  articles: number
  campaigns: number
}

const KeyFigures = ({ system }: { system: System }) => {
  const t = useT()
  const { lang } = useLang()
  const health = useApi<Health>('/api/health')
  const provinces = useProvinces(system)
  const campaigns = useApi<Table>('/api/campaigns')
  const docs = useApi<Table>('/api/documents?limit=1&level=central')
  if (
    health.state !== 'ready' ||
    provinces.state !== 'ready' ||
    campaigns.state !== 'ready' ||
    docs.state !== 'ready'
  ) {
    const failed = [health, provinces, campaigns, docs].find((v) => v.state === 'error')
    return failed && failed.state === 'error' ? <ErrorState error={failed.error} /> : <Loading />
  }
  const covered = provinces.data.rows.filter((r) => r.articles > 0).length
  const active = campaigns.data.rows.filter((r) => Number(r.articles) > 0).length
  const figures: Array<[string, string, string]> = [
    [fmtNumber(lang, health.data.articles), t('bài viết', 'articles'), '/articles'],
    [
      `${covered}/${provinces.data.rows.length}`,
      t('tỉnh có dữ liệu', 'provinces with data'),
      href('/compare', { system }),
    ],
    [fmtNumber(lang, active), t('phong trào được nhắc đến', 'campaigns mentioned'), '/campaigns'],
    [
      fmtNumber(lang, docs.data.total ?? 0),
      t('văn bản trung ương được trích dẫn', 'central documents cited'),
      href('/documents', { level: 'central' }),
    ],
  ]
  return (
    <ul className="figures">
      {figures.map(([n, label, link]) => (
        <li key={label}>
          <a href={link}>
            <strong>{n}</strong>
            <span>{label}</span>
          </a>
        </li>
      ))}
      <li className="muted">
        <span>
          {t('Bài mới nhất', 'Latest article')}: {health.data.latest_article?.slice(0, 10) ?? '—'}
        </span>
        <span>
          {t('Lượt chạy gần nhất', 'Last run')}: {fmtDateTime(lang, health.data.last_run)}
        </span>
      </li>
    </ul>
  )
}

/** Provinces drawn as lines; the rest are in the national bars (and the CSV). */
const TOP_PROVINCES = 5

/**
 * Articles per year: all provinces together as bars, the five most active provinces as lines. Monthly
 * rows are summed into years (the corpus is sparse per province and month) and every year in the
 * range gets a slot, so a quiet year shows as zero instead of disappearing.
 */
const TrendChart = ({ system, measure }: { system: System; measure: 'raw' | 'share' }) => {
  const t = useT()
  const trends = useApi<Table<TrendRow>>(`/api/trends?system=${system}`)
  const option = useMemo(() => {
    if (trends.state !== 'ready') return null
    const rows = trends.data.rows
    const yearsSeen = rows.map((r) => Number(r.month.slice(0, 4)))
    const first = Math.min(...yearsSeen)
    const last = Math.max(...yearsSeen)
    const years = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(first + i))
    const sum = new Map<string, { a: number; all: number }>()
    const add = (key: string, r: TrendRow) => {
      const v = sum.get(key) ?? { a: 0, all: 0 }
      v.a += r.articles
      v.all += r.all_articles ?? r.articles
      sum.set(key, v)
    }
    const totals = new Map<string, number>()
    const names = new Map<string, string>()
    for (const r of rows) {
      const y = r.month.slice(0, 4)
      add(`*|${y}`, r)
      add(`${r.province_code}|${y}`, r)
      totals.set(r.province_code, (totals.get(r.province_code) ?? 0) + r.articles)
      names.set(r.province_code, r.province_name ?? r.province_code)
    }
    const top = [...totals.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_PROVINCES)
      .map(([code]) => code)
    const value = (key: string) => {
      const v = sum.get(key)
      if (!v) return measure === 'share' ? null : 0
      return measure === 'share' ? (v.all ? Math.round((v.a / v.all) * 1000) / 1000 : null) : v.a
    }
    const allName = t('Tất cả các tỉnh', 'All provinces')
    return {
      provinceOf: new Map([...names.entries()].map(([code, name]) => [name, code])),
      option: {
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: number | null) =>
            v === null || v === undefined
              ? '—'
              : measure === 'share'
                ? `${(v * 100).toFixed(0)}%`
                : String(v),
        },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 44, right: 16, top: 48, bottom: 56 },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 6 }],
        xAxis: { type: 'category', data: years },
        yAxis: {
          type: 'value',
          minInterval: measure === 'share' ? undefined : 1,
          max: measure === 'share' ? 1 : undefined,
          axisLabel: measure === 'share' ? { formatter: (v: number) => `${Math.round(v * 100)}%` } : {},
        },
        series: [
          {
            name: allName,
            type: 'bar',
            itemStyle: { color: '#cbd5e1' },
            barMaxWidth: 28,
            data: years.map((y) => value(`*|${y}`)),
          },
          ...top.map((code) => ({
            name: names.get(code) ?? code,
            type: 'line',
            connectNulls: true,
            symbolSize: 6,
            data: years.map((y) => value(`${code}|${y}`)),
          })),
        ],
      },
    }
  }, [trends, measure, t])
  return (
    <Load value={trends} empty={(d) => d.rows.length === 0}>
      {(d) => (
        <Chart
          testId="trend-chart"
          title={
            measure === 'raw'
              ? t('Bài viết về thi đua theo năm', 'Emulation articles per year')
              : t('Tỷ lệ bài về thi đua trên tổng số bài', 'Share of emulation articles in the output')
          }
          option={option?.option ?? {}}
          csv={{ name: `trends-${system}`, columns: d.columns, rows: d.rows }}
          onClick={(p) => {
            const year = typeof p.name === 'string' && /^\d{4}$/.test(p.name) ? p.name : null
            if (!year) return
            navigate(
              href('/articles', {
                province: p.seriesName ? option?.provinceOf.get(p.seriesName) : null,
                system,
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

const CoverageMap = ({ system, fromYear, toYear }: { system: System; fromYear: string; toYear: string }) => {
  const t = useT()
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
    href('/api/coverage/provinces', { system, from_year: fromYear, to_year: toYear })
  )
  const option = useMemo(() => {
    if (data.state !== 'ready' || mapReady !== system) return null
    const max = Math.max(1, ...data.data.rows.map((r) => r.articles))
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
            value: r.articles,
            province_name: r.province_name,
          })),
        },
      ],
    }
  }, [data, mapReady, system, t])
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
              navigate(
                href('/articles', {
                  system,
                  province: p.name,
                  from: fromYear ? `${fromYear}-01-01` : null,
                  to: toYear ? `${toYear}-12-31` : null,
                  unique: 'true',
                })
              )
            }
            footer={<small className="attribution">{t(GEO_ATTRIBUTION_VI, GEO_ATTRIBUTION_EN)}</small>}
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
  const system = systemOf(q.get('system'))
  const measure = q.get('measure') === 'share' ? 'share' : 'raw'
  const fromYear = q.get('from_year') ?? ''
  const toYear = q.get('to_year') ?? ''
  const sysOptions = [
    { value: '2025', label: t('34 tỉnh (từ 1/7/2025)', '34 units (from 1 Jul 2025)') },
    { value: '2008', label: t('63 tỉnh (đến 30/6/2025)', '63 units (to 30 Jun 2025)') },
  ]
  return (
    <section>
      <h1>{t('Tổng quan phong trào thi đua yêu nước', 'Patriotic emulation movements: overview')}</h1>
      <Filters>
        <Select
          id="system"
          label={t('Hệ đơn vị hành chính', 'Unit system')}
          value={system}
          onChange={(v) => set({ system: v })}
          options={sysOptions}
        />
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
        <YearRange from={fromYear} to={toYear} onChange={set} />
      </Filters>
      <KeyFigures system={system} />
      <div className="grid-2">
        <TrendChart system={system} measure={measure} />
        <CoverageMap system={system} fromYear={fromYear} toYear={toYear} />
      </div>
    </section>
  )
}
