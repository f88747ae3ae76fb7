/**
 * The compare view's timeline as a pure option builder: items and milestones in, an ECharts option out.
 * It takes the language, not a `t` made during render, so the view's memo holds across re-renders.
 */
import { fmtWindow } from '../app/dates.ts'
import { MERGER_DATE } from '../app/reference.ts'
import { type Lang, translator } from '../app/translate.ts'
import type { PlannedHeld } from '../../../server/src/routes/province-profile-types.ts'
import type { Milestone, TimelineItem } from '../../../server/src/routes/timelines-types.ts'

/** What an event carries, the timeline rows and milestones: declared beside the server routes. */
export type { Milestone, PlannedHeld, TimelineItem }

export interface TimelineInput {
  readonly rows: ReadonlyArray<TimelineItem>
  readonly milestones: ReadonlyArray<Milestone>
  /** Province codes in the order chosen; one chart row each, even with no item. */
  readonly provinces: ReadonlyArray<string>
  /** Reference names by code, so a province with no item still shows its name, not its code. */
  readonly nameOf: ReadonlyMap<string, string>
  readonly lang: Lang
}

/** A milestone's name short enough for a label on the chart. */
const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** An item's own date at its precision: a planned congress is a window ("8/2025"), the rest a day. */
export const itemWhen = (lang: Lang, r: TimelineItem): string =>
  r.item_kind === 'congress' && r.status !== 'held' && r.planned_start
    ? fmtWindow(lang, r.planned_start, r.planned_end)
    : fmtWindow(lang, r.item_date)

/** "Yên Bái (nay thuộc Lào Cai)": a merged province's history is labelled, never silently credited. */
export const itemWhere = (lang: Lang, r: TimelineItem): string =>
  r.from_merged_province && r.origin_name
    ? translator(lang)(
        `${r.origin_name} (nay thuộc ${r.province_name})`,
        `${r.origin_name} (now part of ${r.province_name})`
      )
    : r.province_name

const STATUS: Record<string, [string, string]> = {
  held: ['đã tổ chức', 'held'],
  planned: ['dự kiến', 'planned'],
  issued: ['ban hành', 'issued'],
}

type Layer = [
  vi: string,
  en: string,
  (r: TimelineItem) => boolean,
  string,
  (r: TimelineItem) => string | null,
]

const kind = (k: TimelineItem['item_kind']) => (r: TimelineItem) => r.item_kind === k
const party = (r: TimelineItem) => r.item_kind === 'org_congress' && r.organization === 'party'
const massOrg = (r: TimelineItem) => r.item_kind === 'org_congress' && r.organization !== 'party'
const held = (r: TimelineItem) => r.item_kind === 'congress' && r.held_on !== null
const itemDate = (r: TimelineItem) => r.item_date

// Party and mass-organisation congresses are the milestones emulation movements greet, each its own
// layer (the legend switches layers on and off)
const LAYERS: ReadonlyArray<Layer> = [
  ['Kế hoạch, văn bản', 'Plans, documents', kind('document'), 'diamond', itemDate],
  ['Hội nghị điển hình', 'Model conferences', kind('conference'), 'circle', itemDate],
  ['Đại hội Đảng', 'Party congresses', party, 'rect', itemDate],
  ['Đại hội đoàn thể', 'Mass-organisation congresses', massOrg, 'roundRect', itemDate],
  ['Đại hội (dự kiến)', 'Congress (planned)', kind('congress'), 'emptyCircle', (r) => r.planned_start],
  ['Đại hội (đã tổ chức)', 'Congress (held)', held, 'triangle', (r) => r.held_on],
]

/** Vertical lines: national milestones (labelled on hover) and the 2025 merger. */
const markLines = (lang: Lang, milestones: ReadonlyArray<Milestone>) => {
  const t = translator(lang)
  return [
    ...milestones.map((m) => ({
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
}

const tooltipText = (lang: Lang, it: TimelineItem): string => {
  const t = translator(lang)
  const delay = it.delay_days ? ` · ${t('trễ', 'delay')} ${it.delay_days} ${t('ngày', 'days')}` : ''
  const pair = STATUS[it.status]
  const status = pair ? t(...pair) : it.status
  return `${itemWhere(lang, it)}<br/>${it.label}<br/>${itemWhen(lang, it)} (${status})${delay}`
}

export const buildTimelineOption = (input: TimelineInput) => {
  const { rows, lang } = input
  const t = translator(lang)
  const cats = input.provinces.map(
    (c) => input.nameOf.get(c) ?? rows.find((r) => r.province_code === c)?.province_name ?? c
  )
  const y = (r: TimelineItem) => input.nameOf.get(r.province_code) ?? r.province_name ?? r.province_code
  const delayLine: Array<unknown> = []
  for (const r of rows.filter((x) => x.item_kind === 'congress' && x.planned_start && x.held_on))
    delayLine.push([r.planned_start, y(r)], [r.held_on, y(r)], '-')
  const markLine = {
    symbol: 'none',
    silent: false,
    data: markLines(lang, input.milestones),
    tooltip: {
      formatter: (m: { name: string; value: string }) => `${fmtWindow(lang, m.value)}<br/>${m.name}`,
    },
  }
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { item?: TimelineItem }; name?: string }) =>
        p.data?.item ? tooltipText(lang, p.data.item) : (p.name ?? ''),
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
      ...LAYERS.map(([vi, en, pred, symbol, date], i) => ({
        name: t(vi, en),
        type: 'scatter',
        symbol,
        symbolSize: 14,
        data: rows.filter((r) => pred(r) && date(r)).map((r) => ({ value: [date(r), y(r)], item: r })),
        ...(i === 0 ? { markLine } : {}),
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
}
