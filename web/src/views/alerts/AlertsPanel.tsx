/** The alerts the watch rules fired (GET /api/alerts), with a link to what each is about. */
import { useApi, type Table } from '../../app/api.ts'
import { fmtDateTime, useLang, useT } from '../../app/i18n.tsx'
import { DataTable } from '../../components/DataTable.tsx'
import { type AlertRow, alertLink } from '../../components/ProvinceAlerts.tsx'
import { Load } from '../../components/State.tsx'

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
                  const link = alertLink(r.evidence)
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
