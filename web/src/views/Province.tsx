/**
 * The province page (`/province/<code>`): what a leader prints or sends. Documents issued, congresses
 * planned against held, campaigns with the adoption lag beside the national median, and the health of
 * the sources, for one province in either unit system. `?print=1` lays it out for an A4 PDF.
 */
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useMemo } from 'react'
import { useApi } from '../app/api.ts'
import { fmtWindow } from '../app/dates.ts'
import { fmtNumber, useLang, useT } from '../app/i18n.tsx'
import { systemOf } from '../app/reference.ts'
import { href, useLocation, useQuery } from '../app/router.ts'
import { documentsPerYearOption, lagVsMedianOption } from '../charts/province.ts'
import { Chart } from '../components/Chart.tsx'
import { DataTable } from '../components/DataTable.tsx'
import { Filters } from '../components/Field.tsx'
import { ProvinceAlerts } from '../components/ProvinceAlerts.tsx'
import { SystemSelect, YearRange } from '../components/StandardFilters.tsx'
import { Load } from '../components/State.tsx'

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

interface Named {
  code: string
  name: string
}
interface Profile {
  province: {
    code: string
    name_vi: string
    system: string
    merged_from: Named[] | null
    merged_into: Named | null
    articles: number
  }
  period: { from_year: number | null; to_year: number | null }
  version: string
  documents: Array<{
    document_id: string
    label: string
    issued_on: string | null
    issuer: string | null
    article_count: number
    old_code: string | null
    old_name: string | null
  }>
  events: Array<{
    label: string
    item_kind: string
    status: string
    planned_start: string | null
    planned_end: string | null
    held_on: string | null
    delay_days: number | null
    article_id: string | null
    organization: string | null
    old_code: string | null
    old_name: string | null
  }>
  campaigns: Array<{
    campaign_id: string
    campaign_name: string
    first_mention: string
    articles: number
    lag_days: number | null
    national_median_lag_days: number | null
    provinces_reached: number
  }>
  sources: Array<{
    source_id: string
    name: string
    kind: string
    last_success: string | null
    articles: number
    failed: number
    last_error: string | null
  }>
}

const periodText = (t: (vi: string, en: string) => string, from: number | null, to: number | null) =>
  from === null && to === null
    ? t('Toàn bộ thời gian có dữ liệu', 'All years with data')
    : `${t('Giai đoạn', 'Period')}: ${from ?? '…'}–${to ?? t('nay', 'now')}`

export default function Province() {
  const t = useT()
  const { lang } = useLang()
  const { path } = useLocation()
  const [q, set] = useQuery()
  const code = path.split('/')[2] ?? ''
  const system = systemOf(q.get('system') ?? '2025')
  const fromYear = q.get('from_year') ?? ''
  const toYear = q.get('to_year') ?? ''
  const print = q.get('print') === '1'
  const profile = useApi<Profile>(
    href(`/api/provinces/${encodeURIComponent(code)}/profile`, {
      system,
      from_year: fromYear,
      to_year: toYear,
    })
  )
  useEffect(() => {
    document.documentElement.classList.toggle('print-mode', print)
    return () => document.documentElement.classList.remove('print-mode')
  }, [print])
  const charts = useMemo(() => {
    if (profile.state !== 'ready') return null
    const p = profile.data
    return {
      docs: documentsPerYearOption(p.documents, t('Văn bản', 'Documents')),
      lags: lagVsMedianOption(p.campaigns, {
        province: p.province.name_vi,
        median: t('Trung vị cả nước', 'National median'),
        days: t('ngày', 'days'),
      }),
    }
  }, [profile, t])
  /** "Yên Bái (nay thuộc Lào Cai)": history of a merged province is labelled, never silently credited. */
  const origin = (p: Profile, oldCode: string | null, oldName: string | null) =>
    system === '2025' && oldCode && oldName && oldName !== p.province.name_vi
      ? t(`${oldName} (nay thuộc ${p.province.name_vi})`, `${oldName} (now part of ${p.province.name_vi})`)
      : ''
  return (
    <Load value={profile}>
      {(p) => (
        <section className="province-page">
          <h1>
            {p.province.name_vi} — {t('hồ sơ thi đua', 'emulation profile')}
          </h1>
          <p className="lede" data-testid="province-period">
            {system === '2025'
              ? t('Hệ 34 đơn vị (từ 1/7/2025)', '34-unit system (from 1 Jul 2025)')
              : t('Hệ 63 tỉnh (đến 30/6/2025)', '63-province system (to 30 Jun 2025)')}
            {' · '}
            {periodText(t, p.period.from_year, p.period.to_year)}
            {' · '}
            {fmtNumber(lang, p.province.articles)} {t('bài viết về thi đua', 'emulation articles')}
          </p>
          {p.province.merged_from?.length ? (
            <p className="muted">
              {t('Gồm cả lịch sử của', 'Includes the history of')}:{' '}
              {p.province.merged_from.map((m) => m.name).join(', ')}
            </p>
          ) : null}
          {p.province.merged_into ? (
            <p className="muted">
              {t('Từ 1/7/2025 thuộc', 'Since 1 Jul 2025 part of')}{' '}
              <a href={href(`/province/${p.province.merged_into.code}`, { system: '2025' })}>
                {p.province.merged_into.name}
              </a>
            </p>
          ) : null}
          {print ? null : (
            <Filters>
              <SystemSelect value={system} onChange={(v) => set({ system: v })} />
              <YearRange from={fromYear} to={toYear} onChange={set} />
              <a
                className="button"
                href={href(path, { system, from_year: fromYear, to_year: toYear, print: '1' })}
              >
                {t('Bản in (A4)', 'Print version (A4)')}
              </a>
            </Filters>
          )}
          <div className="grid-2">
            <Chart
              testId="province-documents-chart"
              title={t('Văn bản ban hành theo năm', 'Documents issued per year')}
              option={charts?.docs ?? {}}
              height={240}
              csv={{
                name: `province-${code}-documents`,
                columns: ['document_id', 'label', 'issued_on'],
                rows: p.documents,
              }}
            />
            <Chart
              testId="province-lag-chart"
              title={t(
                'Độ trễ hưởng ứng phong trào so với trung vị cả nước',
                'Campaign adoption lag vs the national median'
              )}
              option={charts?.lags ?? {}}
              height={Math.max(240, 40 * p.campaigns.length + 80)}
              csv={{
                name: `province-${code}-campaigns`,
                columns: [
                  'campaign_id',
                  'campaign_name',
                  'first_mention',
                  'lag_days',
                  'national_median_lag_days',
                  'articles',
                ],
                rows: p.campaigns,
              }}
            />
          </div>
          <h2>
            {t('Đại hội và hội nghị: dự kiến và đã tổ chức', 'Congresses and conferences: planned and held')}
          </h2>
          <DataTable
            name={`province-${code}-events`}
            rows={p.events}
            columns={[
              {
                key: 'label',
                label: t('Sự kiện', 'Event'),
                render: (r) => [origin(p, r.old_code, r.old_name), r.label].filter(Boolean).join(' — '),
              },
              {
                key: 'planned_start',
                label: t('Dự kiến', 'Planned'),
                render: (r) => (r.planned_start ? fmtWindow(lang, r.planned_start, r.planned_end) : '—'),
              },
              {
                key: 'held_on',
                label: t('Tổ chức', 'Held'),
                render: (r) => (r.held_on ? fmtWindow(lang, r.held_on) : '—'),
              },
              { key: 'delay_days', label: t('Trễ (ngày)', 'Delay (days)'), numeric: true },
            ]}
          />
          <h2>{t('Văn bản của tỉnh', 'The province’s documents')}</h2>
          <DataTable
            name={`province-${code}-documents`}
            rows={p.documents}
            columns={[
              {
                key: 'label',
                label: t('Văn bản', 'Document'),
                render: (r) => <a href={href('/articles', { document: r.document_id })}>{r.label}</a>,
              },
              {
                key: 'issued_on',
                label: t('Ngày ban hành', 'Issued'),
                render: (r) => fmtWindow(lang, r.issued_on),
              },
              {
                key: 'old_name',
                label: t('Tỉnh cũ', 'Former province'),
                render: (r) => origin(p, r.old_code, r.old_name),
              },
              { key: 'article_count', label: t('Số bài', 'Articles'), numeric: true },
            ]}
          />
          <ProvinceAlerts code={code} system={system} />
          <h2>{t('Nguồn dữ liệu', 'Sources')}</h2>
          <DataTable
            name={`province-${code}-sources`}
            rows={p.sources}
            columns={[
              { key: 'name', label: t('Nguồn', 'Source') },
              { key: 'articles', label: t('Số bài', 'Articles'), numeric: true },
              {
                key: 'last_success',
                label: t('Lần thu thập tốt gần nhất', 'Last good fetch'),
                render: (r) => fmtWindow(lang, r.last_success),
              },
              { key: 'failed', label: t('Lỗi', 'Failures'), numeric: true },
            ]}
          />
          <p className="source-line" data-testid="source-line">
            {t(
              `Nguồn: Thi Đua Atlas, tổng hợp từ cổng thông tin và báo chí của tỉnh; phiên bản dữ liệu ${p.version}; lập ngày ${new Date().toISOString().slice(0, 10)}.`,
              `Source: Thi Đua Atlas, compiled from the province's portals and newspapers; data version ${p.version}; made on ${new Date().toISOString().slice(0, 10)}.`
            )}
          </p>
        </section>
      )}
    </Load>
  )
}
