/** /articles: full-text search and filters over the articles, one page at a time, with CSV. */
import { downloadCsv, useApi } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { systemOf } from '../app/reference.ts'
import { useQuery } from '../app/router.ts'
import { Pager } from '../components/Pager.tsx'
import { Load } from '../components/State.tsx'
import { ArticleFilters, DrillDown } from './articles/ArticleFilters.tsx'
import { ResultList } from './articles/ResultList.tsx'
import { SearchBox } from './articles/SearchBox.tsx'

const PAGE = 20
/** The URL's filters passed on to /api/articles as they are. */
const PASSED = [
  'province',
  'from',
  'to',
  'campaign',
  'document',
  'source',
  'event',
  'event_id',
  'origin',
  'unique',
]

export default function Articles() {
  const t = useT()
  const [q, set] = useQuery()
  const offset = Number(q.get('offset') ?? 0) || 0
  const params = Object.fromEntries(PASSED.map((k) => [k, q.get(k)]))
  const list = useApi('/api/articles', {
    query: {
      q: q.get('q') ?? '',
      system: systemOf(q.get('system')),
      ...params,
      limit: PAGE,
      offset,
    },
  })
  const total = list.state === 'ready' ? (list.data.total ?? 0) : 0
  return (
    <section>
      <h1>{t('Bài viết', 'Articles')}</h1>
      <SearchBox text={q.get('q') ?? ''} onSearch={(v) => set({ q: v, offset: null })} />
      <ArticleFilters q={q} set={set} />
      <DrillDown q={q} set={set} />
      <Load value={list} empty={(d) => d.rows.length === 0}>
        {(d) => (
          <>
            <div className="table-tools">
              <strong>{t(`${total} bài viết`, `${total} articles`)}</strong>
              <button type="button" onClick={() => downloadCsv('articles', d.columns, d.rows)}>
                CSV
              </button>
            </div>
            <ResultList rows={d.rows} start={offset + 1} />
            <Pager offset={offset} page={PAGE} total={total} onOffset={(o) => set({ offset: o })} />
          </>
        )}
      </Load>
    </section>
  )
}
