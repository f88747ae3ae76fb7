/**
 * A table of rows with CSV export; a header click (or Enter on a focused header) sorts by that column (ascending, descending, then
 * back to the API's order). The CSV holds the rows in the API's order, whatever the display.
 */
import { type ReactNode, useState } from 'react'
import { downloadCsv } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { nextSort, type SortState, sortRows } from './sort.ts'

export interface Column<R> {
  readonly key: string
  readonly label: string
  readonly render?: (row: R) => ReactNode
  readonly numeric?: boolean
}

interface TableProps<R> {
  readonly name: string
  readonly columns: ReadonlyArray<Column<R>>
  readonly rows: ReadonlyArray<R>
  readonly caption?: string
  readonly onRowClick?: (row: R) => void
  readonly selected?: (row: R) => boolean
}

const formatCell = (v: unknown): ReactNode =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/** A sortable header cell: clicked or, from the keyboard, Enter or Space. */
function HeadCell<R>({ c, dir, onSort }: { c: Column<R>; dir: SortState['dir'] | null; onSort: () => void }) {
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    e.preventDefault()
    onSort()
  }
  return (
    <th
      scope="col"
      className={c.numeric ? 'num sortable' : 'sortable'}
      aria-sort={dir ? ARIA_SORT[dir] : undefined}
      tabIndex={0}
      onClick={onSort}
      onKeyDown={onKeyDown}
    >
      {c.label}
      {dir ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
    </th>
  )
}

function Head<R>(p: {
  columns: ReadonlyArray<Column<R>>
  sort: SortState | null
  onSort: (key: string) => void
}) {
  return (
    <thead>
      <tr>
        {p.columns.map((c) => (
          <HeadCell
            key={c.key}
            c={c}
            dir={p.sort?.key === c.key ? p.sort.dir : null}
            onSort={() => p.onSort(c.key)}
          />
        ))}
      </tr>
    </thead>
  )
}

function Row<R extends Record<string, unknown>>({ r, p }: { r: R; p: TableProps<R> }) {
  const open = p.onRowClick
  const className = [open ? 'clickable' : '', p.selected?.(r) ? 'selected' : ''].join(' ').trim() || undefined
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!open || (e.key !== 'Enter' && e.key !== ' ')) return
    e.preventDefault()
    open(r)
  }
  return (
    <tr
      className={className}
      onClick={open ? () => open(r) : undefined}
      onKeyDown={open ? onKeyDown : undefined}
      tabIndex={open ? 0 : undefined}
    >
      {p.columns.map((c) => (
        <td key={c.key} className={c.numeric ? 'num' : undefined}>
          {c.render ? c.render(r) : formatCell(r[c.key])}
        </td>
      ))}
    </tr>
  )
}

export function DataTable<R extends Record<string, unknown>>(p: TableProps<R>) {
  const t = useT()
  const [sort, setSort] = useState<SortState | null>(null)
  const rows = sort ? sortRows(p.rows, sort) : p.rows
  const csv = () =>
    downloadCsv(
      p.name,
      p.columns.map((c) => c.key),
      p.rows
    )
  return (
    <div className="table-wrap">
      <div className="table-tools">
        {p.caption ? <strong>{p.caption}</strong> : <span />}
        <button type="button" onClick={csv}>
          CSV
        </button>
      </div>
      <div className="table-scroll limited">
        <table>
          <Head columns={p.columns} sort={sort} onSort={(key) => setSort((s) => nextSort(s, key))} />
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={p.columns.length}>{t('Không có dòng nào.', 'No rows.')}</td>
              </tr>
            ) : (
              rows.map((r, i) => <Row key={i} r={r} p={p} />)
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
