/** The chosen source's coverage ledger: articles found per month against its own baseline. */
import { useMemo } from 'react'
import { useApi } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.tsx'
import '../../charts/cartesian.ts'
import { buildLedgerOption } from '../../charts/ledger.ts'
import { ChartCard } from '../../components/ChartCard.tsx'

export const Ledger = ({ source }: { source: string }) => {
  const t = useT()
  const { lang } = useLang()
  const ledger = useApi('/api/sources/ledger', { query: { source } })
  const option = useMemo(
    () => (ledger.state === 'ready' ? buildLedgerOption(ledger.data.rows, lang) : null),
    [ledger, lang]
  )
  return (
    <ChartCard
      value={ledger}
      option={option}
      empty={(d) => d.rows.length === 0}
      props={(d) => ({
        testId: 'ledger-chart',
        title: t(`Sổ theo dõi độ phủ: ${source}`, `Coverage ledger: ${source}`),
        csv: { name: `ledger-${source}`, columns: d.columns, rows: d.rows },
      })}
    />
  )
}
