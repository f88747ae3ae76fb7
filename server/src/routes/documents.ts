import { Hono } from 'hono'
import { notFound } from '../http/api-error.ts'
import type { AppEnv } from '../http/env.ts'
import { pathId } from '../http/ids.ts'
import { p, pagination, systemParam } from '../http/params.ts'
import { sendTable } from '../http/respond.ts'
import type { RouteRegistry } from '../http/route-docs.ts'
import {
  CENTRAL_CITATIONS_SQL,
  DOCUMENTS_SQL,
  DOCUMENT_CITATIONS_SQL,
  DOCUMENT_SQL,
} from '../queries/documents.ts'
import { AGGREGATES, CITATIONS_AGG, DOCUMENT_CITES_AGG } from '../queries/aggregates.ts'
import { inList, type Params } from '../queries/sql-fragments.ts'
import { splitTotal } from './paging.ts'

export const documentsRoutes = (reg: RouteRegistry, prefix: string) => {
  const app = new Hono<AppEnv>()
  const spec = {
    system: systemParam,
    q: p.text({
      maxLength: 100,
      description: 'Text in number/symbol/issuer, diacritics-insensitive (e.g. 41-CT/TW)',
    }),
    type: p.optionalChoice(
      [
        'plan',
        'directive',
        'resolution',
        'decision',
        'official_letter',
        'notice',
        'conclusion',
        'circular',
        'decree',
        'law',
        'guideline',
        'program',
        'report',
        'telegram',
        'other',
      ] as const,
      'Document type'
    ),
    level: p.optionalChoice(
      ['central', 'provincial'] as const,
      'Central (no province) or provincial documents'
    ),
    year: p.optionalInt({ min: 1945, max: 2100, description: 'Year of issue' }),
    province: p.provinces('Only documents cited in these provinces'),
    ...pagination(50, 500),
  }
  reg.get(
    app,
    prefix,
    '/',
    {
      summary: 'Documents cited in articles, with mention counts and number of citing provinces',
      params: spec,
      table: true,
      tag: 'documents',
    },
    async (c, q) => {
      const params: Params = {
        system: q.system,
        q: q.q,
        type: q.type,
        level: q.level,
        year: q.year,
        limit: q.limit,
        offset: q.offset,
      }
      const lease = c.get('lease')
      const agg = await lease.has(...AGGREGATES)
      const citations = agg ? 'agg_document_citations' : 'v_document_citations'
      const provFilter = q.province.length
        ? `AND EXISTS (SELECT 1 FROM ${citations} v2 WHERE v2.document_id = d.document_id AND v2.system = $system AND ${inList('v2.province_code', q.province, params, 'p')})`
        : ''
      const sql = DOCUMENTS_SQL(provFilter, agg ? DOCUMENT_CITES_AGG : undefined)
      const { table, total } = splitTotal(await lease.query(sql, params))
      return sendTable(c, q.format, table, { name: 'documents', total, limit: q.limit, offset: q.offset })
    }
  )
  reg.get(
    app,
    prefix,
    '/citations',
    {
      summary: 'Which provinces cite each central document (matrix rows)',
      params: { system: systemParam },
      table: true,
      tag: 'documents',
    },
    async (c, q) => {
      const lease = c.get('lease')
      const citations = (await lease.has(...AGGREGATES)) ? `(${CITATIONS_AGG})` : undefined
      const t = await lease.query(CENTRAL_CITATIONS_SQL(citations), { system: q.system })
      return sendTable(c, q.format, t, { name: 'central-citations' })
    }
  )
  reg.get(
    app,
    prefix,
    '/:id',
    {
      summary: 'One document with the provinces citing it',
      params: { system: systemParam },
      pathParams: { id: 'Document id' },
      table: false,
      tag: 'documents',
    },
    async (c, q) => {
      const id = pathId(c, 'id')
      const lease = c.get('lease')
      const doc = (await lease.query(DOCUMENT_SQL, { id })).rows[0]
      if (!doc) throw notFound(id, `Không tìm thấy văn bản "${id}".`, `No document "${id}".`)
      const from = (await lease.has(...AGGREGATES)) ? `(${CITATIONS_AGG})` : undefined
      const citations = await lease.query(DOCUMENT_CITATIONS_SQL(from), { id, system: q.system })
      return c.json({ document: doc, citations: citations.rows })
    }
  )
  return app
}
