import { BarChart, HeatmapChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useMemo } from 'react'
import { useApi, type Table } from '../app/api.ts'
import { fmtAtPrecision } from '../app/dates.ts'
import { useLang, useT } from '../app/i18n.tsx'
import { systemOf, useCampaigns } from '../app/reference.ts'
import { href, navigate, useQuery } from '../app/router.ts'
import { MIN_SHARE_DENOMINATOR } from '../charts/rules.ts'
import { Chart } from '../components/Chart.tsx'
import { Filters, Select, Toggle } from '../components/Field.tsx'
import { SystemSelect, YearRange } from '../components/StandardFilters.tsx'
import { Load } from '../components/State.tsx'

use([HeatmapChart, BarChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer])

interface CoverageRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  campaign_id: string
  campaign_name: string
  articles: number
  share_of_output: number
  province_articles: number
}
interface AdoptionRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  campaign_id: string
  launched_on: string | null
  launched_on_precision: string | null
  first_mention: string
  lag_days: number | null
  articles: number
  lag_flag: 'before_launch' | 'implausible_lag' | null
}

/** Phone-sized chart: fewer, shorter axis labels. */
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 640

export default function Campaigns() {
  const t = useT()
  const { lang } = useLang()
  const [q, set] = useQuery()
  const system = systemOf(q.get('system'))
  const measure = q.get('measure') === 'share' ? 'share' : 'raw'
  const kind = q.get('source_kind') ?? ''
  const fromYear = q.get('from_year') ?? ''
  const toYear = q.get('to_year') ?? ''
  const campaigns = useCampaigns()
  const coverage = useApi<Table<CoverageRow>>(
    href('/api/coverage', { system, source_kind: kind, from_year: fromYear, to_year: toYear })
  )
  const chosen =
    q.get('campaign') ?? (campaigns.state === 'ready' ? (campaigns.data.rows[0]?.campaign_id ?? '') : '')
  const adoption = useApi<Table<AdoptionRow>>(
    chosen
      ? href('/api/campaigns/adoption', {
          system,
          campaign: chosen,
          source_kind: kind,
          from_year: fromYear,
          to_year: toYear,
        })
      : null
  )

  const heat = useMemo(() => {
    if (coverage.state !== 'ready') return null
    const rows = coverage.data.rows
    const camps = [...new Map(rows.map((r) => [r.campaign_id, r.campaign_name])).entries()]
    const provs = [...new Map(rows.map((r) => [r.province_code, r.province_name])).entries()]
    // A share over fewer than MIN_SHARE_DENOMINATOR articles is not drawn as a rate (greyed, with why).
    const shown = (r: CoverageRow) => measure === 'raw' || r.province_articles >= MIN_SHARE_DENOMINATOR
    const val = (r: CoverageRow) =>
      measure === 'share' ? (shown(r) ? Math.round(r.share_of_output * 1000) / 10 : null) : r.articles
    return {
      camps,
      provs,
      option: {
        tooltip: {
          formatter: (p: { data: [number, number, number | null, number, number] }) =>
            `${provs[p.data[1]]?.[1]}<br/>${camps[p.data[0]]?.[1]}<br/><b>${
              measure === 'raw'
                ? p.data[3]
                : p.data[2] === null
                  ? t(
                      `— (chỉ ${p.data[4]} bài, dưới ngưỡng ${MIN_SHARE_DENOMINATOR})`,
                      `— (only ${p.data[4]} articles, under ${MIN_SHARE_DENOMINATOR})`
                    )
                  : `${p.data[2]}% (${p.data[3]}/${p.data[4]})`
            }</b>`,
        },
        grid: { left: 110, right: 16, top: 16, bottom: 190 },
        xAxis: {
          type: 'category',
          data: camps.map(([, n]) => n),
          // whole names, wrapped, never cut
          axisLabel: {
            rotate: narrow() ? 70 : 40,
            interval: 0,
            fontSize: narrow() ? 10 : 12,
            width: narrow() ? 120 : 180,
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
              formatter: (p: { data: { value: [number, number, number | null, number, number] } }) =>
                measure === 'raw'
                  ? String(p.data.value[3])
                  : p.data.value[2] === null
                    ? '—'
                    : `${p.data.value[2]}%`,
            },
          },
        ],
      },
    }
  }, [coverage, measure, t])

  const lag = useMemo(() => {
    if (adoption.state !== 'ready') return null
    const rows = adoption.data.rows.filter((r) => r.lag_days !== null)
    const why = (r: AdoptionRow) =>
      r.lag_flag === 'before_launch'
        ? t('nhắc đến trước ngày phát động: cần kiểm tra', 'mentioned before the launch: check it')
        : r.lag_flag === 'implausible_lag'
          ? t('độ trễ trên 10 năm: cần kiểm tra', 'lag over 10 years: check it')
          : ''
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data: { value: number; row: AdoptionRow } }) =>
          `${p.name}<br/>${t('Phát động', 'Launched')}: ${fmtAtPrecision(lang, p.data.row.launched_on, p.data.row.launched_on_precision)}<br/>${t(
            'Lần đầu nhắc đến',
            'First mention'
          )}: ${fmtAtPrecision(lang, p.data.row.first_mention, 'day')} (${p.data.row.articles} ${t('bài', 'articles')})<br/><b>${p.data.value} ${t(
            'ngày',
            'days'
          )}</b>${why(p.data.row) ? `<br/>⚠ ${why(p.data.row)}` : ''}`,
      },
      grid: { left: 110, right: 24, top: 16, bottom: 32 },
      xAxis: {
        type: 'value',
        name: t('ngày', 'days'),
        splitNumber: narrow() ? 3 : 5,
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
  }, [adoption, t, lang])

  const campaignOptions =
    campaigns.state === 'ready'
      ? campaigns.data.rows
          .filter((c) => c.articles > 0)
          .map((c) => ({ value: c.campaign_id, label: c.name_vi }))
      : []
  return (
    <section>
      <h1>{t('Độ phủ các phong trào thi đua', 'Campaign coverage')}</h1>
      <Filters>
        <SystemSelect value={system} onChange={(v) => set({ system: v })} />
        <Select
          id="source_kind"
          label={t('Loại nguồn', 'Source kind')}
          value={kind}
          onChange={(v) => set({ source_kind: v })}
          options={[
            { value: '', label: t('Tất cả', 'All') },
            { value: 'portal', label: t('Cổng thông tin', 'Portals') },
            { value: 'newspaper', label: t('Báo', 'Newspapers') },
          ]}
        />
        <YearRange from={fromYear} to={toYear} onChange={set} />
        <Toggle
          name="measure"
          label={t('Giá trị', 'Value')}
          value={measure}
          onChange={(v) => set({ measure: v === 'raw' ? null : v })}
          options={[
            { value: 'raw', label: t('Số bài', 'Articles') },
            { value: 'share', label: t('% sản lượng', '% of output') },
          ]}
        />
      </Filters>
      <Load value={coverage} empty={(d) => d.rows.length === 0}>
        {(d) =>
          heat ? (
            <Chart
              testId="coverage-heatmap"
              title={t(
                'Tỉnh × phong trào (bấm để xem bài viết)',
                'Province × campaign (click for the articles)'
              )}
              option={heat.option}
              height={Math.max(360, 36 * heat.provs.length + 240)}
              csv={{ name: `coverage-${system}`, columns: d.columns, rows: d.rows }}
              onClick={(p) => {
                const v = (p as { data?: { value: [number, number, number | null] } }).data?.value
                if (!v) return
                navigate(
                  href('/articles', {
                    system,
                    province: heat.provs[v[1]]?.[0],
                    campaign: heat.camps[v[0]]?.[0],
                    from: fromYear ? `${fromYear}-01-01` : null,
                    to: toYear ? `${toYear}-12-31` : null,
                    unique: 'true',
                  })
                )
              }}
            />
          ) : null
        }
      </Load>
      <h2>{t('Độ trễ hưởng ứng', 'Adoption lag')}</h2>
      <Filters>
        <Select
          id="campaign"
          label={t('Phong trào', 'Campaign')}
          value={chosen}
          onChange={(v) => set({ campaign: v })}
          options={campaignOptions}
        />
      </Filters>
      {chosen ? (
        <Load value={adoption} empty={(d) => d.rows.every((r) => r.lag_days === null)}>
          {(d) =>
            lag ? (
              <Chart
                testId="adoption-chart"
                title={t(
                  'Số ngày từ khi phát động đến lần đầu được nhắc đến',
                  'Days from launch to first mention'
                )}
                option={lag}
                height={Math.max(220, 34 * d.rows.length + 60)}
                csv={{ name: `adoption-${chosen}`, columns: d.columns, rows: d.rows }}
                onClick={(p) => {
                  const code = (p.data as { code?: string } | undefined)?.code
                  navigate(href('/articles', { system, province: code, campaign: chosen, unique: 'true' }))
                }}
              />
            ) : null
          }
        </Load>
      ) : null}
    </section>
  )
}
