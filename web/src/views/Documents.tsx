import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useMemo } from 'react'
import { useApi, type Table } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { systemOf } from '../app/reference.ts'
import { href, navigate, useQuery } from '../app/router.ts'
import { Chart } from '../components/Chart.tsx'
import { DataTable } from '../components/DataTable.tsx'
import { Filters, Select, TextField } from '../components/Field.tsx'
import { SystemSelect } from '../components/StandardFilters.tsx'
import { Load } from '../components/State.tsx'

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

interface DocRow extends Record<string, unknown> {
  document_id: string
  type: string
  number: string
  symbol: string
  display_symbol: string | null
  label: string | null
  issued_on: string | null
  issuer: string | null
  is_central: boolean
  province_name: string | null
  mention_count: number
  article_count: number
  citing_provinces: number
}
interface Citation extends Record<string, unknown> {
  province_code: string
  province_name: string
  citing_articles: number
  first_cited: string
}

const PAGE = 25
const TYPES = [
  '',
  'plan',
  'directive',
  'resolution',
  'decision',
  'conclusion',
  'guideline',
  'law',
  'decree',
  'official_letter',
  'program',
  'report',
]
/** Vietnamese names of the document types (the API's type ids are English). */
const TYPE_VI: Record<string, string> = {
  plan: 'Kế hoạch',
  directive: 'Chỉ thị',
  resolution: 'Nghị quyết',
  decision: 'Quyết định',
  conclusion: 'Kết luận',
  guideline: 'Hướng dẫn',
  law: 'Luật',
  decree: 'Nghị định',
  official_letter: 'Công văn',
  program: 'Chương trình',
  report: 'Báo cáo',
}

export default function Documents() {
  const t = useT()
  const [q, set] = useQuery()
  const system = systemOf(q.get('system'))
  const level = q.get('level') ?? ''
  const type = q.get('type') ?? ''
  const text = q.get('q') ?? ''
  const offset = Number(q.get('offset') ?? 0) || 0
  const docs = useApi<Table<DocRow>>(
    href('/api/documents', { system, level, type, q: text, limit: PAGE, offset })
  )
  const selectedId =
    q.get('doc') ?? (docs.state === 'ready' ? (docs.data.rows[0]?.document_id ?? null) : null)
  const detail = useApi<{ document: DocRow; citations: Citation[] }>(
    selectedId ? href(`/api/documents/${encodeURIComponent(selectedId)}`, { system }) : null
  )
  const option = useMemo(() => {
    if (detail.state !== 'ready') return null
    const rows = detail.data.citations
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 32, top: 16, bottom: 32 },
      xAxis: { type: 'value', name: t('bài trích dẫn', 'citing articles'), minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.province_name ?? r.province_code), inverse: true },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({ value: r.citing_articles, code: r.province_code })),
          itemStyle: { color: '#7c3aed' },
          barMaxWidth: 28,
          label: { show: true, position: 'right' },
        },
      ],
    }
  }, [detail, t])
  const total = docs.state === 'ready' ? (docs.data.total ?? 0) : 0
  return (
    <section>
      <h1>{t('Văn bản và nơi trích dẫn', 'Documents and who cites them')}</h1>
      <Filters>
        <TextField
          id="q"
          label={t('Số/ký hiệu, cơ quan', 'Number/symbol, issuer')}
          value={text}
          placeholder="41-CT/TW"
          onChange={(v) => set({ q: v, offset: null, doc: null })}
        />
        <Select
          id="level"
          label={t('Cấp', 'Level')}
          value={level}
          onChange={(v) => set({ level: v, offset: null, doc: null })}
          options={[
            { value: '', label: t('Tất cả', 'All') },
            { value: 'central', label: t('Trung ương', 'Central') },
            { value: 'provincial', label: t('Tỉnh', 'Provincial') },
          ]}
        />
        <Select
          id="type"
          label={t('Loại', 'Type')}
          value={type}
          onChange={(v) => set({ type: v, offset: null, doc: null })}
          options={TYPES.map((x) => ({
            value: x,
            label: x ? t(TYPE_VI[x] ?? x, x.replace('_', ' ')) : t('Tất cả', 'All'),
          }))}
        />
        <SystemSelect value={system} onChange={(v) => set({ system: v })} />
      </Filters>
      <div className="grid-2">
        <Load value={docs}>
          {(d) => (
            <div>
              <DataTable
                name="documents"
                rows={d.rows}
                caption={t(`${total} văn bản`, `${total} documents`)}
                onRowClick={(r) => set({ doc: r.document_id })}
                selected={(r) => r.document_id === selectedId}
                columns={[
                  {
                    key: 'label',
                    label: t('Văn bản', 'Document'),
                    render: (r) => r.label ?? r.display_symbol ?? r.number,
                  },
                  { key: 'issued_on', label: t('Ngày ban hành', 'Issued') },
                  {
                    key: 'issuer',
                    label: t('Cơ quan', 'Issuer'),
                    render: (r) =>
                      r.is_central
                        ? `${r.issuer ?? ''} (${t('Trung ương', 'central')})`
                        : [r.issuer, r.province_name].filter(Boolean).join(' · ') || '—',
                  },
                  {
                    key: 'article_count',
                    label: t('Bài trích dẫn', 'Citing articles'),
                    numeric: true,
                    render: (r) => (
                      <a
                        className="count"
                        href={href('/articles', { document: r.document_id })}
                        title={t('Xem các bài và câu trích dẫn', 'See the citing articles and sentences')}
                      >
                        {r.article_count}
                      </a>
                    ),
                  },
                  { key: 'citing_provinces', label: t('Số tỉnh', 'Provinces'), numeric: true },
                ]}
              />
              <nav className="pager" aria-label={t('Phân trang', 'Pagination')}>
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => set({ offset: String(Math.max(0, offset - PAGE)) })}
                >
                  ← {t('Trước', 'Previous')}
                </button>
                <span>{total ? `${offset + 1}–${Math.min(offset + PAGE, total)} / ${total}` : ''}</span>
                <button
                  type="button"
                  disabled={offset + PAGE >= total}
                  onClick={() => set({ offset: String(offset + PAGE) })}
                >
                  {t('Sau', 'Next')} →
                </button>
              </nav>
            </div>
          )}
        </Load>
        {selectedId ? (
          <Load value={detail} empty={(d) => d.citations.length === 0}>
            {(d) =>
              option ? (
                <div>
                  <Chart
                    testId="citations-chart"
                    title={t(
                      `Tỉnh trích dẫn ${d.document.display_symbol ?? d.document.number}`,
                      `Provinces citing ${d.document.display_symbol ?? d.document.number}`
                    )}
                    option={option}
                    height={Math.max(220, 34 * d.citations.length + 60)}
                    csv={{
                      name: `citations-${d.document.document_id}`,
                      columns: [
                        'province_code',
                        'province_name',
                        'citing_articles',
                        'first_cited',
                        'last_cited',
                      ],
                      rows: d.citations,
                    }}
                    onClick={(p) =>
                      navigate(
                        href('/articles', {
                          system,
                          document: d.document.document_id,
                          province: (p.data as { code?: string } | undefined)?.code,
                          unique: 'true',
                        })
                      )
                    }
                  />
                  <p>
                    <a href={href('/articles', { document: d.document.document_id })}>
                      {t('Xem các bài viết trích dẫn văn bản này', 'See the articles citing this document')} →
                    </a>
                  </p>
                </div>
              ) : null
            }
          </Load>
        ) : null}
      </div>
    </section>
  )
}
