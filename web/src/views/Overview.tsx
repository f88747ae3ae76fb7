import { LineChart, MapChart } from 'echarts/charts'
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
import { fmtNumber, useLang, useT } from '../app/i18n.tsx'
import { systemOf, useProvinces, type System } from '../app/reference.ts'
import { href, navigate, useQuery } from '../app/router.ts'
import { Chart } from '../components/Chart.tsx'
import { Filters, Select, Toggle } from '../components/Field.tsx'
import { ErrorState, Load, Loading } from '../components/State.tsx'

use([
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
}
interface MapRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  articles: number
  campaigns: number
}

const YEARS = ['', '2023', '2024', '2025', '2026']

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
          {t('Lượt chạy gần nhất', 'Last run')}: {health.data.last_run?.slice(0, 16) ?? '—'}
        </span>
      </li>
    </ul>
  )
}

const TrendChart = ({ system, measure }: { system: System; measure: 'raw' | 'share' }) => {
  const t = useT()
  const trends = useApi<Table<TrendRow>>(`/api/trends?system=${system}`)
  const option = useMemo(() => {
    if (trends.state !== 'ready') return null
    const rows = trends.data.rows
    const months = [...new Set(rows.map((r) => r.month))].sort()
    const byProv = new Map<string, TrendRow[]>()
    for (const r of rows)
      byProv.set(r.province_name ?? r.province_code, [
        ...(byProv.get(r.province_name ?? r.province_code) ?? []),
        r,
      ])
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => (measure === 'share' ? `${(v * 100).toFixed(1)}%` : String(v)),
      },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      xAxis: { type: 'category', data: months },
      yAxis: {
        type: 'value',
        axisLabel: measure === 'share' ? { formatter: (v: number) => `${Math.round(v * 100)}%` } : {},
      },
      series: [...byProv.entries()].map(([name, rs]) => {
        const m = new Map(rs.map((r) => [r.month, measure === 'share' ? r.share_of_output : r.articles]))
        return {
          name,
          type: 'line',
          smooth: false,
          showSymbol: false,
          connectNulls: false,
          data: months.map((mo) => m.get(mo) ?? 0),
        }
      }),
    }
  }, [trends, measure])
  return (
    <Load value={trends} empty={(d) => d.rows.length === 0}>
      {(d) => (
        <Chart
          testId="trend-chart"
          title={
            measure === 'raw'
              ? t('Số bài viết theo tháng', 'Articles per month')
              : t('Tỷ lệ trên tổng số bài của tỉnh', "Share of each province's output")
          }
          option={option ?? {}}
          csv={{ name: `trends-${system}`, columns: d.columns, rows: d.rows }}
          onClick={(p) => {
            const month = typeof p.name === 'string' ? p.name : null
            const row = d.rows.find((r) => r.province_name === p.seriesName)
            if (month)
              navigate(
                href('/articles', {
                  province: row?.province_code,
                  system,
                  from: month,
                  to: endOfMonth(month),
                })
              )
          }}
        />
      )}
    </Load>
  )
}

const endOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y!, m!, 0))
  return d.toISOString().slice(0, 10)
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
        text: [t('nhiều', 'more'), '0'],
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
            onClick={(p) => p.name && navigate(href('/compare', { system, province: p.name }))}
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
        <Select
          id="from_year"
          label={t('Từ năm', 'From year')}
          value={fromYear}
          onChange={(v) => set({ from_year: v })}
          options={YEARS.map((y) => ({ value: y, label: y || t('Tất cả', 'All') }))}
        />
        <Select
          id="to_year"
          label={t('Đến năm', 'To year')}
          value={toYear}
          onChange={(v) => set({ to_year: v })}
          options={YEARS.map((y) => ({ value: y, label: y || t('Tất cả', 'All') }))}
        />
      </Filters>
      <KeyFigures system={system} />
      <div className="grid-2">
        <TrendChart system={system} measure={measure} />
        <CoverageMap system={system} fromYear={fromYear} toYear={toYear} />
      </div>
    </section>
  )
}
