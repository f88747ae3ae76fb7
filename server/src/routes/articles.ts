import { Hono } from 'hono'
import { notFound } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { pathId } from '../http/ids.ts'
import { p, pagination, systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import {
  ARTICLES_LIST_SQL,
  ARTICLES_SEARCH_SQL,
  ARTICLE_FILTERS,
  ARTICLE_MENTIONS_SQL,
  ARTICLE_SQL,
} from '../queries/articles.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'
import { CAMPAIGN_ID } from './campaigns.ts'
import { entitySpans } from './entity-spans.ts'
import { splitTotal } from './paging.ts'
import { checkRange } from './timelines.ts'

export const articlesRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const spec = {
    q: p.text({
      maxLength: 200,
      description:
        'Search text; diacritics- and case-insensitive ("thi dua" finds "thi đua"), ranked by BM25',
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
    ...pagination(20, 200),
  }
  reg.get(
    app,
    prefix,
    '/',
    {
      summary:
        'Search and list articles (filters, pagination); each row has a snippet with <mark> highlights',
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
        limit: q.limit,
        offset: q.offset,
      }
      const filters = ARTICLE_FILTERS(inList(`a.province_code_${q.system}`, q.province, params, 'p'))
      let sql = ARTICLES_LIST_SQL(filters)
      if (q.q) {
        params.q = q.q
        sql = ARTICLES_SEARCH_SQL(filters)
      }
      const { table, total } = splitTotal(await c.get('lease').query(sql, params))
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
      const [documents, events, campaigns, times] = [
        await lease.query(ARTICLE_MENTIONS_SQL.documents, { id }),
        await lease.query(ARTICLE_MENTIONS_SQL.events, { id }),
        await lease.query(ARTICLE_MENTIONS_SQL.campaigns, { id }),
        await lease.query(ARTICLE_MENTIONS_SQL.times, { id }),
      ]
      const body = String(article.body_text ?? '')
      const entities = entitySpans(body, {
        document: documents.rows,
        event: events.rows,
        campaign: campaigns.rows,
        time: times.rows,
      })
      return c.json({
        article,
        entities,
        mentions: {
          documents: documents.rows,
          events: events.rows,
          campaigns: campaigns.rows,
          times: times.rows,
        },
      })
    }
  )
  return app
}
