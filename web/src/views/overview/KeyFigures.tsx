/** The overview's key figures, under exactly the filters the charts obey, with their provenance. */
import type { OverviewFigures } from '../../../../server/src/routes/overview-types.ts'
import { routeUrl, useApi } from '../../app/api.ts'
import { filterParams, type FilterModel } from '../../app/filters.ts'
import { fmtDateTime, fmtNumber, useLang, useT } from '../../app/i18n.tsx'
import { href } from '../../app/router.ts'
import { HowMade } from '../../components/HowMade.tsx'
import { ErrorState, Loading } from '../../components/State.tsx'

type Figures = OverviewFigures

const articlesOf = (model: FilterModel) =>
  href('/articles', {
    system: model.system,
    province: model.provinces.join(',') || null,
    from: model.fromYear ? `${model.fromYear}-01-01` : null,
    to: model.toYear ? `${model.toYear}-12-31` : null,
    campaign: model.campaign,
    unique: 'true',
  })

/** Where the counted articles come from, and how they were counted. */
const Provenance = ({ f, api, articles }: { f: Figures; api: string; articles: string }) => {
  const t = useT()
  return (
    <li className="muted provenance" data-testid="provenance">
      <span>
        {t(
          `Nguồn gốc: ${f.captured} bài thu thập trực tiếp, ${f.rebuilt} bài dựng lại từ dữ kiện, ${f.attachments} tệp đính kèm`,
          `Provenance: ${f.captured} captured pages, ${f.rebuilt} rebuilt from facts, ${f.attachments} attachments`
        )}
        {f.extractor_version ? ` · ${t('bộ trích xuất', 'extractor')} ${f.extractor_version}` : ''}
      </span>
      <HowMade api={api} articles={articles}>
        <p>
          {t(
            'Mỗi cụm bài gần trùng được đếm một lần; "bài viết về thi đua" là bài nhắc đến thi đua, khen thưởng, một đại hội hay một phong trào.',
            'Each cluster of near-duplicate reports counts once; an "emulation article" mentions emulation or commendation, a congress or a campaign.'
          )}
        </p>
      </HowMade>
    </li>
  )
}

const Freshness = ({ latest }: { latest: string | null }) => {
  const t = useT()
  const { lang } = useLang()
  const health = useApi('/api/health', {})
  return (
    <li className="muted">
      <span>
        {t('Bài mới nhất', 'Latest article')}: {latest ?? '—'}
      </span>
      <span>
        {t('Lượt chạy gần nhất', 'Last run')}:{' '}
        {health.state === 'ready' ? fmtDateTime(lang, health.data.last_run) : '—'}
      </span>
    </li>
  )
}

export const KeyFigures = ({ model }: { model: FilterModel }) => {
  const t = useT()
  const { lang } = useLang()
  const args = { query: filterParams(model) }
  const api = routeUrl('/api/overview/figures', args)
  const figures = useApi('/api/overview/figures', args)
  if (figures.state === 'error') return <ErrorState error={figures.error} />
  if (figures.state !== 'ready') return <Loading />
  const f = figures.data
  const articleLink = articlesOf(model)
  const items: Array<[string, string, string]> = [
    [fmtNumber(lang, f.articles), t('bài viết về thi đua', 'emulation articles'), articleLink],
    [
      `${f.provinces_with_data}/${f.provinces_total}`,
      t('tỉnh có dữ liệu', 'provinces with data'),
      href('/compare', { system: model.system }),
    ],
    [fmtNumber(lang, f.campaigns), t('phong trào được nhắc đến', 'campaigns mentioned'), '/campaigns'],
    [
      fmtNumber(lang, f.central_documents),
      t('văn bản trung ương được trích dẫn', 'central documents cited'),
      href('/documents', { level: 'central' }),
    ],
  ]
  return (
    <ul className="figures" data-testid="key-figures">
      {items.map(([n, label, link]) => (
        <li key={label}>
          <a href={link}>
            <strong>{n}</strong>
            <span>{label}</span>
          </a>
        </li>
      ))}
      <Provenance f={f} api={api} articles={articleLink} />
      <Freshness latest={f.latest_article} />
    </ul>
  )
}
