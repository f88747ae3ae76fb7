import { notFound } from '../http/api-error.ts'
import { pathId } from '../http/ids.ts'
import { p, pagination, systemParam } from '../http/params.ts'
import type { QueryOf } from '../http/query-schema.ts'
import type { RouteCtx, RouteRegistry } from '../http/route-docs.ts'
import type { TableResult } from '../db/duck-values.ts'
import {
  ARTICLES_LIST_SQL,
  ARTICLES_SEARCH_SQL,
  ARTICLE_FILTERS,
  ARTICLE_MENTIONS_SQL,
  ARTICLE_SQL,
  FOCUS_SQL,
} from '../queries/articles.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'
import { CAMPAIGN_ID } from '../http/filters.ts'
import { rowAs } from '../http/respond.ts'
import type { ArticleDetail, ArticleRecord } from './articles-types.ts'
import { entitySpans } from './entity-spans.ts'
import { parseSearch, type SearchQuery } from '../search/query.ts'
import { snippetFor } from '../search/snippet.ts'
import { searchSql } from '../search/sql.ts'
import { indexedSearch } from '../search/indexed.ts'
import { markedSentence } from './sentences.ts'
import { checkRange } from './timelines.ts'

/**
 * Rows that came with their body get a snippet cut from it (the body itself is not sent): the search
 * hit for a query, else the sentence holding the drill-down's mention.
 */
const withSnippets = (t: TableResult, q: SearchQuery | null): TableResult => {
  const i = t.columns.indexOf('body_text')
  if (i < 0) return t
  const columns = [...t.columns.slice(0, i), 'snippet', ...t.columns.slice(i + 1)]
  const types = [...t.types.slice(0, i), 'VARCHAR', ...t.types.slice(i + 1)]
  const rows = t.rows.map(({ body_text, ...r }) => {
    const body = String(body_text ?? '')
    const s = typeof r.mention_start === 'number' ? r.mention_start : null
    const e = typeof r.mention_end === 'number' ? r.mention_end : null
    const snippet = q
      ? snippetFor(String(r.title ?? ''), body, q)
      : s !== null && e !== null
        ? markedSentence(body, s, e)
        : body.slice(0, 240)
    const out: Record<string, unknown> = {}
    for (const c of columns) out[c] = c === 'snippet' ? snippet : r[c]
    return out
  })
  return { columns, types, rows }
}

export const spec = {
  q: p.text({
    maxLength: 200,
    description:
      'Search: all words must appear (diacritics optional, but a word written with them must match them), "a phrase", a OR b, -word / NOT word, fields province: type: number: year:; document numbers cited first, then BM25 (docs/api.md)',
  }),
  province: p.provinces('Comma-separated province codes in the chosen system'),
  system: systemParam,
  from: p.date('Published on or after (YYYY-MM-DD or YYYY-MM)'),
  to: p.date('Published on or before (YYYY-MM-DD or YYYY-MM)'),
  source: p.text({ maxLength: 80, pattern: /^[\w.:-]+$/, description: 'Source id' }),
  campaign: p.text({
    maxLength: 80,
    pattern: CAMPAIGN_ID,
    description: 'Only articles mentioning this campaign',
  }),
  document: p.text({
    maxLength: 200,
    pattern: /^[\p{L}\p{N}_:.@-]+$/u,
    description: 'Only articles citing this document id',
  }),
  event: p.optionalChoice(
    ['dai_hoi_thi_dua', 'hoi_nghi_dien_hinh', 'other'] as const,
    'Only articles mentioning this kind of event'
  ),
  event_id: p.text({
    maxLength: 80,
    pattern: /^[\w:.-]+$/,
    description: 'Only articles reporting this event (an event_id of /api/timelines)',
  }),
  origin: p.optionalChoice(
    ['captured', 'rebuilt'] as const,
    'How the page entered the snapshot: captured (the real page) or rebuilt (from corpus facts)'
  ),
  unique: p.choice(
    ['true', 'false'] as const,
    'false',
    'Leave out near-duplicate copies (one article per cluster, as the counts of coverage and trends do)'
  ),
  ...pagination(20, 200),
}

/** The mention a filtered list centres its snippet on: document, campaign, event, event kind. */
const focusOf = (q: QueryOf<typeof spec>) =>
  q.document
    ? FOCUS_SQL.document
    : q.campaign
      ? FOCUS_SQL.campaign
      : q.event_id
        ? FOCUS_SQL.event_id
        : q.event
          ? FOCUS_SQL.event
          : null

const listArticles = async (q: QueryOf<typeof spec>, { lease }: RouteCtx) => {
  checkRange(q.from, q.to)
  const params: Params = {
    from: q.from,
    to: q.to,
    source: q.source,
    campaign: q.campaign,
    document: q.document,
    event: q.event,
    event_id: q.event_id,
    origin: q.origin,
    unique: q.unique === 'true',
    limit: q.limit,
    offset: q.offset,
  }
  const filters = ARTICLE_FILTERS(inList(`a.province_code_${q.system}`, q.province, params, 'p'))
  const search = q.q ? parseSearch(q.q) : null
  const indexed = search && (await indexedSearch(lease.file, search, q))
  if (indexed) return indexed
  const sql = search
    ? ARTICLES_SEARCH_SQL(filters, searchSql(search, params))
    : ARTICLES_LIST_SQL(filters, focusOf(q))
  return withSnippets(await lease.query(sql, params), search)
}

/** Each mention kind's own columns (UNION ALL BY NAME padded the others with NULL). */
const MENTION_COLUMNS = {
  document: [
    'type',
    'number',
    'symbol',
    'issued_on',
    'issuer',
    'document_id',
    'label',
    'display_symbol',
    'is_central',
  ],
  event: [
    'kind',
    'scope',
    'place',
    'province_code_2025',
    'ordinal',
    'status',
    'time_start',
    'time_end',
    'event_id',
    'label',
  ],
  campaign: ['campaign_id', 'is_candidate', 'name_vi'],
  time: ['start_date', 'end_date', 'granularity'],
} as const

const oneArticle = async ({ c, lease }: RouteCtx): Promise<ArticleDetail> => {
  const id = pathId(c, 'id')
  const article = rowAs<ArticleRecord>(await lease.query(ARTICLE_SQL, { id }))
  if (!article) throw notFound(id, `Không tìm thấy bài viết "${id}".`, `No article "${id}".`)
  const all = (await lease.query(ARTICLE_MENTIONS_SQL, { id })).rows
  const of = (kind: keyof typeof MENTION_COLUMNS) =>
    all
      .filter((r) => r.mention_kind === kind)
      .map((r) =>
        Object.fromEntries(
          ['mention_index', ...MENTION_COLUMNS[kind], 'surface', 'span_start', 'span_end'].map((c) => [
            c,
            r[c] ?? null,
          ])
        )
      )
  const mentions = {
    documents: of('document'),
    events: of('event'),
    campaigns: of('campaign'),
    times: of('time'),
  }
  const entities = entitySpans(String(article.body_text ?? ''), {
    document: mentions.documents,
    event: mentions.events,
    campaign: mentions.campaigns,
    time: mentions.times,
  })
  return { article, entities, mentions }
}

export const articlesRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'articles')
    .table(
      '/',
      {
        summary:
          'Search and list articles (filters, pagination); each row has a snippet with <mark> highlights: the search hit, or with a campaign/document/event filter the sentence holding that mention (mention_start/mention_end give its span)',
        params: spec,
        name: 'articles',
      },
      listArticles
    )
    .json(
      '/:id',
      {
        summary: 'One article with its extracted entities and their character spans in body_text',
        params: {},
        pathParams: { id: 'Article id' },
      },
      (_q, ctx) => oneArticle(ctx)
    ).app
