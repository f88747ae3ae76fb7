/**
 * The schema browser: every table and view of the published database with its columns, types and
 * comments (in the reader's language), filtered by a search box. A name's button inserts it into the
 * editor.
 */
import { useMemo, useState } from 'react'
import { useLang, useT } from '../../app/i18n.tsx'
import { commentFor } from './comment.ts'
import type { Schema, SchemaMacro, SchemaRelation } from './types.ts'

interface Props {
  readonly schema: Schema
  readonly onInsert: (name: string) => void
}

const matchesFilter = (rel: SchemaRelation, f: string): boolean =>
  f === '' ||
  rel.name.toLowerCase().includes(f) ||
  (rel.comment ?? '').toLowerCase().includes(f) ||
  rel.columns.some((c) => c.name.toLowerCase().includes(f) || (c.comment ?? '').toLowerCase().includes(f))

/** One table or view: its comment, then its columns with type and comment; names insert on click. */
const RelationItem = ({
  rel,
  open,
  onInsert,
}: {
  rel: SchemaRelation
  open: boolean
  onInsert: (name: string) => void
}) => {
  const t = useT()
  const { lang } = useLang()
  const note = commentFor(rel.comment, lang)
  return (
    <li data-relation={rel.name}>
      <details open={open}>
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
}

const TableMacros = ({
  macros,
  onInsert,
}: {
  macros: ReadonlyArray<SchemaMacro>
  onInsert: (name: string) => void
}) => {
  const t = useT()
  const { lang } = useLang()
  const tableMacros = macros.filter((m) => m.kind === 'table_macro')
  if (tableMacros.length === 0) return null
  return (
    <>
      <h3>{t('Hàm bảng', 'Table macros')}</h3>
      <ul className="schema-columns">
        {tableMacros.map((m) => {
          const note = commentFor(m.comment, lang)
          return (
            <li key={m.name}>
              <button type="button" className="link" onClick={() => onInsert(`${m.name}(`)}>
                <code>
                  {m.name}({m.parameters.join(', ')})
                </code>
              </button>
              {note ? <span className="schema-comment"> — {note}</span> : null}
            </li>
          )
        })}
      </ul>
    </>
  )
}

export const SchemaBrowser = ({ schema, onInsert }: Props) => {
  const t = useT()
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
        {shown.map((rel) => (
          // A search that leaves a few matches opens them.
          <RelationItem key={rel.name} rel={rel} open={f !== '' && shown.length <= 3} onInsert={onInsert} />
        ))}
      </ul>
      <TableMacros macros={schema.macros} onInsert={onInsert} />
    </section>
  )
}
