/**
 * The province page (`/province/<code>`): what a leader prints or sends. Documents issued, congresses
 * planned against held, campaigns with the adoption lag beside the national median, and the health of
 * the sources, for one province in either unit system. `?print=1` lays it out for an A4 PDF.
 */
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect } from 'react'
import { useApi } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { systemOf } from '../app/reference.ts'
import { href, useLocation, useQuery } from '../app/router.ts'
import { Filters } from '../components/Field.tsx'
import { ProvinceAlerts } from '../components/ProvinceAlerts.tsx'
import { SystemSelect } from '../components/Choices.tsx'
import { YearRange } from '../components/StandardFilters.tsx'
import { Load } from '../components/State.tsx'
import { ProvinceCharts } from './province/ProvinceCharts.tsx'
import { ProvinceHeader } from './province/ProvinceHeader.tsx'
import { DocumentsTable, EventsTable, SourcesTable } from './province/ProvinceTables.tsx'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

const usePrintMode = (print: boolean) =>
  useEffect(() => {
    document.documentElement.classList.toggle('print-mode', print)
    return () => document.documentElement.classList.remove('print-mode')
  }, [print])

export default function Province() {
  const t = useT()
  const { path } = useLocation()
  const [q, set] = useQuery()
  const code = path.split('/')[2] ?? ''
  const system = systemOf(q.get('system') ?? '2025')
  const fromYear = q.get('from_year') ?? ''
  const toYear = q.get('to_year') ?? ''
  const print = q.get('print') === '1'
  const profile = useApi('/api/provinces/:code/profile', {
    params: { code },
    query: { system, from_year: fromYear, to_year: toYear },
  })
  usePrintMode(print)
  const today = new Date().toISOString().slice(0, 10)
  return (
    <Load value={profile}>
      {(p) => (
        <section className="province-page">
          <ProvinceHeader p={p} system={system} />
          {print ? null : (
            <Filters>
              <SystemSelect value={system} onChange={(v) => set({ system: v })} />
              <YearRange from={fromYear} to={toYear} onChange={set} />
              <a
                className="button"
                href={href(path, { system, from_year: fromYear, to_year: toYear, print: '1' })}
              >
                {t('Bản in (A4)', 'Print version (A4)')}
              </a>
            </Filters>
          )}
          <ProvinceCharts p={p} code={code} />
          <h2>
            {t('Đại hội và hội nghị: dự kiến và đã tổ chức', 'Congresses and conferences: planned and held')}
          </h2>
          <EventsTable p={p} code={code} system={system} />
          <h2>{t('Văn bản của tỉnh', 'The province’s documents')}</h2>
          <DocumentsTable p={p} code={code} system={system} />
          <ProvinceAlerts code={code} system={system} />
          <h2>{t('Nguồn dữ liệu', 'Sources')}</h2>
          <SourcesTable p={p} code={code} />
          <p className="source-line" data-testid="source-line">
            {t(
              `Nguồn: Thi Đua Atlas, tổng hợp từ cổng thông tin và báo chí của tỉnh; phiên bản dữ liệu ${p.version}; lập ngày ${today}.`,
              `Source: Thi Đua Atlas, compiled from the province's portals and newspapers; data version ${p.version}; made on ${today}.`
            )}
          </p>
        </section>
      )}
    </Load>
  )
}
