/** One page of documents; a click selects a document for the citations chart. */
import { useT } from '../../app/i18n.tsx'
import { href } from '../../app/router.ts'
import { DataTable } from '../../components/DataTable.tsx'
import type { DocRow } from './types.ts'

const CitingCount = ({ r }: { r: DocRow }) => {
  const t = useT()
  return (
    <a
      className="count"
      href={href('/articles', { document: r.document_id })}
      title={t('Xem các bài và câu trích dẫn', 'See the citing articles and sentences')}
    >
      {r.article_count}
    </a>
  )
}

export const DocumentList = ({
  rows,
  total,
  selectedId,
  onSelect,
}: {
  rows: ReadonlyArray<DocRow>
  total: number
  selectedId: string | null
  onSelect: (id: string) => void
}) => {
  const t = useT()
  const issuer = (r: DocRow) =>
    r.is_central
      ? `${r.issuer ?? ''} (${t('Trung ương', 'central')})`
      : [r.issuer, r.province_name].filter(Boolean).join(' · ') || '—'
  return (
    <DataTable
      name="documents"
      rows={rows}
      caption={t(`${total} văn bản`, `${total} documents`)}
      onRowClick={(r) => onSelect(r.document_id)}
      selected={(r) => r.document_id === selectedId}
      columns={[
        {
          key: 'label',
          label: t('Văn bản', 'Document'),
          render: (r) => r.label ?? r.display_symbol ?? r.number,
        },
        { key: 'issued_on', label: t('Ngày ban hành', 'Issued') },
        { key: 'issuer', label: t('Cơ quan', 'Issuer'), render: issuer },
        {
          key: 'article_count',
          label: t('Bài trích dẫn', 'Citing articles'),
          numeric: true,
          render: (r) => <CitingCount r={r} />,
        },
        { key: 'citing_provinces', label: t('Số tỉnh', 'Provinces'), numeric: true },
      ]}
    />
  )
}
