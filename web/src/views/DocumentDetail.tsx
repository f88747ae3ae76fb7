/**
 * /documents/<id> (issue #16): one document, its own text when an attachment carries it, which
 * provinces have answered it and how fast (map, hatched = not yet; list with links), and the chain of
 * documents above and below it.
 */
import { useApi } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { useLocation, useQuery } from '../app/router.ts'
import { ChoiceToggle, SYSTEMS_DATED } from '../components/Choices.tsx'
import { Load } from '../components/State.tsx'
import { Chain } from './document/Chain.tsx'
import { ImplementingList, NotYetList } from './document/ImplementingList.tsx'
import { LagMap } from './document/LagMap.tsx'
import type { Implementation } from './document/types.ts'

const DocumentHeader = ({ d }: { d: Implementation }) => {
  const t = useT()
  const doc = d.document
  const issued = doc.issued_on ? t(`ngày ${doc.issued_on}`, `issued ${doc.issued_on}`) : null
  return (
    <>
      <h1>{doc.label ?? doc.document_id}</h1>
      <p className="muted">
        {[doc.issuer, issued].filter(Boolean).join(' · ')}
        {' · '}
        <a href={`/articles?document=${encodeURIComponent(doc.document_id)}`}>
          {t(`${doc.article_count ?? 0} bài viết nhắc đến`, `${doc.article_count ?? 0} citing articles`)}
        </a>
      </p>
      {d.attachment?.text ? (
        <details data-testid="attachment-text">
          <summary>
            {t('Toàn văn (từ tệp đính kèm)', 'Full text (from the attachment)')} —{' '}
            <a href={d.attachment.url}>{t('tệp gốc', 'original file')}</a>
          </summary>
          <pre className="document-text">{d.attachment.text}</pre>
        </details>
      ) : null}
    </>
  )
}

/** A central document: which provinces have answered it, on the map and in lists, in either unit system. */
const Answers = ({
  d,
  system,
  onSystem,
}: {
  d: Implementation
  system: '2008' | '2025'
  onSystem: (v: string) => void
}) => {
  const t = useT()
  return (
    <>
      <h2>{t('Các tỉnh đã thực hiện', 'Provinces that have answered it')}</h2>
      <ChoiceToggle
        name="system"
        label={['Đơn vị hành chính', 'Units']}
        value={system}
        onChange={onSystem}
        choices={SYSTEMS_DATED}
      />
      {d.summary ? (
        <p data-testid="implementation-summary">
          {t(
            `${d.summary.provinces_answered}/${d.summary.provinces_total} tỉnh đã có văn bản thực hiện; trung vị toàn quốc ${d.summary.median_lag_days ?? '—'} ngày.`,
            `${d.summary.provinces_answered}/${d.summary.provinces_total} provinces have answered; national median ${d.summary.median_lag_days ?? '—'} days.`
          )}
        </p>
      ) : null}
      <div className="grid-2">
        <LagMap system={system} rows={d.provinces} docId={d.document.document_id} />
        <div>
          <ImplementingList rows={d.implementing} />
          <NotYetList rows={d.not_yet} />
        </div>
      </div>
    </>
  )
}

export default function DocumentDetail() {
  const t = useT()
  const { path } = useLocation()
  const [q, set] = useQuery()
  const id = decodeURIComponent(path.slice('/documents/'.length))
  const system = q.get('system') === '2008' ? '2008' : '2025'
  const data = useApi('/api/documents/:id/implementation', { params: { id }, query: { system } })
  return (
    <Load value={data}>
      {(d) => (
        <section data-testid="document-detail">
          <DocumentHeader d={d} />
          <h2>{t('Văn bản này thực hiện', 'This document carries out')}</h2>
          <Chain rows={d.above} direction="above" />
          {d.document.is_central ? (
            <Answers d={d} system={system} onSystem={(v) => set({ system: v === '2025' ? null : v })} />
          ) : null}
          <h2>
            {t(
              'Văn bản thực hiện, sửa đổi hoặc căn cứ văn bản này',
              'Documents that carry out, amend or cite it'
            )}
          </h2>
          <Chain rows={d.below} direction="below" />
        </section>
      )}
    </Load>
  )
}
