/** The pipeline view's coverage ledger as a pure option builder: found per month against the baseline. */
import type { LedgerRow } from '../../../server/src/routes/pipeline-types.ts'
import { type Lang, translator } from '../app/translate.ts'

/** A month of the ledger, declared beside the server route. */
export type { LedgerRow }

export const buildLedgerOption = (rows: ReadonlyArray<LedgerRow>, lang: Lang) => {
  const t = translator(lang)
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
        data: rows.map((r) => ({ value: r.found, itemStyle: { color: r.gap_flag ? '#dc2626' : '#2563eb' } })),
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
}
