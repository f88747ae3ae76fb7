/**
 * The provinces coloured by how many days after the document they answered it; provinces with no
 * implementing document yet are hatched. Same boundaries and map code as the overview's map.
 */
import { MapChart } from 'echarts/charts'
import { TooltipComponent, VisualMapComponent } from 'echarts/components'
import { registerMap, use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useMemo, useState } from 'react'
import { fetchJson } from '../../app/api.ts'
import { useT } from '../../app/i18n.tsx'
import { Chart } from '../../components/Chart.tsx'
import { ErrorState, Loading } from '../../components/State.tsx'
import type { ProvinceRow } from './types.ts'

use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer])

const HATCH = {
  symbol: 'rect',
  color: 'rgba(100, 116, 139, 0.45)',
  dashArrayX: [1, 0],
  dashArrayY: [2, 5],
  rotation: -Math.PI / 4,
}

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
  const [ready, setReady] = useState<string | null>(null)
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    let live = true
    fetchJson<object>(`/api/geo/${system}`)
      .then((geo) => {
        registerMap(`vn-${system}`, geo as never)
        if (live) setReady(system)
      })
      .catch((e: Error) => live && setError(e))
    return () => {
      live = false
    }
  }, [system])
  const option = useMemo(() => {
    if (ready !== system) return null
    const lags = rows.flatMap((r) => (r.lag_days === null ? [] : [Number(r.lag_days)]))
    const notYet = t('chưa có văn bản thực hiện', 'no implementing document yet')
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { province_name: string; value: number | null; label: string | null } }) =>
          p.data
            ? p.data.value === null || p.data.value === undefined
              ? `${p.data.province_name}: ${notYet}`
              : `${p.data.province_name}: ${p.data.label ?? ''} (${p.data.value} ${t('ngày', 'days')})`
            : '',
      },
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
        {
          type: 'map',
          map: `vn-${system}`,
          nameProperty: 'code',
          roam: true,
          zoom: 1.1,
          emphasis: { label: { show: false } },
          data: rows.map((r) => ({
            name: r.province_code,
            value: r.lag_days === null ? null : Number(r.lag_days),
            province_name: r.province_name,
            label: r.implementing_label,
            ...(r.implementing_document_id === null
              ? { itemStyle: { areaColor: '#f8fafc', decal: HATCH } }
              : {}),
          })),
        },
      ],
    }
  }, [ready, system, rows, t])
  if (error) return <ErrorState error={error} />
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
      csv={{
        name: `implementation-${docId}-${system}`,
        columns: [
          'province_code',
          'province_name',
          'implementing_label',
          'issued_on',
          'lag_days',
          'via_predecessor',
          'days_waiting',
        ],
        rows,
      }}
    />
  )
}
