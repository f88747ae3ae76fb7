/**
 * "How this number was made": a disclosure under a figure naming the query behind it (the API call,
 * which the SQL console and docs/api.md explain) and a link to the very articles it counts.
 */
import type { ReactNode } from 'react'
import { useT } from '../app/i18n.tsx'

export const HowMade = ({
  api,
  articles,
  children,
}: {
  /** The API request the figure comes from. */
  api: string
  /** The dashboard link listing the articles counted. */
  articles: string
  children?: ReactNode
}) => {
  const t = useT()
  return (
    <details className="how-made" data-testid="how-made">
      <summary>{t('Số liệu này được tính thế nào?', 'How was this number made?')}</summary>
      {children}
      <p>
        {t('Truy vấn', 'Query')}:{' '}
        <a href={api}>
          <code>{api}</code>
        </a>
      </p>
      <p>
        <a href={articles}>{t('Xem các bài viết được đếm', 'See the articles counted')}</a>
      </p>
    </details>
  )
}
