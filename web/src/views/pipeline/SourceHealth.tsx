/** The sources' health table: last success, output, failures and months with a gap. */
import { fmtDateTime, useLang, useT } from '../../app/i18n.tsx'
import { href } from '../../app/router.ts'
import { DataTable } from '../../components/DataTable.tsx'

import type { SourceRow } from '../../../../server/src/routes/pipeline-types.ts'

const SourceName = ({ r }: { r: SourceRow }) => (
  <span>
    {r.name ?? r.source_id} <small className="muted">{r.source_id}</small>
  </span>
)
const ArticleCount = ({ r }: { r: SourceRow }) =>
  r.articles > 0 ? (
    <a className="count" href={href('/articles', { source: r.source_id })}>
      {r.articles}
    </a>
  ) : (
    <>0</>
  )

export const SourceHealth = ({
  rows,
  chosen,
  onChoose,
}: {
  rows: ReadonlyArray<SourceRow>
  chosen: string
  onChoose: (source: string) => void
}) => {
  const t = useT()
  const { lang } = useLang()
  return (
    <DataTable
      name="source-health"
      rows={rows}
      onRowClick={(r) => onChoose(r.source_id)}
      selected={(r) => r.source_id === chosen}
      columns={[
        { key: 'source_id', label: t('Nguồn', 'Source'), render: (r) => <SourceName r={r} /> },
        { key: 'kind', label: t('Loại', 'Kind') },
        {
          key: 'last_success',
          label: t('Thành công gần nhất', 'Last success'),
          render: (r) => fmtDateTime(lang, r.last_success),
        },
        {
          key: 'articles',
          label: t('Bài viết', 'Articles'),
          numeric: true,
          render: (r) => <ArticleCount r={r} />,
        },
        { key: 'fetched', label: t('Đã tải', 'Fetched'), numeric: true },
        { key: 'failed', label: t('Lỗi', 'Failed'), numeric: true },
        { key: 'last_error', label: t('Lỗi gần nhất', 'Last error') },
        {
          key: 'gap_months',
          label: t('Tháng thiếu dữ liệu', 'Gap months'),
          numeric: true,
          render: (r) => (r.gap_months > 0 ? <strong className="warn">⚠ {r.gap_months}</strong> : '0'),
        },
      ]}
    />
  )
}
