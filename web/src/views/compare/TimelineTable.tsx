/** The compare view's table: one row per item, the chart's data in words, with links to the reports. */
import { type Lang, translator, useLang } from '../../app/i18n.tsx'
import { href, navigate } from '../../app/router.ts'
import { itemWhen, itemWhere, type TimelineItem } from '../../charts/timeline.ts'
import { type Column, DataTable } from '../../components/DataTable.tsx'
import { plannedHeldColumns } from '../../components/eventColumns.ts'

const KIND: Record<string, [string, string]> = {
  document: ['Văn bản', 'Document'],
  congress: ['Đại hội', 'Congress'],
}
const STATUS: Record<string, [string, string]> = {
  issued: ['Ban hành', 'Issued'],
  held: ['Đã tổ chức', 'Held'],
  planned: ['Dự kiến', 'Planned'],
}

const Reports = ({ r, lang }: { r: TimelineItem; lang: Lang }) => {
  const t = translator(lang)
  if (!r.event_id && !r.document_id) return <>{String(r.reports ?? '—')}</>
  return (
    <a
      className="count"
      href={href('/articles', { event_id: r.event_id, document: r.document_id })}
      title={t('Các bài và câu nói về mục này', 'The articles and sentences behind this item')}
    >
      {String(r.reports ?? '')}
    </a>
  )
}

const columns = (lang: Lang): ReadonlyArray<Column<TimelineItem>> => {
  const t = translator(lang)
  return [
    { key: 'province_name', label: t('Tỉnh', 'Province'), render: (r) => itemWhere(lang, r) },
    { key: 'item_date', label: t('Thời gian', 'When'), render: (r) => itemWhen(lang, r) },
    {
      key: 'item_kind',
      label: t('Loại', 'Kind'),
      render: (r) => t(...(KIND[r.item_kind] ?? ['Hội nghị', 'Conference'])),
    },
    { key: 'label', label: t('Nội dung', 'Item') },
    {
      key: 'status',
      label: t('Trạng thái', 'Status'),
      render: (r) => t(...(STATUS[r.status] ?? ['Chưa rõ', 'Unknown'])),
    },
    ...plannedHeldColumns<TimelineItem>(lang, ''),
    {
      key: 'reports',
      label: t('Số bài', 'Reports'),
      numeric: true,
      render: (r) => <Reports r={r} lang={lang} />,
    },
  ]
}

export const openArticle = (id: string | null | undefined) => {
  if (id) navigate(`/articles/${encodeURIComponent(id)}`)
}

const openRow = (r: TimelineItem) => openArticle(r.article_id)

export const TimelineTable = ({ rows }: { rows: ReadonlyArray<TimelineItem> }) => (
  <DataTable name="timelines" rows={rows} onRowClick={openRow} columns={columns(useLang().lang)} />
)
