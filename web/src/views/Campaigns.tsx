/** /campaigns: which province carries which national campaign, and how fast each took it up. */
import { BarChart, HeatmapChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useT } from '../app/i18n.tsx'
import { systemOf, useCampaigns } from '../app/reference.ts'
import { useQuery } from '../app/router.ts'
import { MeasureToggle, SourceKindSelect, SystemSelect, useMeasure } from '../components/Choices.tsx'
import { Filters } from '../components/Field.tsx'
import { CampaignSelect, YearRange } from '../components/StandardFilters.tsx'
import { AdoptionChart } from './campaigns/AdoptionChart.tsx'
import { type CampaignFilters, CoverageHeatmap } from './campaigns/CoverageHeatmap.tsx'

use([HeatmapChart, BarChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer])

export default function Campaigns() {
  const t = useT()
  const [q, set] = useQuery()
  const measure = useMeasure()
  const f: CampaignFilters = {
    system: systemOf(q.get('system')),
    kind: q.get('source_kind') ?? '',
    fromYear: q.get('from_year') ?? '',
    toYear: q.get('to_year') ?? '',
  }
  const campaigns = useCampaigns()
  const chosen =
    q.get('campaign') ?? (campaigns.state === 'ready' ? (campaigns.data.rows[0]?.campaign_id ?? '') : '')
  return (
    <section>
      <h1>{t('Độ phủ các phong trào thi đua', 'Campaign coverage')}</h1>
      <Filters>
        <SystemSelect value={f.system} onChange={(v) => set({ system: v })} />
        <SourceKindSelect
          value={f.kind}
          onChange={(v) => set({ source_kind: v })}
          kinds={['portal', 'newspaper']}
        />
        <YearRange from={f.fromYear} to={f.toYear} onChange={set} />
        <MeasureToggle
          label={['Giá trị', 'Value']}
          raw={['Số bài', 'Articles']}
          share={['% sản lượng', '% of output']}
        />
      </Filters>
      <CoverageHeatmap f={f} measure={measure} />
      <h2>{t('Độ trễ hưởng ứng', 'Adoption lag')}</h2>
      <Filters>
        <CampaignSelect value={chosen} onChange={(v) => set({ campaign: v })} onlyCovered />
      </Filters>
      {chosen ? <AdoptionChart f={f} campaign={chosen} /> : null}
    </section>
  )
}
