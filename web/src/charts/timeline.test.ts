import { describe, expect, it } from 'vitest'
import { buildTimelineOption, itemWhen, itemWhere, type Milestone, type TimelineItem } from './timeline.ts'

const item = (over: Partial<TimelineItem>): TimelineItem => ({
  province_code: '20',
  province_name: 'Lạng Sơn',
  item_date: '2024-03-05',
  item_kind: 'document',
  organization: null,
  origin_code_2008: null,
  origin_name: null,
  from_merged_province: null,
  label: 'KH 12/KH-UBND',
  status: 'issued',
  planned_start: null,
  planned_end: null,
  held_on: null,
  delay_days: null,
  article_id: 'a1',
  event_id: null,
  document_id: 'd1',
  reports: 1,
  has_conflict: false,
  ...over,
})
const milestone: Milestone = {
  id: 'm1',
  date: '2025-06-01',
  event_vi: 'Đại hội thi đua yêu nước toàn quốc lần thứ XI',
  document: null,
}

type Series = { name: string; type: string; data: Array<{ value: [string, string]; item: TimelineItem }> }
const seriesOf = (o: ReturnType<typeof buildTimelineOption>) => o.series as unknown as Series[]
const build = (rows: TimelineItem[], lang: 'vi' | 'en' = 'vi') =>
  buildTimelineOption({
    rows,
    milestones: [milestone],
    provinces: ['20', '40'],
    nameOf: new Map([['40', 'Nghệ An']]),
    lang,
  })

describe('buildTimelineOption', () => {
  it('gives every chosen province a row, named from the reference list or the items', () => {
    expect(build([item({})]).yAxis.data).toEqual(['Lạng Sơn', 'Nghệ An'])
  })

  it('puts a planned-and-held congress in both layers and joins the two dates with a delay line', () => {
    const congress = item({
      item_kind: 'congress',
      status: 'held',
      item_date: null,
      planned_start: '2025-08-01',
      planned_end: '2025-08-31',
      held_on: '2025-09-20',
      delay_days: 50,
    })
    const s = seriesOf(build([item({}), congress]))
    const planned = s.find((x) => x.name === 'Đại hội (dự kiến)')
    const held = s.find((x) => x.name === 'Đại hội (đã tổ chức)')
    expect(planned?.data.map((d) => d.value)).toEqual([['2025-08-01', 'Lạng Sơn']])
    expect(held?.data.map((d) => d.value)).toEqual([['2025-09-20', 'Lạng Sơn']])
    expect(s.at(-1)?.data).toEqual([['2025-08-01', 'Lạng Sơn'], ['2025-09-20', 'Lạng Sơn'], '-'])
    expect(s.find((x) => x.name === 'Kế hoạch, văn bản')?.data).toHaveLength(1)
  })

  it('splits party congresses from mass-organisation ones and leaves undated items out', () => {
    const s = seriesOf(
      build(
        [
          item({ item_kind: 'org_congress', organization: 'party' }),
          item({ item_kind: 'org_congress', organization: 'youth_union' }),
          item({ item_kind: 'org_congress', organization: 'women_union', item_date: null }),
        ],
        'en'
      )
    )
    expect(s.find((x) => x.name === 'Party congresses')?.data).toHaveLength(1)
    expect(s.find((x) => x.name === 'Mass-organisation congresses')?.data).toHaveLength(1)
  })

  it('draws the milestones and the 1 July 2025 merger as vertical lines on the first layer', () => {
    const first = build([item({})], 'en').series[0] as {
      markLine?: { data: Array<{ xAxis: string; name: string }> }
    }
    expect(first.markLine?.data.map((m) => m.xAxis)).toEqual(['2025-06-01', '2025-07-01'])
    expect(first.markLine?.data[1]?.name).toContain('merger')
  })

  it('describes a point in the language asked for, with the delay', () => {
    const o = build([], 'en')
    const tip = o.tooltip.formatter({
      data: { item: item({ item_kind: 'congress', status: 'held', held_on: '2025-09-20', delay_days: 12 }) },
    })
    expect(tip).toContain('(held) · delay 12 days')
    expect(o.tooltip.formatter({ name: 'x' })).toBe('x')
  })
})

describe('timeline labels', () => {
  it('names a planned congress by its window and anything else by its day', () => {
    const planned = item({
      item_kind: 'congress',
      status: 'planned',
      planned_start: '2025-08-01',
      planned_end: '2025-08-31',
    })
    expect(itemWhen('vi', planned)).toBe('8/2025')
    expect(itemWhen('en', item({}))).toBe('5 Mar 2024')
  })

  it('labels a merged province’s history with its former name', () => {
    const merged = item({ from_merged_province: true, origin_name: 'Yên Bái', province_name: 'Lào Cai' })
    expect(itemWhere('vi', merged)).toBe('Yên Bái (nay thuộc Lào Cai)')
    expect(itemWhere('en', merged)).toBe('Yên Bái (now part of Lào Cai)')
    expect(itemWhere('vi', item({}))).toBe('Lạng Sơn')
  })
})
