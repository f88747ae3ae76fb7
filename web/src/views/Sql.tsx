import { useState } from 'react'
import { ApiFailure, downloadCsv, fetchJson, useApi } from '../app/api.ts'
import { useLang, useT } from '../app/i18n.tsx'
import { useQuery } from '../app/router.ts'
import { DataTable } from '../components/DataTable.tsx'
import { ErrorState, Loading } from '../components/State.tsx'

interface Example {
  id: string
  title_vi: string
  title_en: string
  sql: string
}
interface Result {
  columns: string[]
  rows: Record<string, unknown>[]
  truncated: boolean
  max_rows: number
  elapsed_ms: number
}

export default function Sql() {
  const t = useT()
  const { lang } = useLang()
  const [q, set] = useQuery()
  const examples = useApi<{ examples: Example[] }>('/api/sql/examples')
  const [text, setText] = useState(
    q.get('sql') ??
      "SELECT province_code, campaign_id, articles\nFROM v_campaign_coverage\nWHERE system = '2025'\nORDER BY articles DESC\nLIMIT 20"
  )
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'running' }
    | { kind: 'done'; result: Result }
    | { kind: 'error'; error: Error }
  >({ kind: 'idle' })
  const run = async (sql = text) => {
    setState({ kind: 'running' })
    set({ sql })
    try {
      const result = await fetchJson<Result>('/api/sql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql }),
      })
      setState({ kind: 'done', result })
    } catch (e) {
      setState({ kind: 'error', error: e instanceof Error ? e : new ApiFailure(0, String(e), String(e)) })
    }
  }
  return (
    <section>
      <h1>{t('Bảng điều khiển SQL', 'SQL console')}</h1>
      <p className="muted">
        {t(
          'Chỉ đọc, trên phiên bản đã công bố. Một câu lệnh SELECT/WITH/EXPLAIN/DESCRIBE/SHOW; giới hạn số dòng, thời gian và tần suất.',
          'Read-only, on the published version. One SELECT/WITH/EXPLAIN/DESCRIBE/SHOW statement; row, time and rate limits apply.'
        )}
      </p>
      <div className="sql-layout">
        <div>
          <label htmlFor="sql-editor">
            {t('Câu lệnh (Ctrl+Enter để chạy)', 'Statement (Ctrl+Enter runs it)')}
          </label>
          <textarea
            id="sql-editor"
            spellCheck={false}
            value={text}
            rows={10}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                void run()
              }
            }}
          />
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => void run()}
              disabled={state.kind === 'running'}
            >
              {t('Chạy', 'Run')}
            </button>
            {state.kind === 'done' ? (
              <button
                type="button"
                onClick={() => downloadCsv('query', state.result.columns, state.result.rows)}
              >
                {t('Xuất CSV', 'Export CSV')}
              </button>
            ) : null}
          </div>
        </div>
        <aside>
          <h2>{t('Ví dụ', 'Cookbook')}</h2>
          {examples.state === 'ready' ? (
            <ul className="examples">
              {examples.data.examples.map((ex) => (
                <li key={ex.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setText(ex.sql)
                      void run(ex.sql)
                    }}
                  >
                    {lang === 'vi' ? ex.title_vi : ex.title_en}
                  </button>
                </li>
              ))}
            </ul>
          ) : examples.state === 'error' ? (
            <ErrorState error={examples.error} />
          ) : (
            <Loading />
          )}
        </aside>
      </div>
      {state.kind === 'running' ? <Loading /> : null}
      {state.kind === 'error' ? <ErrorState error={state.error} /> : null}
      {state.kind === 'done' ? (
        <>
          <p className="muted" role="status">
            {t(
              `${state.result.rows.length} dòng trong ${state.result.elapsed_ms} ms`,
              `${state.result.rows.length} rows in ${state.result.elapsed_ms} ms`
            )}
            {state.result.truncated
              ? t(
                  ` (đã cắt ở ${state.result.max_rows} dòng)`,
                  ` (truncated at ${state.result.max_rows} rows)`
                )
              : ''}
          </p>
          <DataTable
            name="query"
            rows={state.result.rows}
            columns={state.result.columns.map((c) => ({ key: c, label: c }))}
          />
        </>
      ) : null}
    </section>
  )
}
