/** The answer of a run: status line, table/bar/line switch, the table or chart, or the error with DuckDB's detail. */
import { downloadCsv } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { Loading } from '../../components/State.tsx'
import { duckDetailFor } from './errors.ts'
import { ResultChart } from './ResultChart.tsx'
import type { SqlFailure } from './run.ts'
import { RESULT_VIEWS, type ResultView, type SqlResult } from './types.ts'

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: SqlResult }
  | { kind: 'error'; error: SqlFailure }

const VIEW_LABEL: Record<ResultView, [string, string]> = {
  table: ['Bảng', 'Table'],
  bar: ['Cột', 'Bar'],
  line: ['Đường', 'Line'],
}

export const SqlError = ({ error }: { error: SqlFailure }) => {
  const { lang } = useLang()
  const t = useT()
  const detail = duckDetailFor(error.detail, lang)
  return (
    <div className="state error" role="alert" data-testid="sql-error">
      <p>
        {t('Lỗi: ', 'Error: ')}
        {lang === 'vi' ? error.vi : error.en}
      </p>
      {detail ? <pre className="sql-error-detail">{detail}</pre> : null}
    </div>
  )
}

interface ResultPanelProps {
  readonly state: RunState
  readonly view: ResultView
  readonly onView: (v: ResultView) => void
}

export const ResultPanel = ({ state, view, onView }: ResultPanelProps) => {
  const t = useT()
  if (state.kind === 'idle') return null
  if (state.kind === 'running') return <Loading />
  if (state.kind === 'error') return <SqlError error={state.error} />
  const r = state.result
  return (
    <section className="sql-result" aria-label={t('Kết quả', 'Result')}>
      <div className="row sql-result-bar">
        <p className="muted" role="status">
          {t(`${r.rows.length} dòng trong ${r.elapsed_ms} ms`, `${r.rows.length} rows in ${r.elapsed_ms} ms`)}
          {r.truncated ? t(` (đã cắt ở ${r.max_rows} dòng)`, ` (truncated at ${r.max_rows} rows)`) : ''}
        </p>
        <fieldset className="segmented">
          <legend className="sr-only">{t('Hiển thị', 'Show as')}</legend>
          {RESULT_VIEWS.map((v) => (
            <label key={v}>
              <input type="radio" name="sql-view" value={v} checked={view === v} onChange={() => onView(v)} />
              {t(...VIEW_LABEL[v])}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={() => downloadCsv('query', r.columns, r.rows)}>
          {t('Xuất CSV', 'Export CSV')}
        </button>
      </div>
      {view === 'table' ? (
        <DataTable name="query" rows={r.rows} columns={r.columns.map((c) => ({ key: c, label: c }))} />
      ) : (
        <ResultChart result={r} kind={view} />
      )}
    </section>
  )
}
