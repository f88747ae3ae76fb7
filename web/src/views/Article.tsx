import { useMemo } from 'react'
import { useApi } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { href, useLocation } from '../app/router.ts'
import { Load } from '../components/State.tsx'

interface Entity {
  kind: 'document' | 'event' | 'campaign' | 'time'
  start: number
  end: number
  surface: string
  span_source: 'extracted' | 'located'
  label: string
  ref: string | null
}
interface ArticleDetail {
  article: {
    article_id: string
    title: string
    url: string
    source_name: string | null
    published_at: string | null
    province_name_2008: string | null
    province_name_2025: string | null
    body_text: string
    origin: string
  }
  entities: Entity[]
}

/** Splits the body into plain and highlighted pieces; overlapping spans keep the earlier, longer one. */
const pieces = (body: string, entities: Entity[]) => {
  const out: Array<{ text: string; entity: Entity | null }> = []
  let at = 0
  for (const e of entities) {
    if (e.start < at) continue
    if (e.start > at) out.push({ text: body.slice(at, e.start), entity: null })
    out.push({ text: body.slice(e.start, e.end), entity: e })
    at = e.end
  }
  if (at < body.length) out.push({ text: body.slice(at), entity: null })
  return out
}

export default function Article() {
  const t = useT()
  const { path } = useLocation()
  const id = decodeURIComponent(path.slice('/articles/'.length))
  const detail = useApi<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`)
  const KIND: Record<Entity['kind'], string> = {
    document: t('Văn bản', 'Document'),
    event: t('Sự kiện', 'Event'),
    campaign: t('Phong trào', 'Campaign'),
    time: t('Thời gian', 'Time'),
  }
  const parts = useMemo(
    () => (detail.state === 'ready' ? pieces(detail.data.article.body_text, detail.data.entities) : []),
    [detail]
  )
  return (
    <Load value={detail}>
      {({ article, entities }) => (
        <article className="article">
          <p>
            <a href="/articles">← {t('Danh sách bài viết', 'All articles')}</a>
          </p>
          <h1>{article.title}</h1>
          <p className="meta">
            {article.published_at?.slice(0, 16) ?? '—'} · {article.source_name ?? ''} ·{' '}
            {article.province_name_2008 ?? '—'} → {article.province_name_2025 ?? '—'} ·{' '}
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {t('Trang gốc', 'Source page')} ↗
            </a>
          </p>
          <ul className="legend" aria-label={t('Chú giải', 'Legend')}>
            {(['document', 'event', 'campaign', 'time'] as const).map((k) => (
              <li key={k}>
                <mark className={`ent ent-${k}`}>{KIND[k]}</mark>
              </li>
            ))}
          </ul>
          <div className="body">
            {parts.map((p, i) =>
              p.entity ? (
                <mark
                  key={i}
                  className={`ent ent-${p.entity.kind}`}
                  title={`${KIND[p.entity.kind]}: ${p.entity.label} [${p.entity.start}–${p.entity.end}]`}
                  data-start={p.entity.start}
                  data-end={p.entity.end}
                >
                  {p.text}
                </mark>
              ) : (
                <span key={i}>{p.text}</span>
              )
            )}
          </div>
          <h2>{t('Thực thể trích xuất', 'Extracted entities')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Loại', 'Kind')}</th>
                <th scope="col">{t('Đoạn văn', 'Surface')}</th>
                <th scope="col">{t('Vị trí', 'Span')}</th>
                <th scope="col">{t('Liên kết', 'Link')}</th>
              </tr>
            </thead>
            <tbody>
              {entities.map((e, i) => (
                <tr key={i}>
                  <td>{KIND[e.kind]}</td>
                  <td>{e.surface}</td>
                  <td>
                    {e.start}–{e.end}
                    {e.span_source === 'located' ? '*' : ''}
                  </td>
                  <td>
                    {e.kind === 'document' && e.ref ? (
                      <a href={href('/documents', { doc: e.ref })}>{e.label}</a>
                    ) : e.kind === 'campaign' && e.ref ? (
                      <a href={href('/articles', { campaign: e.ref })}>
                        {t('Bài cùng phong trào', 'Same campaign')}
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {t(
              '* vị trí được tìm lại theo nội dung vì kho dữ liệu không lưu span cho loại này.',
              '* span located by text because the warehouse stores no span for this kind.'
            )}{' '}
            {t('Nguồn gốc trang', 'Page origin')}: {article.origin}
          </p>
        </article>
      )}
    </Load>
  )
}
