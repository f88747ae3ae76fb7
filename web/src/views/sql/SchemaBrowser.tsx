/**
 * The schema browser: every table and view of the published database with its columns, types and
 * comments (in the reader's language), filtered by a search box. A name's button inserts it into the
 * editor.
 */
import { useMemo, useState } from 'react'
import { useLang, useT } from '../../app/i18n.tsx'
import { commentFor } from './comment.ts'
import type { Schema, SchemaRelation } from './types.ts'

interface Props {
  readonly schema: Schema
  readonly onInsert: (name: string) => void
}

const matchesFilter = (rel: SchemaRelation, f: string): boolean =>
  f === '' ||
  rel.name.toLowerCase().includes(f) ||
  (rel.comment ?? '').toLowerCase().includes(f) ||
  rel.columns.some((c) => c.name.toLowerCase().includes(f) || (c.comment ?? '').toLowerCase().includes(f))

export const SchemaBrowser = ({ schema, onInsert }: Props) => {
  const t = useT()
  const { lang } = useLang()
  const [filter, setFilter] = useState('')
  const f = filter.trim().toLowerCase()
  const shown = useMemo(() => schema.tables.filter((r) => matchesFilter(r, f)), [schema, f])
  return (
    <section className="schema-browser" data-testid="schema-browser" aria-labelledby="schema-title">
      <h2 id="schema-title">{t('Lược đồ', 'Schema')}</h2>
      <input
        type="search"
        aria-label={t('Lọc bảng và cột', 'Filter tables and columns')}
        placeholder={t('Lọc bảng, cột, chú thích…', 'Filter tables, columns, comments…')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p className="muted">
        {t(
          `${shown.length}/${schema.tables.length} bảng và view`,
          `${shown.length}/${schema.tables.length} tables and views`
        )}
      </p>
      <ul className="schema-list">
        {shown.map((rel) => {
          const note = commentFor(rel.comment, lang)
          return (
            <li key={rel.name} data-relation={rel.name}>
              <details open={f !== '' && shown.length <= 3}>
                <summary>
                  <code>{rel.name}</code> <span className="badge muted">{rel.kind}</span>
                </summary>
                {note ? <p className="schema-comment">{note}</p> : null}
                <button type="button" className="link" onClick={() => onInsert(rel.name)}>
                  {t('Chèn tên bảng', 'Insert table name')}
                </button>
                <ul className="schema-columns">
                  {rel.columns.map((c) => {
                    const cnote = commentFor(c.comment, lang)
                    return (
                      <li key={c.name}>
                        <button
                          type="button"
                          className="link"
                          title={t('Chèn vào câu lệnh', 'Insert into the statement')}
                          onClick={() => onInsert(c.name)}
                        >
                          <code>{c.name}</code>
                        </button>{' '}
                        <span className="muted">{c.type}</span>
                        {cnote ? <span className="schema-comment"> — {cnote}</span> : null}
                      </li>
                    )
                  })}
                </ul>
              </details>
            </li>
          )
        })}
      </ul>
      {schema.macros.some((m) => m.kind === 'table_macro') ? (
        <>
          <h3>{t('Hàm bảng', 'Table macros')}</h3>
          <ul className="schema-columns">
            {schema.macros
              .filter((m) => m.kind === 'table_macro')
              .map((m) => (
                <li key={m.name}>
                  <button type="button" className="link" onClick={() => onInsert(`${m.name}(`)}>
                    <code>
                      {m.name}({m.parameters.join(', ')})
                    </code>
                  </button>
                  {commentFor(m.comment, lang) ? (
                    <span className="schema-comment"> — {commentFor(m.comment, lang)}</span>
                  ) : null}
                </li>
              ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
