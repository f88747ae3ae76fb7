/** One page of articles: title, date, source, score and badges, with the matching snippet. */
import { useT } from '../../app/i18n.tsx'
import { href } from '../../app/router.ts'
import { Snippet } from '../../components/Snippet.tsx'
import type { ArticleRow } from './types.ts'

/** Link to one article; from a drill-down it carries the mention's span so the view can show it. */
const articleHref = (r: ArticleRow): string =>
  href(`/articles/${encodeURIComponent(r.article_id)}`, {
    focus:
      typeof r.mention_start === 'number' && typeof r.mention_end === 'number'
        ? `${r.mention_start}-${r.mention_end}`
        : null,
  })

const Result = ({ r }: { r: ArticleRow }) => {
  const t = useT()
  return (
    <li>
      <a className="title" href={articleHref(r)}>
        {r.title}
      </a>
      <div className="meta">
        {r.published_at?.slice(0, 10) ?? '—'} · {r.source_id}
        {r.score !== null ? ` · ${t('điểm', 'score')} ${r.score.toFixed(2)}` : ''}
        {r.origin === 'captured' ? <span className="badge">{t('nguyên bản', 'captured')}</span> : null}
        {r.is_copy ? <span className="badge muted">{t('bản đăng lại', 'copy')}</span> : null}
      </div>
      {r.snippet ? (
        <p className="snippet">
          <Snippet text={r.snippet} />
        </p>
      ) : null}
    </li>
  )
}

export const ResultList = ({ rows, start }: { rows: ReadonlyArray<ArticleRow>; start: number }) => (
  <ol className="results" start={start}>
    {rows.map((r) => (
      <Result key={r.article_id} r={r} />
    ))}
  </ol>
)
