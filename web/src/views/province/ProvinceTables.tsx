/** The province page's tables: congresses and conferences, documents, and the health of the sources. */
import { fmtWindow } from '../../app/dates.ts'
import { useLang, useT } from '../../app/i18n.tsx'
import { href } from '../../app/router.ts'
import { DataTable } from '../../components/DataTable.tsx'
import { plannedHeldColumns } from '../../components/eventColumns.ts'
import type { Profile } from './types.ts'

type Origin = (oldCode: string | null, oldName: string | null) => string

/** "Yên Bái (nay thuộc Lào Cai)": history of a merged province is labelled, never silently credited. */
const useOrigin = (p: Profile, system: string): Origin => {
  const t = useT()
  return (oldCode, oldName) =>
    system === '2025' && oldCode && oldName && oldName !== p.province.name_vi
      ? t(`${oldName} (nay thuộc ${p.province.name_vi})`, `${oldName} (now part of ${p.province.name_vi})`)
      : ''
}

export const EventsTable = ({ p, code, system }: { p: Profile; code: string; system: string }) => {
  const t = useT()
  const { lang } = useLang()
  const origin = useOrigin(p, system)
  const label = (r: Profile['events'][number]) =>
    [origin(r.old_code, r.old_name), r.label].filter(Boolean).join(' — ')
  return (
    <DataTable
      name={`province-${code}-events`}
      rows={p.events}
      columns={[
        { key: 'label', label: t('Sự kiện', 'Event'), render: label },
        ...plannedHeldColumns<Profile['events'][number]>(lang, '—'),
      ]}
    />
  )
}

export const DocumentsTable = ({ p, code, system }: { p: Profile; code: string; system: string }) => {
  const t = useT()
  const { lang } = useLang()
  const origin = useOrigin(p, system)
  return (
    <DataTable
      name={`province-${code}-documents`}
      rows={p.documents}
      columns={[
        {
          key: 'label',
          label: t('Văn bản', 'Document'),
          render: (r) => <a href={href('/articles', { document: r.document_id })}>{r.label}</a>,
        },
        {
          key: 'issued_on',
          label: t('Ngày ban hành', 'Issued'),
          render: (r) => fmtWindow(lang, r.issued_on),
        },
        {
          key: 'old_name',
          label: t('Tỉnh cũ', 'Former province'),
          render: (r) => origin(r.old_code, r.old_name),
        },
        { key: 'article_count', label: t('Số bài', 'Articles'), numeric: true },
      ]}
    />
  )
}

export const SourcesTable = ({ p, code }: { p: Profile; code: string }) => {
  const t = useT()
  const { lang } = useLang()
  return (
    <DataTable
      name={`province-${code}-sources`}
      rows={p.sources}
      columns={[
        { key: 'name', label: t('Nguồn', 'Source') },
        { key: 'articles', label: t('Số bài', 'Articles'), numeric: true },
        {
          key: 'last_success',
          label: t('Lần thu thập tốt gần nhất', 'Last good fetch'),
          render: (r) => fmtWindow(lang, r.last_success),
        },
        { key: 'failed', label: t('Lỗi', 'Failures'), numeric: true },
      ]}
    />
  )
}
