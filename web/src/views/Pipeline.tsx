/** /pipeline: data checks, the sources' health with each one's coverage ledger, runs and alerts. */
import { useApi } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { useQuery } from '../app/router.ts'
import { DataChecks } from '../components/DataChecks.tsx'
import { Filters } from '../components/Field.tsx'
import { SourceKindSelect } from '../components/Choices.tsx'
import { Load } from '../components/State.tsx'
import { AlertsPanel } from './alerts/AlertsPanel.tsx'
import { Ledger } from './pipeline/Ledger.tsx'
import { Runs } from './pipeline/Runs.tsx'
import { SourceHealth } from './pipeline/SourceHealth.tsx'

export default function Pipeline() {
  const t = useT()
  const [q, set] = useQuery()
  const runs = useApi('/api/runs', { query: { limit: 20 } })
  const sources = useApi('/api/sources', { query: { kind: q.get('kind') } })
  const chosen = q.get('source') ?? (sources.state === 'ready' ? (sources.data.rows[0]?.source_id ?? '') : '')
  return (
    <section>
      <h1>{t('Quy trình thu thập dữ liệu', 'Data pipeline')}</h1>
      <DataChecks />
      <h2>{t('Sức khỏe nguồn', 'Source health')}</h2>
      <Filters>
        <SourceKindSelect
          value={q.get('kind') ?? ''}
          onChange={(v) => set({ kind: v })}
          kinds={['portal', 'newspaper']}
          id="kind"
        />
      </Filters>
      <Load value={sources} empty={(d) => d.rows.length === 0}>
        {(d) => <SourceHealth rows={d.rows} chosen={chosen} onChoose={(source) => set({ source })} />}
      </Load>
      <p className="muted">
        {t(
          'Tháng bị đánh dấu đỏ: số bài thấp hơn nhiều so với mức nền của chính nguồn đó — thiếu dữ liệu, không nên hiểu là địa phương không hoạt động.',
          'Red months: output far below the source’s own baseline — missing data, not inactivity.'
        )}
      </p>
      {chosen ? <Ledger source={chosen} /> : null}
      <h2>{t('Các lượt chạy', 'Runs')}</h2>
      <Load value={runs} empty={(d) => d.rows.length === 0}>
        {(d) => <Runs rows={d.rows} />}
      </Load>
      <AlertsPanel />
    </section>
  )
}
