/** The chain of documents above (what this one carries out, amends, cites) and below it. */
import { useT } from '../../app/i18n.tsx'
import type { ChainRow } from './types.ts'

const RELATION: Record<string, Record<'above' | 'below', [string, string]>> = {
  implements: { above: ['thực hiện', 'implements'], below: ['được thực hiện bởi', 'implemented by'] },
  amends: { above: ['sửa đổi', 'amends'], below: ['được sửa đổi bởi', 'amended by'] },
  replaces: { above: ['thay thế', 'replaces'], below: ['được thay thế bởi', 'replaced by'] },
  cites: { above: ['căn cứ', 'cites'], below: ['được căn cứ bởi', 'cited by'] },
  launches: { above: ['phát động', 'launches'], below: ['được phát động bởi', 'launched by'] },
  organizes: { above: ['tổ chức', 'organizes'], below: ['được tổ chức theo', 'organized by'] },
}

export const Chain = ({ rows, direction }: { rows: ChainRow[]; direction: 'above' | 'below' }) => {
  const t = useT()
  if (rows.length === 0) return <p className="muted">{t('Không có.', 'None.')}</p>
  return (
    <ul className="chain" data-testid={`chain-${direction}`}>
      {rows.map((r) => {
        const [vi, en] = RELATION[r.relation]?.[direction] ?? [r.relation, r.relation]
        const target = r.document_id ? (
          <a href={`/documents/${encodeURIComponent(r.document_id)}`}>{r.label ?? r.document_id}</a>
        ) : r.campaign_id ? (
          <a href={`/campaigns?campaign=${encodeURIComponent(r.campaign_id)}`}>
            {r.campaign_name ?? r.campaign_id}
          </a>
        ) : (
          <span>{r.event_label ?? r.event_id}</span>
        )
        return (
          <li key={`${r.relation}-${r.document_id ?? r.campaign_id ?? r.event_id}`}>
            <strong>{t(vi, en)}</strong> {target}
            {r.issued_on ? <small className="muted"> ({r.issued_on})</small> : null}
            {r.article_id ? (
              <>
                {' · '}
                <a href={`/articles/${encodeURIComponent(r.article_id)}`} title={r.evidence ?? undefined}>
                  {t('nguồn', 'source')}
                </a>
              </>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
