/** The province × campaign heatmap; a click opens the articles behind a cell. */
import { useMemo } from 'react'
import { useApi } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.tsx'
import type { System } from '../../app/reference.ts'
import { href, navigate } from '../../app/router.ts'
import { buildCoverageHeatmap } from '../../charts/campaigns.ts'
import { ChartCard } from '../../components/ChartCard.tsx'

/** Phone-sized chart: fewer, shorter axis labels. */
export const narrow = () => typeof window !== 'undefined' && window.innerWidth < 640

export interface CampaignFilters {
  readonly system: System
  readonly kind: string
  readonly fromYear: string
  readonly toYear: string
}

export const CoverageHeatmap = ({ f, measure }: { f: CampaignFilters; measure: 'raw' | 'share' }) => {
  const t = useT()
  const { lang } = useLang()
  const coverage = useApi('/api/coverage', {
    query: { system: f.system, source_kind: f.kind, from_year: f.fromYear, to_year: f.toYear },
  })
  const heat = useMemo(
    () =>
      coverage.state === 'ready'
        ? buildCoverageHeatmap({ rows: coverage.data.rows, measure, lang, narrow: narrow() })
        : null,
    [coverage, measure, lang]
  )
  const open = (p: { data?: unknown }) => {
    const v = (p.data as { value?: [number, number] } | undefined)?.value
    if (!v || !heat) return
    navigate(
      href('/articles', {
        system: f.system,
        province: heat.provs[v[1]]?.[0],
        campaign: heat.camps[v[0]]?.[0],
        from: f.fromYear ? `${f.fromYear}-01-01` : null,
        to: f.toYear ? `${f.toYear}-12-31` : null,
        unique: 'true',
      })
    )
  }
  return (
    <ChartCard
      value={coverage}
      option={heat?.option ?? null}
      empty={(d) => d.rows.length === 0}
      props={(d) => ({
        testId: 'coverage-heatmap',
        title: t('Tỉnh × phong trào (bấm để xem bài viết)', 'Province × campaign (click for the articles)'),
        height: Math.max(360, 36 * (heat?.provs.length ?? 0) + 240),
        csv: { name: `coverage-${f.system}`, columns: d.columns, rows: d.rows },
        onClick: open,
      })}
    />
  )
}
