/**
 * The alerts about one province (GET /api/alerts?province=…&system=…): its unanswered central documents,
 * overdue congresses and failing or silent sources, and, for a 2025 unit, those of the provinces merged
 * into it (issue #16). Shown on the province page; all alerts are on the Pipeline page.
 */
import type { AlertRow } from '../../../server/src/routes/pipeline-types.ts'
import { useApi } from '../app/api.ts'
import { fmtDateTime, useLang, useT } from '../app/i18n.tsx'
import { DataTable } from './DataTable.tsx'
import { Empty, Load } from './State.tsx'

/** Where an alert's evidence points: the document, the article, or nothing. */
const alertLink = (evidence: string | null): string | null => {
  try {
    const e = JSON.parse(evidence ?? 'null') as Record<string, unknown> | null
    if (typeof e?.document_id === 'string') return `/documents/${encodeURIComponent(e.document_id)}`
    if (typeof e?.article_id === 'string') return `/articles/${encodeURIComponent(e.article_id)}`
  } catch {
    // evidence is written by the pipeline as JSON; anything else just has no link
  }
  return null
}

/** Fired alerts as a table (when, rule, subject linked to its evidence): the Pipeline and province pages. */
export const AlertsTable = ({ name, rows }: { name: string; rows: ReadonlyArray<AlertRow> }) => {
  const t = useT()
  const { lang } = useLang()
  return (
    <DataTable
      name={name}
      rows={rows}
      columns={[
        { key: 'fired_at', label: t('Thời điểm', 'Fired'), render: (r) => fmtDateTime(lang, r.fired_at) },
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
  )
}

export const ProvinceAlerts = ({ code, system }: { code: string; system: string }) => {
  const t = useT()
  const alerts = useApi('/api/alerts', { query: { province: code, system, limit: 100 } })
  return (
    <section data-testid="province-alerts">
      <h2>{t('Cảnh báo về tỉnh', 'Alerts about the province')}</h2>
      <Load value={alerts}>
        {(d) =>
          d.rows.length === 0 ? (
            <Empty>{t('Chưa có cảnh báo nào.', 'No alert has fired.')}</Empty>
          ) : (
            <AlertsTable name={`province-${code}-alerts`} rows={d.rows} />
          )
        }
      </Load>
    </section>
  )
}
