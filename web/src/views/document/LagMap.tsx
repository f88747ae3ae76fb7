/**
 * The provinces coloured by how many days after the document they answered it; provinces with no
 * implementing document yet are hatched. Same boundaries and map code as the overview's map.
 */
import { MapChart } from 'echarts/charts'
import { TooltipComponent, VisualMapComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useMemo } from 'react'
import { useLang, useT } from '../../app/i18n.tsx'
import { buildLagMapOption } from '../../charts/maps.ts'
import { Chart } from '../../components/Chart.tsx'
import { ErrorState, Loading } from '../../components/State.tsx'
import { useGeoMap } from '../../components/useGeoMap.ts'
import type { ProvinceRow } from './types.ts'

use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer])

const COLUMNS = [
  'province_code',
  'province_name',
  'implementing_label',
  'issued_on',
  'lag_days',
  'via_predecessor',
  'days_waiting',
]

export const LagMap = ({
  system,
  rows,
  docId,
}: {
  system: '2008' | '2025'
  rows: ProvinceRow[]
  docId: string
}) => {
  const t = useT()
  const { lang } = useLang()
  const geo = useGeoMap(system)
  const option = useMemo(
    () => (geo.ready ? buildLagMapOption(rows, system, lang) : null),
    [geo.ready, system, rows, lang]
  )
  if (geo.error) return <ErrorState error={geo.error} />
  if (!option) return <Loading />
  return (
    <Chart
      testId="implementation-map"
      title={t(
        `Độ trễ thực hiện theo tỉnh (${system === '2008' ? '63' : '34'} đơn vị; gạch chéo: chưa có)`,
        `Implementation lag per province (${system === '2008' ? '63' : '34'} units; hatched: not yet)`
      )}
      option={option}
      height={520}
      csv={{ name: `implementation-${docId}-${system}`, columns: COLUMNS, rows }}
    />
  )
}
