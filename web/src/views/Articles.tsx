import { useEffect, useState } from 'react'
import { useApi, type Table } from '../app/api.ts'
import { useT } from '../app/i18n.tsx'
import { systemOf, useCampaigns, useProvinces } from '../app/reference.ts'
import { href, useQuery } from '../app/router.ts'
import { Filters, Select, TextField } from '../components/Field.tsx'
import { SystemSelect } from '../components/StandardFilters.tsx'
import { Load } from '../components/State.tsx'
import { Snippet } from '../components/Snippet.tsx'
import { downloadCsv } from '../app/api.ts'

interface ArticleRow extends Record<string, unknown> {
  article_id: string
  title: string
  published_at: string | null
  source_id: string
  url: string
  province_code_2008: string | null
  province_code_2025: string | null
  snippet: string | null
  score: number | null
  origin: string | null
  is_copy: boolean
  mention_start?: number | null
  mention_end?: number | null
}

/** Link to one article; from a drill-down it carries the mention's span so the view can show it. */
const articleHref = (r: ArticleRow): string =>
  href(`/articles/${encodeURIComponent(r.article_id)}`, {
    focus:
      typeof r.mention_start === 'number' && typeof r.mention_end === 'number'
        ? `${r.mention_start}-${r.mention_end}`
        : null,
  })

const PAGE = 20

export default function Articles() {
  const t = useT()
  const [q, set] = useQuery()
  const system = systemOf(q.get('system'))
  const text = q.get('q') ?? ''
  const [draft, setDraft] = useState(text)
  useEffect(() => setDraft(text), [text])
  const offset = Number(q.get('offset') ?? 0) || 0
  const params = {
    q: text,
    system,
    province: q.get('province'),
    from: q.get('from'),
    to: q.get('to'),
    campaign: q.get('campaign'),
    document: q.get('document'),
    source: q.get('source'),
    event: q.get('event'),
    event_id: q.get('event_id'),
    origin: q.get('origin'),
    unique: q.get('unique'),
  }
  const list = useApi<Table<ArticleRow>>(href('/api/articles', { ...params, limit: PAGE, offset }))
  const provinces = useProvinces(system)
  const campaigns = useCampaigns()
  const total = list.state === 'ready' ? (list.data.total ?? 0) : 0
  const provOptions = [
    { value: '', label: t('Tất cả', 'All') },
    ...(provinces.state === 'ready'
      ? provinces.data.rows.filter((p) => p.articles > 0).map((p) => ({ value: p.code, label: p.name_vi }))
      : []),
  ]
  const campOptions = [
    { value: '', label: t('Tất cả', 'All') },
    ...(campaigns.state === 'ready'
      ? campaigns.data.rows
          .filter((c) => c.articles > 0)
          .map((c) => ({
            value: c.campaign_id,
            label: c.name_vi.length > 50 ? `${c.name_vi.slice(0, 49)}…` : c.name_vi,
          }))
      : []),
  ]
  return (
    <section>
      <h1>{t('Bài viết', 'Articles')}</h1>
      <form
        className="search"
        aria-label={t('Tìm kiếm bài viết', 'Search articles')}
        onSubmit={(e) => {
          e.preventDefault()
          set({ q: draft, offset: null })
        }}
      >
        <label htmlFor="q">
          {t('Tìm kiếm (gõ có dấu hoặc không dấu)', 'Search (with or without diacritics)')}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder="thi dua, xoa nha tam…"
        />
        <button type="submit">{t('Tìm', 'Search')}</button>
      </form>
      <Filters>
        <SystemSelect value={system} onChange={(v) => set({ system: v, province: null, offset: null })} />
        <Select
          id="province"
          label={t('Tỉnh', 'Province')}
          value={q.get('province') ?? ''}
          onChange={(v) => set({ province: v, offset: null })}
          options={provOptions}
        />
        <Select
          id="campaign"
          label={t('Phong trào', 'Campaign')}
          value={q.get('campaign') ?? ''}
          onChange={(v) => set({ campaign: v, offset: null })}
          options={campOptions}
        />
        <Select
          id="origin"
          label={t('Nguồn gốc trang', 'Page origin')}
          value={q.get('origin') ?? ''}
          onChange={(v) => set({ origin: v, offset: null })}
          options={[
            { value: '', label: t('Tất cả', 'All') },
            { value: 'captured', label: t('Trang thu thập nguyên bản', 'Captured pages') },
            { value: 'rebuilt', label: t('Trang dựng lại', 'Rebuilt pages') },
          ]}
        />
        <TextField
          id="from"
          type="date"
          label={t('Từ ngày', 'From')}
          value={q.get('from') ?? ''}
          onChange={(v) => set({ from: v, offset: null })}
        />
        <TextField
          id="to"
          type="date"
          label={t('Đến ngày', 'To')}
          value={q.get('to') ?? ''}
          onChange={(v) => set({ to: v, offset: null })}
        />
      </Filters>
      {q.get('document') || q.get('event_id') || q.get('unique') === 'true' ? (
        <p className="active-filter">
          {q.get('document') ? (
            <span>
              {t('Văn bản', 'Document')}: <code>{q.get('document')}</code>
            </span>
          ) : null}
          {q.get('event_id') ? (
            <span>
              {t('Sự kiện', 'Event')}: <code>{q.get('event_id')}</code>
            </span>
          ) : null}
          {q.get('unique') === 'true' ? (
            <span>
              {t('Mỗi tin chỉ tính một lần (bỏ bản đăng lại)', 'Each story once (copies left out)')}
            </span>
          ) : null}
          <button
            type="button"
            onClick={() => set({ document: null, event_id: null, unique: null, offset: null })}
          >
            {t('Bỏ lọc', 'Clear')}
          </button>
        </p>
      ) : null}
      <Load value={list} empty={(d) => d.rows.length === 0}>
        {(d) => (
          <>
            <div className="table-tools">
              <strong>{t(`${total} bài viết`, `${total} articles`)}</strong>
              <button type="button" onClick={() => downloadCsv('articles', d.columns, d.rows)}>
                CSV
              </button>
            </div>
            <ol className="results" start={offset + 1}>
              {d.rows.map((r) => (
                <li key={r.article_id}>
                  <a className="title" href={articleHref(r)}>
                    {r.title}
                  </a>
                  <div className="meta">
                    {r.published_at?.slice(0, 10) ?? '—'} · {r.source_id}
                    {r.score !== null ? ` · ${t('điểm', 'score')} ${r.score.toFixed(2)}` : ''}
                    {r.origin === 'captured' ? (
                      <span className="badge">{t('nguyên bản', 'captured')}</span>
                    ) : null}
                    {r.is_copy ? <span className="badge muted">{t('bản đăng lại', 'copy')}</span> : null}
                  </div>
                  {r.snippet ? (
                    <p className="snippet">
                      <Snippet text={r.snippet} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
            <nav className="pager" aria-label={t('Phân trang', 'Pagination')}>
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => set({ offset: String(Math.max(0, offset - PAGE)) })}
              >
                ← {t('Trước', 'Previous')}
              </button>
              <span>{`${offset + 1}–${Math.min(offset + PAGE, total)} / ${total}`}</span>
              <button
                type="button"
                disabled={offset + PAGE >= total}
                onClick={() => set({ offset: String(offset + PAGE) })}
              >
                {t('Sau', 'Next')} →
              </button>
            </nav>
          </>
        )}
      </Load>
    </section>
  )
}
