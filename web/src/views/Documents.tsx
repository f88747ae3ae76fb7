/** /documents: the documents the articles cite, and which provinces cite the selected one. */
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useApi } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { systemOf } from '../app/reference.ts'
import { useQuery } from '../app/router.ts'
import { Pager } from '../components/Pager.tsx'
import { Load } from '../components/State.tsx'
import { CitationsPanel } from './documents/CitationsPanel.tsx'
import { DocumentFilters } from './documents/DocumentFilters.tsx'
import { DocumentList } from './documents/DocumentList.tsx'

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

const PAGE = 25

export default function Documents() {
  const t = useT()
  const [q, set] = useQuery()
  const system = systemOf(q.get('system'))
  const offset = Number(q.get('offset') ?? 0) || 0
  const docs = useApi('/api/documents', {
    query: {
      system,
      level: q.get('level') ?? '',
      type: q.get('type') ?? '',
      q: q.get('q') ?? '',
      limit: PAGE,
      offset,
    },
  })
  const selectedId =
    q.get('doc') ?? (docs.state === 'ready' ? (docs.data.rows[0]?.document_id ?? null) : null)
  const total = docs.state === 'ready' ? (docs.data.total ?? 0) : 0
  return (
    <section>
      <h1>{t('Văn bản và nơi trích dẫn', 'Documents and who cites them')}</h1>
      <DocumentFilters q={q} set={set} />
      <div className="grid-2">
        <Load value={docs}>
          {(d) => (
            <div>
              <DocumentList
                rows={d.rows}
                total={total}
                selectedId={selectedId}
                onSelect={(doc) => set({ doc })}
              />
              <Pager
                offset={offset}
                page={PAGE}
                total={total}
                onOffset={(o) => set({ offset: o })}
                hideEmpty
              />
            </div>
          )}
        </Load>
        {selectedId ? <CitationsPanel id={selectedId} system={system} /> : null}
      </div>
    </section>
  )
}
