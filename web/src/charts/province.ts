/** The province page's charts as pure option builders (unit-tested; the view only lays them out). */

export interface ProvinceDocument {
  readonly issued_on: string | null
}
export interface ProvinceCampaign {
  readonly campaign_name: string
  readonly lag_days: number | null
  readonly national_median_lag_days: number | null
}

/** Documents issued per year; every year between the first and last gets a slot. */
export const documentsPerYearOption = (docs: ReadonlyArray<ProvinceDocument>, seriesName: string) => {
  const counts = new Map<number, number>()
  for (const d of docs) {
    const y = d.issued_on ? Number(d.issued_on.slice(0, 4)) : Number.NaN
    if (Number.isFinite(y)) counts.set(y, (counts.get(y) ?? 0) + 1)
  }
  const ys = [...counts.keys()]
  const years = ys.length
    ? Array.from({ length: Math.max(...ys) - Math.min(...ys) + 1 }, (_, i) => Math.min(...ys) + i)
    : []
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 36, right: 12, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: seriesName, type: 'bar', barMaxWidth: 28, data: years.map((y) => counts.get(y) ?? 0) }],
  }
}

/** The province's adoption lag per campaign beside the national median lag of the same campaign. */
export const lagVsMedianOption = (
  rows: ReadonlyArray<ProvinceCampaign>,
  names: { province: string; median: string; days: string }
) => {
  const kept = rows.filter((r) => r.lag_days !== null)
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 180, right: 24, top: 32, bottom: 28 },
    xAxis: { type: 'value', name: names.days },
    yAxis: {
      type: 'category',
      inverse: true,
      data: kept.map((r) => r.campaign_name),
      axisLabel: { width: 170, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        name: names.province,
        type: 'bar',
        data: kept.map((r) => r.lag_days),
        itemStyle: { color: '#0f766e' },
      },
      {
        name: names.median,
        type: 'bar',
        data: kept.map((r) => r.national_median_lag_days),
        itemStyle: { color: '#cbd5e1' },
      },
    ],
  }
}
