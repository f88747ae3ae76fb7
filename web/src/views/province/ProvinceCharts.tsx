/** The province page's two charts: documents per year, and adoption lag beside the national median. */
import { useMemo } from 'react'
import { useLang, useT } from '../../app/i18n.tsx'
import { translator } from '../../app/translate.ts'
import { documentsPerYearOption, lagVsMedianOption } from '../../charts/province.ts'
import { Chart } from '../../components/Chart.tsx'
import type { Profile } from './types.ts'

const CAMPAIGN_COLUMNS = [
  'campaign_id',
  'campaign_name',
  'first_mention',
  'lag_days',
  'national_median_lag_days',
  'articles',
]

export const ProvinceCharts = ({ p, code }: { p: Profile; code: string }) => {
  const t = useT()
  const { lang } = useLang()
  const charts = useMemo(() => {
    const tr = translator(lang)
    return {
      docs: documentsPerYearOption(p.documents, tr('Văn bản', 'Documents')),
      lags: lagVsMedianOption(p.campaigns, {
        province: p.province.name_vi,
        median: tr('Trung vị cả nước', 'National median'),
        days: tr('ngày', 'days'),
      }),
    }
  }, [p, lang])
  return (
    <div className="grid-2">
      <Chart
        testId="province-documents-chart"
        title={t('Văn bản ban hành theo năm', 'Documents issued per year')}
        option={charts.docs}
        height={240}
        csv={{
          name: `province-${code}-documents`,
          columns: ['document_id', 'label', 'issued_on'],
          rows: p.documents,
        }}
      />
      <Chart
        testId="province-lag-chart"
        title={t(
          'Độ trễ hưởng ứng phong trào so với trung vị cả nước',
          'Campaign adoption lag vs the national median'
        )}
        option={charts.lags}
        height={Math.max(240, 40 * p.campaigns.length + 80)}
        csv={{ name: `province-${code}-campaigns`, columns: CAMPAIGN_COLUMNS, rows: p.campaigns }}
      />
    </div>
  )
}
