import type { ReactNode } from 'react'
import { downloadCsv } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'

export interface Column<R> {
  readonly key: string
  readonly label: string
  readonly render?: (row: R) => ReactNode
  readonly numeric?: boolean
}

export function DataTable<R extends Record<string, unknown>>({
  name,
  columns,
  rows,
  caption,
  onRowClick,
  selected,
}: {
  name: string
  columns: ReadonlyArray<Column<R>>
  rows: ReadonlyArray<R>
  caption?: string
  onRowClick?: (row: R) => void
  selected?: (row: R) => boolean
}) {
  const t = useT()
  return (
    <div className="table-wrap">
      <div className="table-tools">
        {caption ? <strong>{caption}</strong> : <span />}
        <button
          type="button"
          onClick={() =>
            downloadCsv(
              name,
              columns.map((c) => c.key),
              rows
            )
          }
        >
          CSV
        </button>
      </div>
      <div className="table-scroll limited">
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{t('Không có dòng nào.', 'No rows.')}</td>
              </tr>
            ) : (
              rows.map((r, i) => (
                <tr
                  key={i}
                  className={
                    [onRowClick ? 'clickable' : '', selected?.(r) ? 'selected' : ''].join(' ').trim() ||
                    undefined
                  }
                  onClick={onRowClick ? () => onRowClick(r) : undefined}
                  onKeyDown={
                    onRowClick
                      ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onRowClick(r))
                      : undefined
                  }
                  tabIndex={onRowClick ? 0 : undefined}
                >
                  {columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {c.render ? c.render(r) : formatCell(r[c.key])}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}

const formatCell = (v: unknown): ReactNode =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)
