/** The implementing documents, fastest first, with links to the document and the article; then who has not. */
import { useT } from '../../app/i18n.tsx'
import type { ProvinceRow } from './types.ts'

export const ImplementingList = ({ rows }: { rows: ProvinceRow[] }) => {
  const t = useT()
  if (rows.length === 0)
    return (
      <p className="state empty">
        {t('Chưa tỉnh nào có văn bản thực hiện.', 'No province has an implementing document yet.')}
      </p>
    )
  return (
    <table className="data" data-testid="implementing-list">
      <thead>
        <tr>
          <th>{t('Tỉnh', 'Province')}</th>
          <th>{t('Văn bản thực hiện', 'Implementing document')}</th>
          <th>{t('Ngày', 'Date')}</th>
          <th>{t('Độ trễ (ngày)', 'Lag (days)')}</th>
          <th>{t('Nguồn', 'Source')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.province_code}>
            <td>
              {r.province_name}
              {r.via_predecessor ? (
                <small className="muted">
                  {' '}
                  (
                  {t(
                    `do ${r.predecessor_name ?? 'tỉnh cũ'} ban hành trước sáp nhập`,
                    `issued by ${r.predecessor_name ?? 'a former province'} before the merger`
                  )}
                  )
                </small>
              ) : null}
            </td>
            <td>
              <a href={`/documents/${encodeURIComponent(r.implementing_document_id ?? '')}`}>
                {r.implementing_label}
              </a>
              {r.attachment_url ? (
                <>
                  {' · '}
                  <a href={r.attachment_url}>{t('tệp', 'file')}</a>
                </>
              ) : null}
            </td>
            <td>
              {r.issued_on ?? '—'}
              {r.date_basis === 'first_cited' ? (
                <small className="muted"> ({t('ngày đưa tin', 'reported')})</small>
              ) : null}
            </td>
            <td>{r.lag_days ?? '—'}</td>
            <td>
              {r.article_id ? (
                <a href={`/articles/${encodeURIComponent(r.article_id)}`}>
                  {r.article_title ?? t('bài viết', 'article')}
                </a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export const NotYetList = ({ rows }: { rows: ProvinceRow[] }) => {
  const t = useT()
  if (rows.length === 0) return null
  return (
    <details data-testid="not-yet" open={rows.length <= 40}>
      <summary>
        {t(
          `${rows.length} tỉnh chưa có văn bản thực hiện`,
          `${rows.length} provinces without an implementing document`
        )}
      </summary>
      <ul className="inline-list">
        {rows.map((r) => (
          <li key={r.province_code}>
            {r.province_name}
            {r.days_waiting !== null ? (
              <small className="muted">
                {' '}
                ({r.days_waiting} {t('ngày', 'days')})
              </small>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  )
}
