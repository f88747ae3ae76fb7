/**
 * The two province maps as pure option builders: articles per province (overview) and days to answer
 * a central document (document page). Both draw the registered `vn-<system>` boundaries by code.
 */
import type { CoverageProvinceRow } from '../../../server/src/routes/coverage-types.ts'
import { type Lang, translator } from '../app/translate.ts'

/** The map series both maps share: boundaries matched by province code, pan and zoom on. */
const provinceSeries = (system: string, data: ReadonlyArray<Record<string, unknown>>) => ({
  type: 'map',
  map: `vn-${system}`,
  nameProperty: 'code',
  roam: true,
  zoom: 1.1,
  emphasis: { label: { show: false } },
  data,
})

/** A province's totals (GET /api/coverage/provinces), declared beside the server route. */
export type MapRow = CoverageProvinceRow

/** Articles per province; under a campaign filter, the articles about that campaign. */
export const buildCoverageMapOption = (rows: ReadonlyArray<MapRow>, system: string, byCampaign: boolean) => {
  const value = (r: MapRow) => (byCampaign ? r.campaign_articles : r.articles)
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { province_name: string; value: number } }) =>
        p.data ? `${p.data.province_name}: ${p.data.value}` : '',
    },
    visualMap: {
      min: 0,
      max: Math.max(1, ...rows.map(value)),
      left: 8,
      bottom: 8,
      calculable: true,
      inRange: { color: ['#f3f4f6', '#fde68a', '#f59e0b', '#b45309'] },
    },
    series: [
      provinceSeries(
        system,
        rows.map((r) => ({ name: r.province_code, value: value(r), province_name: r.province_name }))
      ),
    ],
  }
}

export interface LagRow {
  readonly province_code: string
  readonly province_name: string
  readonly implementing_document_id: string | null
  readonly implementing_label: string | null
  readonly lag_days: number | null
}

const HATCH = {
  symbol: 'rect',
  color: 'rgba(100, 116, 139, 0.45)',
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  rotation: -Math.PI / 4,
}

type LagDatum = { province_name: string; value: number | null; label: string | null }

/** Days each province took to answer a document; provinces with no answer yet are hatched. */
export const buildLagMapOption = (rows: ReadonlyArray<LagRow>, system: string, lang: Lang) => {
  const t = translator(lang)
  const lags = rows.flatMap((r) => (r.lag_days === null ? [] : [Number(r.lag_days)]))
  const notYet = t('chưa có văn bản thực hiện', 'no implementing document yet')
  const tip = (d: LagDatum) =>
    d.value === null || d.value === undefined
      ? `${d.province_name}: ${notYet}`
      : `${d.province_name}: ${d.label ?? ''} (${d.value} ${t('ngày', 'days')})`
  return {
    tooltip: { trigger: 'item', formatter: (p: { data?: LagDatum }) => (p.data ? tip(p.data) : '') },
    visualMap: {
      min: Math.min(0, ...lags),
      max: Math.max(30, ...lags),
      left: 8,
      bottom: 8,
      calculable: true,
      text: [t('chậm', 'slow'), t('nhanh', 'fast')],
      inRange: { color: ['#166534', '#86efac', '#fde68a', '#dc2626'] },
    },
    series: [
      provinceSeries(
        system,
        rows.map((r) => ({
          name: r.province_code,
          value: r.lag_days === null ? null : Number(r.lag_days),
          province_name: r.province_name,
          label: r.implementing_label,
          ...(r.implementing_document_id === null
            ? { itemStyle: { areaColor: '#f8fafc', decal: HATCH } }
            : {}),
        }))
      ),
    ],
  }
}
