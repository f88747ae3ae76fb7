import { LineChart, ScatterChart } from 'echarts/charts'
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useCallback, useMemo } from 'react'
import { useApi, type Table } from '../app/api.ts'
import { fmtWindow } from '../app/dates.ts'
import { type Lang, useLang, useT } from '../app/i18n.tsx'
import { MERGER_DATE, systemOf, useProvinces } from '../app/reference.ts'
import { href, navigate, useQuery } from '../app/router.ts'
import { Chart } from '../components/Chart.tsx'
import { DataTable } from '../components/DataTable.tsx'
import { Filters, TextField } from '../components/Field.tsx'
import { SystemSelect } from '../components/StandardFilters.tsx'
import { Load } from '../components/State.tsx'

use([
  ScatterChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
])

interface Item extends Record<string, unknown> {
  province_code: string
  province_name: string
  item_date: string | null
  item_kind: 'document' | 'conference' | 'congress' | 'org_congress'
  organization: string | null
  origin_name: string | null
  from_merged_province: boolean | null
  label: string
  status: string
  planned_start: string | null
  planned_end: string | null
  held_on: string | null
  delay_days: number | null
  article_id: string | null
  event_id: string | null
  document_id: string | null
  reports: number | null
}
interface Milestone extends Record<string, unknown> {
  id: string
  date: string
  event_vi: string
}

/** A milestone's name short enough for a label on the chart. */
const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

const DEFAULT = { '2025': '20,40,15,51', '2008': '20,40,10,62' }

/** An item's own date at its precision: a planned congress is a window ("8/2025"), the rest a day. */
const itemWhen = (lang: Lang, r: Item): string =>
  r.item_kind === 'congress' && r.status !== 'held' && r.planned_start
    ? fmtWindow(lang, r.planned_start, r.planned_end)
    : fmtWindow(lang, r.item_date)

export default function Compare() {
  const t = useT()
  const { lang } = useLang()
  const [q, set] = useQuery()
  const system = systemOf(q.get('system'))
  const provinceParam = q.get('province') ?? DEFAULT[system]
  // Two congress cycles (2020 and 2025) by default; the filter reaches back to 2008.
  const from = q.get('from') ?? '2019-01'
  const to = q.get('to') ?? ''
  const provinces = useProvinces(system)
  // 'none' is an explicit empty choice (an absent parameter means the default provinces)
  const selected = provinceParam.split(',').filter((c) => /^\d{2}$/.test(c))
  const items = useApi<Table<Item>>(
    selected.length ? href('/api/timelines', { system, province: selected.join(','), from, to }) : null
  )
  const nameOf = useMemo(() => {
    const m = new Map<string, string>()
    if (provinces.state === 'ready') for (const p of provinces.data.rows) m.set(p.code, p.name_vi)
    return m
  }, [provinces])
  const milestones = useApi<Table<Milestone>>(href('/api/timelines/milestones', { from, to }))

  /** "Yên Bái (nay thuộc Lào Cai)": a merged province's history is labelled, never silently credited. */
  const where = useCallback(
    (r: Item) =>
      r.from_merged_province && r.origin_name
        ? t(
            `${r.origin_name} (nay thuộc ${r.province_name})`,
            `${r.origin_name} (now part of ${r.province_name})`
          )
        : r.province_name,
    [t]
  )
  const option = useMemo(() => {
    if (items.state !== 'ready' || milestones.state !== 'ready') return null
    const rows = items.data.rows
    // names from the reference list, so a province with no item still shows its name, not its code
    const cats = selected.map(
      (c) => nameOf.get(c) ?? rows.find((r) => r.province_code === c)?.province_name ?? c
    )
    const y = (r: Item) => nameOf.get(r.province_code) ?? r.province_name ?? r.province_code
    const point = (r: Item, date: string | null) => ({ value: [date, y(r)], item: r })
    const kinds: Array<[string, (r: Item) => boolean, string, (r: Item) => string | null]> = [
      [
        t('Kế hoạch, văn bản', 'Plans, documents'),
        (r) => r.item_kind === 'document',
        'diamond',
        (r) => r.item_date,
      ],
      [
        t('Hội nghị điển hình', 'Model conferences'),
        (r) => r.item_kind === 'conference',
        'circle',
        (r) => r.item_date,
      ],
      // Party and mass-organisation congresses: the milestones emulation movements greet, each its own
      // layer (the legend switches layers on and off)
      [
        t('Đại hội Đảng', 'Party congresses'),
        (r) => r.item_kind === 'org_congress' && r.organization === 'party',
        'rect',
        (r) => r.item_date,
      ],
      [
        t('Đại hội đoàn thể', 'Mass-organisation congresses'),
        (r) => r.item_kind === 'org_congress' && r.organization !== 'party',
        'roundRect',
        (r) => r.item_date,
      ],
      [
        t('Đại hội (dự kiến)', 'Congress (planned)'),
        (r) => r.item_kind === 'congress',
        'emptyCircle',
        (r) => r.planned_start,
      ],
      [
        t('Đại hội (đã tổ chức)', 'Congress (held)'),
        (r) => r.item_kind === 'congress' && r.held_on !== null,
        'triangle',
        (r) => r.held_on,
      ],
    ]
    const delayLine: Array<unknown> = []
    for (const r of rows.filter((x) => x.item_kind === 'congress' && x.planned_start && x.held_on))
      delayLine.push([r.planned_start, y(r)], [r.held_on, y(r)], '-')
    const marks = [
      ...milestones.data.rows.map((m) => ({
        xAxis: m.date,
        name: m.event_vi,
        lineStyle: { color: '#64748b', type: 'dashed' },
        // labelled on hover: dozens of always-on labels would cover the points
        label: { show: false },
        emphasis: { label: { show: true, formatter: short(m.event_vi), position: 'insideEndTop' } },
      })),
      {
        xAxis: MERGER_DATE,
        name: t('Sáp nhập tỉnh 1/7/2025 (63 → 34)', 'Province merger 1 Jul 2025 (63 → 34)'),
        lineStyle: { color: '#dc2626', width: 2 },
        // drawn inside the plot, left of the line, so it is not cut off at the right edge
        label: {
          formatter: t('Sáp nhập 1/7/2025', 'Merger 1 Jul 2025'),
          color: '#dc2626',
          position: 'insideEndBottom',
        },
      },
    ]
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { item?: Item }; name?: string; seriesName?: string }) => {
          const it = p.data?.item
          if (!it) return p.name ?? ''
          const delay = it.delay_days ? ` · ${t('trễ', 'delay')} ${it.delay_days} ${t('ngày', 'days')}` : ''
          const status =
            it.status === 'held'
              ? t('đã tổ chức', 'held')
              : it.status === 'planned'
                ? t('dự kiến', 'planned')
                : it.status === 'issued'
                  ? t('ban hành', 'issued')
                  : it.status
          return `${where(it)}<br/>${it.label}<br/>${itemWhen(lang, it)} (${status})${delay}`
        },
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 110, right: 24, top: 48, bottom: 70 },
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: cats, inverse: true },
      dataZoom: [
        { type: 'inside', xAxisIndex: 0 },
        { type: 'slider', xAxisIndex: 0, height: 18, bottom: 10 },
      ],
      series: [
        ...kinds.map(([name, pred, symbol, date], i) => ({
          name,
          type: 'scatter',
          symbol,
          symbolSize: 14,
          data: rows.filter((r) => pred(r) && date(r)).map((r) => point(r, date(r))),
          ...(i === 0
            ? {
                markLine: {
                  symbol: 'none',
                  silent: false,
                  data: marks,
                  tooltip: {
                    formatter: (m: { name: string; value: string }) =>
                      `${fmtWindow(lang, m.value)}<br/>${m.name}`,
                  },
                },
              }
            : {}),
        })),
        {
          name: t('Độ trễ đại hội', 'Congress delay'),
          type: 'line',
          data: delayLine,
          symbol: 'none',
          lineStyle: { color: '#f59e0b', width: 3 },
          tooltip: { show: false },
        },
      ],
    }
  }, [items, milestones, selected, t, lang, nameOf, where])

  const provinceOptions = provinces.state === 'ready' ? provinces.data.rows : []
  const toggleProvince = (code: string) => {
    const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code].slice(-8)
    set({ province: next.join(',') || 'none' })
  }
  return (
    <section>
      <h1>{t('So sánh tiến trình các tỉnh', 'Compare provinces’ timelines')}</h1>
      <Filters>
        <SystemSelect value={system} onChange={(v) => set({ system: v, province: null })} />
        <TextField
          id="from"
          type="month"
          label={t('Từ tháng', 'From month')}
          value={from}
          onChange={(v) => set({ from: v })}
        />
        <TextField
          id="to"
          type="month"
          label={t('Đến tháng', 'To month')}
          value={to}
          onChange={(v) => set({ to: v })}
        />
      </Filters>
      <fieldset className="chips">
        <legend>{t('Tỉnh (tối đa 8)', 'Provinces (max 8)')}</legend>
        {provinceOptions
          .filter((p) => p.articles > 0 || selected.includes(p.code))
          .map((p) => (
            <label key={p.code} className={selected.includes(p.code) ? 'chip on' : 'chip'}>
              <input
                type="checkbox"
                checked={selected.includes(p.code)}
                onChange={() => toggleProvince(p.code)}
              />
              {p.name_vi}
            </label>
          ))}
      </fieldset>
      {selected.length === 0 ? (
        <p className="state empty">
          {t('Chọn ít nhất một tỉnh để so sánh.', 'Choose at least one province to compare.')}
        </p>
      ) : (
        <Load value={items} empty={(d) => d.rows.length === 0}>
          {(d) => (
            <>
              {option ? (
                <Chart
                  testId="timeline-chart"
                  title={t(
                    'Kế hoạch, hội nghị, đại hội: dự kiến và thực tế',
                    'Plans, conferences, congresses: planned vs held'
                  )}
                  option={option}
                  height={Math.max(260, 90 * selected.length + 120)}
                  csv={{ name: 'timelines', columns: d.columns, rows: d.rows }}
                  onClick={(p) => {
                    const it = (p.data as { item?: Item } | undefined)?.item
                    if (it?.article_id) navigate(`/articles/${encodeURIComponent(it.article_id)}`)
                  }}
                />
              ) : null}
              <DataTable
                name="timelines"
                rows={d.rows}
                onRowClick={(r) => r.article_id && navigate(`/articles/${encodeURIComponent(r.article_id)}`)}
                columns={[
                  { key: 'province_name', label: t('Tỉnh', 'Province'), render: (r) => where(r) },
                  { key: 'item_date', label: t('Thời gian', 'When'), render: (r) => itemWhen(lang, r) },
                  {
                    key: 'item_kind',
                    label: t('Loại', 'Kind'),
                    render: (r) =>
                      r.item_kind === 'document'
                        ? t('Văn bản', 'Document')
                        : r.item_kind === 'congress'
                          ? t('Đại hội', 'Congress')
                          : t('Hội nghị', 'Conference'),
                  },
                  { key: 'label', label: t('Nội dung', 'Item') },
                  {
                    key: 'status',
                    label: t('Trạng thái', 'Status'),
                    render: (r) =>
                      r.status === 'issued'
                        ? t('Ban hành', 'Issued')
                        : r.status === 'held'
                          ? t('Đã tổ chức', 'Held')
                          : r.status === 'planned'
                            ? t('Dự kiến', 'Planned')
                            : t('Chưa rõ', 'Unknown'),
                  },
                  {
                    key: 'planned_start',
                    label: t('Dự kiến', 'Planned'),
                    render: (r) => (r.planned_start ? fmtWindow(lang, r.planned_start, r.planned_end) : ''),
                  },
                  {
                    key: 'held_on',
                    label: t('Tổ chức', 'Held'),
                    render: (r) => (r.held_on ? fmtWindow(lang, r.held_on) : ''),
                  },
                  { key: 'delay_days', label: t('Trễ (ngày)', 'Delay (days)'), numeric: true },
                  {
                    key: 'reports',
                    label: t('Số bài', 'Reports'),
                    numeric: true,
                    render: (r) =>
                      r.event_id || r.document_id ? (
                        <a
                          className="count"
                          href={href('/articles', { event_id: r.event_id, document: r.document_id })}
                          title={t(
                            'Các bài và câu nói về mục này',
                            'The articles and sentences behind this item'
                          )}
                        >
                          {String(r.reports ?? '')}
                        </a>
                      ) : (
                        String(r.reports ?? '—')
                      ),
                  },
                ]}
              />
            </>
          )}
        </Load>
      )}
    </section>
  )
}
