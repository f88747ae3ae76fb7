/**
 * The warehouse's data checks on the Pipeline page: each contradiction it found (a document cited
 * before its issue date, an implausible lag, …) with its count, and the offending rows on demand.
 */
import { useState } from 'react'
import { useApi } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { DataTable } from './DataTable.tsx'
import { Load } from './State.tsx'

export const DataChecks = () => {
  const t = useT()
  const checks = useApi('/api/checks', {})
  const [open, setOpen] = useState<string | null>(null)
  const rows = useApi('/api/checks/rows', open ? { query: { check: open } } : null)
  return (
    <section data-testid="data-checks">
      <h2>{t('Kiểm tra dữ liệu', 'Data checks')}</h2>
      <Load value={checks}>
        {(d) => (
          <DataTable
            name="data-checks"
            rows={d.rows}
            onRowClick={(r) => setOpen(r.row_count > 0 ? r.check_id : null)}
            selected={(r) => r.check_id === open}
            columns={[
              { key: 'name_vi', label: t('Kiểm tra', 'Check'), render: (r) => t(r.name_vi, r.name_en) },
              { key: 'row_count', label: t('Số dòng vi phạm', 'Rows found'), numeric: true },
              {
                key: 'view_name',
                label: t('View SQL', 'SQL view'),
                render: (r) => <code>{r.view_name}</code>,
              },
            ]}
          />
        )}
      </Load>
      {open ? (
        <Load value={rows}>
          {(d) => (
            <DataTable
              name={`check-${open}`}
              caption={t('Các dòng vi phạm', 'Offending rows')}
              rows={d.rows}
              columns={d.columns.map((c) => ({ key: c, label: c }))}
            />
          )}
        </Load>
      ) : null}
    </section>
  )
}
