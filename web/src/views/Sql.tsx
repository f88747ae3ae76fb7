/**
 * The SQL console: schema browser, editor with autocompletion, the result as table or chart, saved
 * and canned queries. The statement and the chart type live in the URL (`/sql?q=…&view=bar`), so
 * any state of the console is a link.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '../app/i18n.tsx'
import { useQuery } from '../app/router.ts'
import { Loading } from '../components/State.tsx'
import { AccessToken } from './sql/AccessToken.tsx'
import { QueryLibrary } from './sql/QueryLibrary.tsx'
import { ResultPanel, type RunState, SqlError } from './sql/ResultPanel.tsx'
import { fetchSchema, runSql, SqlFailure } from './sql/run.ts'
import { viewFrom } from './sql/saved.ts'
import { SchemaBrowser } from './sql/SchemaBrowser.tsx'
import { SqlEditor, type SqlEditorHandle } from './sql/SqlEditor.tsx'
import type { ResultView, Schema } from './sql/types.ts'
import './sql/sql.css'

const DEFAULT_SQL =
  "SELECT province_code, campaign_id, articles\nFROM v_campaign_coverage\nWHERE system = '2025'\nORDER BY articles DESC\nLIMIT 20"

const asFailure = (e: unknown): SqlFailure =>
  e instanceof SqlFailure ? e : new SqlFailure(0, 'client', String(e), String(e), null)

type SchemaState =
  | { kind: 'loading' }
  | { kind: 'ready'; schema: Schema }
  | { kind: 'error'; error: SqlFailure }

const useSchema = (): [SchemaState, () => void] => {
  const [state, setState] = useState<SchemaState>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    setState({ kind: 'loading' })
    // `attempt` re-runs the request after the reader enters an access token.
    void attempt
    fetchSchema()
      .then((schema) => live && setState({ kind: 'ready', schema }))
      .catch((e: unknown) => live && setState({ kind: 'error', error: asFailure(e) }))
    return () => {
      live = false
    }
  }, [attempt])
  return [state, useCallback(() => setAttempt((n) => n + 1), [])]
}

/** Statement, chart type and run state, kept in step with the URL. */
const useConsole = () => {
  const [q, set] = useQuery()
  const urlSql = q.get('q') ?? q.get('sql')
  const [text, setText] = useState(urlSql ?? DEFAULT_SQL)
  const [view, setView] = useState<ResultView>(() => viewFrom(q.get('view')))
  const [state, setState] = useState<RunState>({ kind: 'idle' })

  // A link to another query followed while the console is open replaces the statement.
  const seenUrlSql = useRef(urlSql)
  useEffect(() => {
    if (urlSql !== null && urlSql !== seenUrlSql.current) setText(urlSql)
    seenUrlSql.current = urlSql
  }, [urlSql])

  const chooseView = (v: ResultView) => {
    setView(v)
    set({ view: v === 'table' ? null : v })
  }
  const run = async (sql = text) => {
    seenUrlSql.current = sql
    set({ q: sql, sql: null })
    setState({ kind: 'running' })
    try {
      setState({ kind: 'done', result: await runSql(sql) })
    } catch (e) {
      setState({ kind: 'error', error: asFailure(e) })
    }
  }
  return { text, setText, view, chooseView, state, run }
}

export default function Sql() {
  const t = useT()
  const { text, setText, view, chooseView, state, run } = useConsole()
  const [schema, reloadSchema] = useSchema()
  const editor = useRef<SqlEditorHandle>(null)
  const needsToken =
    (schema.kind === 'error' && schema.error.status === 401) ||
    (state.kind === 'error' && state.error.status === 401)

  return (
    <section className="sql-console">
      <h1>{t('Bảng điều khiển SQL', 'SQL console')}</h1>
      <p className="muted">
        {t(
          'Chỉ đọc, trên phiên bản đã công bố. Một câu lệnh SELECT/WITH/EXPLAIN/DESCRIBE/SHOW; giới hạn số dòng, thời gian và tần suất.',
          'Read-only, on the published version. One SELECT/WITH/EXPLAIN/DESCRIBE/SHOW statement; row, time and rate limits apply.'
        )}
      </p>
      <AccessToken open={needsToken} onChange={reloadSchema} />
      <div className="sql-workspace">
        <aside className="sql-schema">
          {schema.kind === 'loading' ? <Loading /> : null}
          {schema.kind === 'error' ? <SqlError error={schema.error} /> : null}
          {schema.kind === 'ready' ? (
            <SchemaBrowser schema={schema.schema} onInsert={(name) => editor.current?.insert(name)} />
          ) : null}
        </aside>
        <div className="sql-main">
          <SqlEditor
            ref={editor}
            value={text}
            onChange={setText}
            onRun={() => void run()}
            schema={schema.kind === 'ready' ? schema.schema : null}
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
          </div>
          <ResultPanel state={state} view={view} onView={chooseView} />
        </div>
        <aside className="sql-library">
          <QueryLibrary
            sql={text}
            view={view}
            onOpen={(sql, v) => {
              setText(sql)
              chooseView(v)
              void run(sql)
            }}
          />
        </aside>
      </div>
    </section>
  )
}
