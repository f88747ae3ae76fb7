/** Days from a campaign's launch to each province's first mention; a click opens that province's articles. */
import { useMemo } from 'react'
import { useApi } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.tsx'
import { href, navigate } from '../../app/router.ts'
import { buildAdoptionOption } from '../../charts/campaigns.ts'
import { ChartCard } from '../../components/ChartCard.tsx'
import { type CampaignFilters, narrow } from './CoverageHeatmap.tsx'

export const AdoptionChart = ({ f, campaign }: { f: CampaignFilters; campaign: string }) => {
  const t = useT()
  const { lang } = useLang()
  const adoption = useApi('/api/campaigns/adoption', {
    query: { system: f.system, campaign, source_kind: f.kind, from_year: f.fromYear, to_year: f.toYear },
  })
  const option = useMemo(
    () => (adoption.state === 'ready' ? buildAdoptionOption(adoption.data.rows, lang, narrow()) : null),
    [adoption, lang]
  )
  const open = (p: { data?: unknown }) => {
    const code = (p.data as { code?: string } | undefined)?.code
    navigate(href('/articles', { system: f.system, province: code, campaign, unique: 'true' }))
  }
  return (
    <ChartCard
      value={adoption}
      option={option}
      empty={(d) => d.rows.every((r) => r.lag_days === null)}
      props={(d) => ({
        testId: 'adoption-chart',
        title: t('Số ngày từ khi phát động đến lần đầu được nhắc đến', 'Days from launch to first mention'),
        height: Math.max(220, 34 * d.rows.length + 60),
        csv: { name: `adoption-${campaign}`, columns: d.columns, rows: d.rows },
        onClick: open,
      })}
    />
  )
}
