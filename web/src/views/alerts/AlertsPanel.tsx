/** The alerts the watch rules fired (GET /api/alerts), with a link to what each is about. */
import { useApi, type Table } from '../../app/api.ts'
import { fmtDateTime, useLang, useT } from '../../app/i18n.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { Load } from '../../components/State.tsx'

interface AlertRow extends Record<string, unknown> {
  alert_id: string
  rule_id: string
  kind: string
  fired_at: string
  subject: string
  evidence: string | null
}

/** Where an alert's evidence points: the document, the article, or nothing. */
const linkOf = (evidence: string | null): string | null => {
  try {
    const e = JSON.parse(evidence ?? 'null') as Record<string, unknown> | null
    if (typeof e?.document_id === 'string') return `/documents/${encodeURIComponent(e.document_id)}`
    if (typeof e?.article_id === 'string') return `/articles/${encodeURIComponent(e.article_id)}`
  } catch {
    // evidence is written by the pipeline as JSON; anything else just has no link
  }
  return null
}

export const AlertsPanel = () => {
  const t = useT()
  const { lang } = useLang()
  const alerts = useApi<Table<AlertRow>>('/api/alerts?limit=200')
  return (
    <>
      <h2>{t('Cảnh báo', 'Alerts')}</h2>
      <p className="muted">
        {t(
          'Quy tắc theo dõi trong data/alerts.json, xét sau mỗi lượt chạy; mỗi sự việc chỉ báo một lần. Nguồn tin: ',
          'Watch rules in data/alerts.json, evaluated after every run; each event fires once. Feed: '
        )}
        <a href="/api/feeds/alerts.atom">Atom</a>
      </p>
      <Load value={alerts} empty={(d) => d.rows.length === 0}>
        {(d) => (
          <DataTable
            name="alerts"
            rows={d.rows}
            columns={[
              {
                key: 'fired_at',
                label: t('Thời điểm', 'Fired'),
                render: (r) => fmtDateTime(lang, r.fired_at),
              },
              { key: 'rule_id', label: t('Quy tắc', 'Rule') },
              {
                key: 'subject',
                label: t('Nội dung', 'Subject'),
                render: (r) => {
                  const link = linkOf(r.evidence)
                  return link ? <a href={link}>{r.subject}</a> : r.subject
                },
              },
            ]}
          />
        )}
      </Load>
    </>
  )
}
