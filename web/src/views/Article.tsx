import { type ReactNode, useEffect, useMemo, useRef } from 'react'
import { useApi } from '../app/api.ts'
import { fmtDateTime, useLang, useT } from '../app/i18n.tsx'
import { href, useLocation, useQuery } from '../app/router.ts'
import { Load } from '../components/State.tsx'
import {
  chunk,
  type Entity,
  focusChunk,
  groups,
  type Piece,
  parseFocus,
  pieces,
  sentenceWindow,
} from './ArticleParts.ts'
import { useProgressive } from './ArticleProgressive.tsx'

type Kinds = Record<Entity['kind'], string>

/** Chunks of body text rendered at once; the rest follow on scroll. */
const FIRST_CHUNKS = 3
/** Entity rows rendered at once; the rest follow on scroll. */
const FIRST_ROWS = 60

const PieceView = ({ p, kinds }: { p: Piece; kinds: Kinds }) =>
  p.entity ? (
    <mark
      className={`ent ent-${p.entity.kind}`}
      title={`${kinds[p.entity.kind]}: ${p.entity.label} [${p.entity.start}–${p.entity.end}]`}
      data-start={p.entity.start}
      data-end={p.entity.end}
    >
      {p.text}
    </mark>
  ) : (
    <span>{p.text}</span>
  )

/** A sentinel that loads more when scrolled near, and a button that shows the rest at once. */
const More = ({
  left,
  label,
  sentinel,
  showAll,
}: {
  left: number
  label: string
  sentinel: (el: HTMLElement | null) => void
  showAll: () => void
}) =>
  left > 0 ? (
    <span ref={sentinel} className="more" data-testid="more">
      {' '}
      <button type="button" className="link" onClick={showAll}>
        {label}
      </button>
    </span>
  ) : null

/** The body in chunks of about a screen each: the first at once, the rest as the reader scrolls. */
const ArticleBody = ({
  body,
  entities,
  sentence,
  kinds,
}: {
  body: string
  entities: Entity[]
  sentence: { start: number; end: number } | null
  kinds: Kinds
}) => {
  const t = useT()
  const focusRef = useRef<HTMLSpanElement>(null)
  const chunks = useMemo(() => chunk(pieces(body, entities, sentence)), [body, entities, sentence])
  const wanted = Math.max(FIRST_CHUNKS, focusChunk(chunks) + 2)
  const { shown, sentinel, showAll } = useProgressive(chunks.length, wanted, FIRST_CHUNKS)
  useEffect(() => {
    if (sentence && focusRef.current) focusRef.current.scrollIntoView({ block: 'center' })
  }, [sentence, chunks])
  let focusSeen = false
  const out: ReactNode[] = []
  for (const [i, c] of chunks.slice(0, shown).entries())
    for (const [j, g] of groups(c).entries()) {
      const key = `${i}.${j}`
      const inner = g.pieces.map((p, k) => <PieceView key={k} p={p} kinds={kinds} />)
      if (!g.focus) out.push(<span key={key}>{inner}</span>)
      else {
        out.push(
          <span key={key} className="focus" ref={focusSeen ? undefined : focusRef}>
            {inner}
          </span>
        )
        focusSeen = true
      }
    }
  const left = chunks.slice(shown).reduce((n, c) => n + c.reduce((m, p) => m + p.text.length, 0), 0)
  return (
    <div className="body" data-chunks={chunks.length} data-shown={shown}>
      {out}
      <More
        left={left}
        label={t(
          `… hiện nốt ${left.toLocaleString('vi')} ký tự`,
          `… show the remaining ${left.toLocaleString('en')} characters`
        )}
        sentinel={sentinel}
        showAll={showAll}
      />
    </div>
  )
}

/** The entity table: rows in pages as the reader scrolls, each sentence cut to a window round its entity. */
const EntityTable = ({
  body,
  entities,
  selected,
  kinds,
  onFocus,
}: {
  body: string
  entities: Entity[]
  selected: number | null
  kinds: Kinds
  onFocus: (e: Entity) => void
}) => {
  const t = useT()
  const STATUS: Record<string, string> = { planned: t('kế hoạch', 'planned'), held: t('đã tổ chức', 'held') }
  const { shown, sentinel, showAll } = useProgressive(entities.length, FIRST_ROWS, FIRST_ROWS)
  const rows = entities.slice(0, shown).map((e, i) => {
    const w = sentenceWindow(body, e)
    return (
      <tr key={i} className={selected === e.start ? 'selected' : undefined}>
        <td>
          {kinds[e.kind]}
          {e.status && STATUS[e.status] ? ` (${STATUS[e.status]})` : ''}
        </td>
        <td>{e.label || e.surface}</td>
        <td className="sentence">
          <button
            type="button"
            className="link"
            title={t('Tô sáng câu này trong bài', 'Highlight this sentence in the text')}
            onClick={() => onFocus(e)}
          >
            {w.before}
            <mark className={`ent ent-${e.kind}`}>{w.mark}</mark>
            {w.after}
          </button>
          <small className="muted">
            {' '}
            [{e.start}–{e.end}
            {e.span_source === 'located' ? '*' : ''}]
          </small>
        </td>
        <td>
          <EntityLink e={e} />
        </td>
      </tr>
    )
  })
  const left = entities.length - shown
  return (
    <div className="table-wrap">
      <div className="table-scroll">
        <table className="entities" data-rows={entities.length}>
          <thead>
            <tr>
              <th scope="col">{t('Loại', 'Kind')}</th>
              <th scope="col">{t('Nội dung', 'Entity')}</th>
              <th scope="col">{t('Câu trong bài', 'Sentence')}</th>
              <th scope="col">{t('Liên kết', 'Link')}</th>
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
      <More
        left={left}
        label={t(`… hiện nốt ${left} thực thể`, `… show the remaining ${left} entities`)}
        sentinel={sentinel}
        showAll={showAll}
      />
    </div>
  )
}

const EntityLink = ({ e }: { e: Entity }) => {
  const t = useT()
  if (e.kind === 'document' && e.ref)
    return <a href={href('/documents', { doc: e.ref })}>{t('Văn bản', 'Document')}</a>
  if (e.kind === 'campaign' && e.ref)
    return (
      <a href={href('/articles', { campaign: e.ref, unique: 'true' })}>
        {t('Bài cùng phong trào', 'Same campaign')}
      </a>
    )
  if (e.kind === 'event' && e.ref)
    return <a href={href('/articles', { event_id: e.ref })}>{t('Bài cùng sự kiện', 'Same event')}</a>
  return <>—</>
}

// Only web links lead off the page: a stored URL is the crawler's, but the view trusts no string.
const isWebUrl = (u: string) => /^https?:\/\//i.test(u)

export default function Article() {
  const t = useT()
  const { lang } = useLang()
  const { path } = useLocation()
  const [q, set] = useQuery()
  const id = decodeURIComponent(path.slice('/articles/'.length))
  const detail = useApi('/api/articles/:id', { params: { id } })
  const focusSpan = parseFocus(q.get('focus'))
  const KIND: Kinds = {
    document: t('Văn bản', 'Document'),
    event: t('Sự kiện', 'Event'),
    campaign: t('Phong trào', 'Campaign'),
    time: t('Thời gian', 'Time'),
  }
  // The sentence to emphasise: the one holding the entity at the focus span (from a drill-down link).
  const sentence = useMemo(() => {
    if (detail.state !== 'ready' || !focusSpan) return null
    const e = detail.data.entities.find((x) => x.start === focusSpan.start && x.end === focusSpan.end)
    return e ? { start: e.sentence_start, end: e.sentence_end } : focusSpan
  }, [detail, focusSpan?.start, focusSpan?.end])
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
              : ''}
            {isWebUrl(article.url) ? (
              <>
                {' · '}
                <a href={article.url} target="_blank" rel="noopener noreferrer">
                  {t('Trang gốc', 'Source page')} ↗
                </a>
              </>
            ) : null}
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
          <ArticleBody body={article.body_text} entities={entities} sentence={sentence} kinds={KIND} />
          <h2>{t('Thực thể trích xuất và câu chứa chúng', 'Extracted entities and their sentences')}</h2>
          <EntityTable
            body={article.body_text}
            entities={entities}
            selected={sentence ? (focusSpan?.start ?? null) : null}
            kinds={KIND}
            onFocus={(e) => set({ focus: `${e.start}-${e.end}` })}
          />
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
