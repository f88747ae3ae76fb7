/** The provinces citing the selected document; a bar opens that province's citing articles. */
import { useMemo } from 'react'
import { useApi } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.tsx'
import type { System } from '../../app/reference.ts'
import { href, navigate } from '../../app/router.ts'
import { buildCitationsOption } from '../../charts/citations.ts'
import { Chart } from '../../components/Chart.tsx'
import { Load } from '../../components/State.tsx'

const COLUMNS = ['province_code', 'province_name', 'citing_articles', 'first_cited', 'last_cited']

export const CitationsPanel = ({ id, system }: { id: string; system: System }) => {
  const t = useT()
  const { lang } = useLang()
  const detail = useApi('/api/documents/:id', { params: { id }, query: { system } })
  const option = useMemo(
    () => (detail.state === 'ready' ? buildCitationsOption(detail.data.citations, lang) : null),
    [detail, lang]
  )
  return (
    <Load value={detail} empty={(d) => d.citations.length === 0}>
      {({ document: doc, citations }) =>
        option ? (
          <div>
            <Chart
              testId="citations-chart"
              title={t(
                `Tỉnh trích dẫn ${doc.display_symbol ?? doc.number}`,
                `Provinces citing ${doc.display_symbol ?? doc.number}`
              )}
              option={option}
              height={Math.max(220, 34 * citations.length + 60)}
              csv={{ name: `citations-${doc.document_id}`, columns: COLUMNS, rows: citations }}
              onClick={(p) =>
                navigate(
                  href('/articles', {
                    system,
                    document: doc.document_id,
                    province: (p.data as { code?: string } | undefined)?.code,
                    unique: 'true',
                  })
                )
              }
            />
            <p>
              <a href={href('/articles', { document: doc.document_id })}>
                {t('Xem các bài viết trích dẫn văn bản này', 'See the articles citing this document')} →
              </a>
            </p>
          </div>
        ) : null
      }
    </Load>
  )
}
