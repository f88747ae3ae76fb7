import { Hono } from 'hono'
import { notFound } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { pathId } from '../http/ids.ts'
import { p, pagination, systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
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
import { entitySpans } from './entity-spans.ts'
import { splitTotal } from './paging.ts'
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

export const articlesRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const spec = {
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
  reg.get(
    app,
    prefix,
    '/',
    {
      summary:
        'Search and list articles (filters, pagination); each row has a snippet with <mark> highlights: the search hit, or with a campaign/document/event filter the sentence holding that mention (mention_start/mention_end give its span)',
      params: spec,
      table: true,
      tag: 'articles',
    },
    async (c, q) => {
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
      let sql: string
      const search = q.q ? parseSearch(q.q) : null
      const indexed = search && (await indexedSearch(c.get('lease').file, search, q))
      if (indexed) {
        const { table, total } = splitTotal(indexed)
        return sendTable(c, q.format, table, { name: 'articles', total, limit: q.limit, offset: q.offset })
      }
      if (search) {
        sql = ARTICLES_SEARCH_SQL(filters, searchSql(search, params))
      } else {
        const focus = q.document
          ? FOCUS_SQL.document
          : q.campaign
            ? FOCUS_SQL.campaign
            : q.event_id
              ? FOCUS_SQL.event_id
              : q.event
                ? FOCUS_SQL.event
                : null
        sql = ARTICLES_LIST_SQL(filters, focus)
      }
      const { table, total } = splitTotal(withSnippets(await c.get('lease').query(sql, params), search))
      return sendTable(c, q.format, table, { name: 'articles', total, limit: q.limit, offset: q.offset })
    }
  )
  reg.get(
    app,
    prefix,
    '/:id',
    {
      summary: 'One article with its extracted entities and their character spans in body_text',
      params: {},
      pathParams: { id: 'Article id' },
      table: false,
      tag: 'articles',
    },
    async (c) => {
      const id = pathId(c, 'id')
      const lease = c.get('lease')
      const article = (await lease.query(ARTICLE_SQL, { id })).rows[0]
      if (!article) throw notFound(id, `Không tìm thấy bài viết "${id}".`, `No article "${id}".`)
      const all = (await lease.query(ARTICLE_MENTIONS_SQL, { id })).rows
      // Each kind keeps only its own columns (UNION ALL BY NAME padded the others with NULL).
      const of = (kind: string, cols: ReadonlyArray<string>) =>
        all
          .filter((r) => r.mention_kind === kind)
          .map((r) =>
            Object.fromEntries(
              ['mention_index', ...cols, 'surface', 'span_start', 'span_end'].map((c) => [c, r[c] ?? null])
            )
          )
      const documents = of('document', [
        'type',
        'number',
        'symbol',
        'issued_on',
        'issuer',
        'document_id',
        'label',
        'display_symbol',
        'is_central',
      ])
      const events = of('event', [
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
      ])
      const campaigns = of('campaign', ['campaign_id', 'is_candidate', 'name_vi'])
      const times = of('time', ['start_date', 'end_date', 'granularity'])
      const body = String(article.body_text ?? '')
      const entities = entitySpans(body, {
        document: documents,
        event: events,
        campaign: campaigns,
        time: times,
      })
      return c.json({
        article,
        entities,
        mentions: { documents, events, campaigns, times },
      })
    }
  )
  return app
}
