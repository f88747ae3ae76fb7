/**
 * One API call drawn as one chart: loading, error and empty states from `Load`, then the chart once its
 * memoised option is built. `props` turns the loaded data into the chart's title, CSV and size.
 */
import type { EChartsCoreOption } from 'echarts/core'
import type { Loadable } from '../app/api.ts'
import { Chart, type ChartProps } from './Chart.tsx'
import { Load } from './State.tsx'

export interface ChartCardProps<T> {
  readonly value: Loadable<T>
  readonly option: EChartsCoreOption | null
  readonly empty?: (d: T) => boolean
  readonly props: (d: T) => Omit<ChartProps, 'option'>
}

export function ChartCard<T>({ value, option, empty, props }: ChartCardProps<T>) {
  return <Load {...{ value, empty }}>{(d) => (option ? <Chart {...props(d)} option={option} /> : null)}</Load>
}
