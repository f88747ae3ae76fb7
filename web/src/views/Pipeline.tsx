import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent, DataZoomComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useMemo } from 'react'
import { useApi, type Table } from '../app/api.ts'
import { fmtDateTime, useLang, useT } from '../app/i18n.tsx'
import { href, useQuery } from '../app/router.ts'
import { DataChecks } from '../components/DataChecks.tsx'
import { Chart } from '../components/Chart.tsx'
import { DataTable } from '../components/DataTable.tsx'
import { Filters, Select } from '../components/Field.tsx'
import { Load } from '../components/State.tsx'
import { AlertsPanel } from './alerts/AlertsPanel.tsx'

use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  CanvasRenderer,
])

interface SourceRow extends Record<string, unknown> {
  source_id: string
  name: string
  kind: string
  last_success: string | null
  fetched: number | null
  failed: number | null
  last_error: string | null
  gap_months: number
  last_gap_month: string | null
  articles: number
}
interface LedgerRow extends Record<string, unknown> {
  source_id: string
  month: string
  expected: number
  found: number
  gap_flag: boolean
}

export default function Pipeline() {
  const t = useT()
  const { lang } = useLang()
  const [q, set] = useQuery()
  const runs = useApi<Table>('/api/runs?limit=20')
  const sources = useApi<Table<SourceRow>>(href('/api/sources', { kind: q.get('kind') }))
  const chosen = q.get('source') ?? (sources.state === 'ready' ? (sources.data.rows[0]?.source_id ?? '') : '')
  const ledger = useApi<Table<LedgerRow>>(chosen ? href('/api/sources/ledger', { source: chosen }) : null)
  const option = useMemo(() => {
    if (ledger.state !== 'ready') return null
    const rows = ledger.data.rows
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 60 },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 6 }],
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('Tìm thấy', 'Found'),
          type: 'bar',
          stack: 'month',
          data: rows.map((r) => ({
            value: r.found,
            itemStyle: { color: r.gap_flag ? '#dc2626' : '#2563eb' },
          })),
        },
        {
          // what a flagged month is missing against the baseline, so an empty month is still visible
          name: t('Thiếu so với mức nền', 'Missing against baseline'),
          type: 'bar',
          stack: 'month',
          itemStyle: { color: 'rgba(220, 38, 38, 0.25)', borderColor: '#dc2626', borderType: 'dashed' },
          data: rows.map((r) => (r.gap_flag ? Math.max(0, r.expected - r.found) : 0)),
        },
        {
          name: t('Kỳ vọng (mức nền)', 'Expected (baseline)'),
          type: 'line',
          step: 'middle',
          symbol: 'none',
          data: rows.map((r) => r.expected),
          lineStyle: { color: '#64748b', type: 'dashed' },
        },
      ],
    }
  }, [ledger, t])
  return (
    <section>
      <h1>{t('Quy trình thu thập dữ liệu', 'Data pipeline')}</h1>
      <DataChecks />
      <h2>{t('Sức khỏe nguồn', 'Source health')}</h2>
      <Filters>
        <Select
          id="kind"
          label={t('Loại nguồn', 'Source kind')}
          value={q.get('kind') ?? ''}
          onChange={(v) => set({ kind: v })}
          options={[
            { value: '', label: t('Tất cả', 'All') },
            { value: 'portal', label: t('Cổng thông tin', 'Portals') },
            { value: 'newspaper', label: t('Báo', 'Newspapers') },
          ]}
        />
      </Filters>
      <Load value={sources} empty={(d) => d.rows.length === 0}>
        {(d) => (
          <DataTable
            name="source-health"
            rows={d.rows}
            onRowClick={(r) => set({ source: r.source_id })}
            selected={(r) => r.source_id === chosen}
            columns={[
              {
                key: 'source_id',
                label: t('Nguồn', 'Source'),
                render: (r) => (
                  <span>
                    {r.name ?? r.source_id} <small className="muted">{r.source_id}</small>
                  </span>
                ),
              },
              { key: 'kind', label: t('Loại', 'Kind') },
              {
                key: 'last_success',
                label: t('Thành công gần nhất', 'Last success'),
                render: (r) => fmtDateTime(lang, r.last_success),
              },
              {
                key: 'articles',
                label: t('Bài viết', 'Articles'),
                numeric: true,
                render: (r) =>
                  r.articles > 0 ? (
                    <a className="count" href={href('/articles', { source: r.source_id })}>
                      {r.articles}
                    </a>
                  ) : (
                    '0'
                  ),
              },
              { key: 'fetched', label: t('Đã tải', 'Fetched'), numeric: true },
              { key: 'failed', label: t('Lỗi', 'Failed'), numeric: true },
              { key: 'last_error', label: t('Lỗi gần nhất', 'Last error') },
              {
                key: 'gap_months',
                label: t('Tháng thiếu dữ liệu', 'Gap months'),
                numeric: true,
                render: (r) => (r.gap_months > 0 ? <strong className="warn">⚠ {r.gap_months}</strong> : '0'),
              },
            ]}
          />
        )}
      </Load>
      <p className="muted">
        {t(
          'Tháng bị đánh dấu đỏ: số bài thấp hơn nhiều so với mức nền của chính nguồn đó — thiếu dữ liệu, không nên hiểu là địa phương không hoạt động.',
          'Red months: output far below the source’s own baseline — missing data, not inactivity.'
        )}
      </p>
      {chosen ? (
        <Load value={ledger} empty={(d) => d.rows.length === 0}>
          {(d) =>
            option ? (
              <Chart
                testId="ledger-chart"
                title={t(`Sổ theo dõi độ phủ: ${chosen}`, `Coverage ledger: ${chosen}`)}
                option={option}
                csv={{ name: `ledger-${chosen}`, columns: d.columns, rows: d.rows }}
              />
            ) : null
          }
        </Load>
      ) : null}
      <h2>{t('Các lượt chạy', 'Runs')}</h2>
      <Load value={runs} empty={(d) => d.rows.length === 0}>
        {(d) => (
          <DataTable
            name="runs"
            rows={d.rows}
            columns={[
              { key: 'run_id', label: t('Lượt chạy', 'Run') },
              {
                key: 'started_at',
                label: t('Bắt đầu', 'Started'),
                render: (r) => fmtDateTime(lang, r.started_at as string | null),
              },
              {
                key: 'finished_at',
                label: t('Kết thúc', 'Finished'),
                render: (r) => fmtDateTime(lang, r.finished_at as string | null),
              },
              { key: 'status', label: t('Trạng thái', 'Status') },
              { key: 'mode', label: t('Chế độ', 'Mode') },
              { key: 'articles_loaded', label: t('Bài đã nạp', 'Articles loaded'), numeric: true },
              { key: 'extractor_version', label: t('Phiên bản trích xuất', 'Extractor version') },
              { key: 'error', label: t('Lỗi', 'Error') },
            ]}
          />
        )}
      </Load>
      <AlertsPanel />
    </section>
  )
}
