import { useEffect, useMemo, useRef } from 'react'
import { useApi } from '../app/api.ts'
import { fmtDateTime, useLang, useT } from '../app/i18n.tsx'
import { href, useLocation, useQuery } from '../app/router.ts'
import { Load } from '../components/State.tsx'

interface Entity {
  kind: 'document' | 'event' | 'campaign' | 'time'
  start: number
  end: number
  surface: string
  span_source: 'extracted' | 'located'
  label: string
  ref: string | null
  sentence_start: number
  sentence_end: number
  status?: string | null
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
    cluster_size: number | null
  }
  entities: Entity[]
}

interface Piece {
  text: string
  entity: Entity | null
  focus: boolean
}

/**
 * Splits the body into pieces at entity and focus boundaries. Overlapping entity spans keep the
 * earlier, longer one; `focus` marks the pieces inside the emphasised sentence.
 */
const pieces = (body: string, entities: Entity[], focus: { start: number; end: number } | null): Piece[] => {
  const kept: Entity[] = []
  let at = 0
  for (const e of entities) {
    if (e.start < at) continue
    kept.push(e)
    at = e.end
  }
  const cuts = new Set<number>([0, body.length])
  for (const e of kept) cuts.add(e.start).add(e.end)
  if (focus) cuts.add(focus.start).add(focus.end)
  const sorted = [...cuts].filter((c) => c >= 0 && c <= body.length).sort((a, b) => a - b)
  const out: Piece[] = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const s = sorted[i] ?? 0
    const e = sorted[i + 1] ?? 0
    if (e <= s) continue
    const entity = kept.find((k) => k.start <= s && e <= k.end) ?? null
    out.push({ text: body.slice(s, e), entity, focus: focus !== null && focus.start <= s && e <= focus.end })
  }
  return out
}

/** Consecutive in-focus pieces grouped, so the sentence is one element. */
const groups = (ps: Piece[]): Array<{ focus: boolean; pieces: Piece[] }> => {
  const out: Array<{ focus: boolean; pieces: Piece[] }> = []
  for (const p of ps) {
    const last = out[out.length - 1]
    if (last && last.focus === p.focus) last.pieces.push(p)
    else out.push({ focus: p.focus, pieces: [p] })
  }
  return out
}

const parseFocus = (raw: string | null): { start: number; end: number } | null => {
  const m = /^(\d+)-(\d+)$/.exec(raw ?? '')
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null
}

export default function Article() {
  const t = useT()
  const { lang } = useLang()
  const { path } = useLocation()
  const [q, set] = useQuery()
  const id = decodeURIComponent(path.slice('/articles/'.length))
  const detail = useApi<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`)
  const focusSpan = parseFocus(q.get('focus'))
  const focusRef = useRef<HTMLSpanElement>(null)
  const KIND: Record<Entity['kind'], string> = {
    document: t('Văn bản', 'Document'),
    event: t('Sự kiện', 'Event'),
    campaign: t('Phong trào', 'Campaign'),
    time: t('Thời gian', 'Time'),
  }
  const STATUS: Record<string, string> = {
    planned: t('kế hoạch', 'planned'),
    held: t('đã tổ chức', 'held'),
  }
  // The sentence to emphasise: the one holding the entity at the focus span (from a drill-down link).
  const sentence = useMemo(() => {
    if (detail.state !== 'ready' || !focusSpan) return null
    const e = detail.data.entities.find((x) => x.start === focusSpan.start && x.end === focusSpan.end)
    return e ? { start: e.sentence_start, end: e.sentence_end } : focusSpan
  }, [detail, focusSpan?.start, focusSpan?.end])
  const parts = useMemo(
    () =>
      detail.state === 'ready'
        ? groups(pieces(detail.data.article.body_text, detail.data.entities, sentence))
        : [],
    [detail, sentence]
  )
  useEffect(() => {
    if (sentence && focusRef.current) focusRef.current.scrollIntoView({ block: 'center' })
  }, [sentence, parts])
  const renderPiece = (p: Piece, key: string) =>
    p.entity ? (
      <mark
        key={key}
        className={`ent ent-${p.entity.kind}`}
        title={`${KIND[p.entity.kind]}: ${p.entity.label} [${p.entity.start}–${p.entity.end}]`}
        data-start={p.entity.start}
        data-end={p.entity.end}
      >
        {p.text}
      </mark>
    ) : (
      <span key={key}>{p.text}</span>
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
            {fmtDateTime(lang, article.published_at)} · {article.source_name ?? ''} ·{' '}
            {article.province_name_2008 ?? '—'}
            {article.province_name_2025 && article.province_name_2025 !== article.province_name_2008
              ? ` → ${article.province_name_2025}`
              : ''}{' '}
            ·{' '}
            <a href={article.url} target="_blank" rel="noopener noreferrer">
              {t('Trang gốc', 'Source page')} ↗
            </a>
            {article.cluster_size && article.cluster_size > 1
              ? ` · ${t(`${article.cluster_size} bản đăng cùng nội dung`, `${article.cluster_size} copies of this story`)}`
              : ''}
          </p>
          <ul className="legend" aria-label={t('Chú giải', 'Legend')}>
            {(['document', 'event', 'campaign', 'time'] as const).map((k) => (
              <li key={k}>
                <mark className={`ent ent-${k}`}>{KIND[k]}</mark>
              </li>
            ))}
          </ul>
          <div className="body">
            {parts.map((g, i) =>
              g.focus ? (
                <span key={i} className="focus" ref={focusRef}>
                  {g.pieces.map((p, j) => renderPiece(p, `${i}.${j}`))}
                </span>
              ) : (
                g.pieces.map((p, j) => renderPiece(p, `${i}.${j}`))
              )
            )}
          </div>
          <h2>{t('Thực thể trích xuất và câu chứa chúng', 'Extracted entities and their sentences')}</h2>
          <div className="table-wrap">
            <div className="table-scroll">
              <table className="entities">
                <thead>
                  <tr>
                    <th scope="col">{t('Loại', 'Kind')}</th>
                    <th scope="col">{t('Nội dung', 'Entity')}</th>
                    <th scope="col">{t('Câu trong bài', 'Sentence')}</th>
                    <th scope="col">{t('Liên kết', 'Link')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entities.map((e, i) => (
                    <tr key={i} className={sentence && e.start === focusSpan?.start ? 'selected' : undefined}>
                      <td>
                        {KIND[e.kind]}
                        {e.status && STATUS[e.status] ? ` (${STATUS[e.status]})` : ''}
                      </td>
                      <td>{e.label || e.surface}</td>
                      <td className="sentence">
                        <button
                          type="button"
                          className="link"
                          title={t('Tô sáng câu này trong bài', 'Highlight this sentence in the text')}
                          onClick={() => set({ focus: `${e.start}-${e.end}` })}
                        >
                          {article.body_text.slice(e.sentence_start, e.start)}
                          <mark className={`ent ent-${e.kind}`}>
                            {article.body_text.slice(e.start, e.end)}
                          </mark>
                          {article.body_text.slice(e.end, e.sentence_end)}
                        </button>
                        <small className="muted">
                          {' '}
                          [{e.start}–{e.end}
                          {e.span_source === 'located' ? '*' : ''}]
                        </small>
                      </td>
                      <td>
                        {e.kind === 'document' && e.ref ? (
                          <a href={href('/documents', { doc: e.ref })}>{t('Văn bản', 'Document')}</a>
                        ) : e.kind === 'campaign' && e.ref ? (
                          <a href={href('/articles', { campaign: e.ref, unique: 'true' })}>
                            {t('Bài cùng phong trào', 'Same campaign')}
                          </a>
                        ) : e.kind === 'event' && e.ref ? (
                          <a href={href('/articles', { event_id: e.ref })}>
                            {t('Bài cùng sự kiện', 'Same event')}
                          </a>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <p className="muted">
            {t(
              'Vị trí [đầu–cuối] là số ký tự trong nội dung bài; * vị trí được tìm lại theo nội dung.',
              'Positions [start–end] are character offsets in the text; * located by searching the text.'
            )}{' '}
            {t('Nguồn gốc trang', 'Page origin')}:{' '}
            {article.origin === 'captured'
              ? t('thu thập nguyên bản', 'captured')
              : t('dựng lại từ dữ kiện', 'rebuilt from facts')}
          </p>
        </article>
      )}
    </Load>
  )
}
