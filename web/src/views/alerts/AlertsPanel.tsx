/** The alerts the watch rules fired (GET /api/alerts), with a link to what each is about. */
import { useApi } from '../../app/api.ts'
import { useT } from '../../app/i18n.tsx'
import { AlertsTable } from '../../components/ProvinceAlerts.tsx'
import { Load } from '../../components/State.tsx'

export const AlertsPanel = () => {
  const t = useT()
  const alerts = useApi('/api/alerts', { query: { limit: 200 } })
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
        {(d) => <AlertsTable name="alerts" rows={d.rows} />}
      </Load>
    </>
  )
}
