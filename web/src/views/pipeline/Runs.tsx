/** The last runs of the pipeline: when, how, what they loaded, how they ended. */
import type { Table } from '../../app/api.ts'
import { fmtDateTime, useLang, useT } from '../../app/i18n.tsx'
import { DataTable } from '../../components/DataTable.tsx'

export const Runs = ({ rows }: { rows: Table['rows'] }) => {
  const t = useT()
  const { lang } = useLang()
  const when = (v: unknown) => fmtDateTime(lang, v as string | null)
  return (
    <DataTable
      name="runs"
      rows={rows}
      columns={[
        { key: 'run_id', label: t('Lượt chạy', 'Run') },
        { key: 'started_at', label: t('Bắt đầu', 'Started'), render: (r) => when(r.started_at) },
        { key: 'finished_at', label: t('Kết thúc', 'Finished'), render: (r) => when(r.finished_at) },
        { key: 'status', label: t('Trạng thái', 'Status') },
        { key: 'mode', label: t('Chế độ', 'Mode') },
        { key: 'articles_loaded', label: t('Bài đã nạp', 'Articles loaded'), numeric: true },
        { key: 'extractor_version', label: t('Phiên bản trích xuất', 'Extractor version') },
        { key: 'error', label: t('Lỗi', 'Error') },
      ]}
    />
  )
}
