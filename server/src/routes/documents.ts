import { notFound } from '../http/api-error.ts'
import { pathId } from '../http/ids.ts'
import { p, pagination, systemParam } from '../http/params.ts'
import type { RouteCtx, RouteRegistry } from '../http/route-docs.ts'
import type { Lease } from '../db/published-db.ts'
import { rowAs, rowsAs } from '../http/respond.ts'
import type { DocumentCitations, DocumentInfo } from './documents-types.ts'
import { CENTRAL_CITATIONS_SQL, DOCUMENT_CITATIONS_SQL, DOCUMENT_SQL } from '../queries/documents.ts'
import { AGGREGATES, CITATIONS_AGG } from '../queries/aggregates.ts'
import { DOCUMENT_LIST_READY_SQL, documentDirectQuery, documentListQuery } from '../queries/document-list.ts'

/** The extractor's document types (pipeline/src/domain/extraction.ts DocumentType). */
const DOCUMENT_TYPES =
  'plan directive resolution decision official_letter notice conclusion circular decree law guideline program report telegram other'.split(
    ' '
  )

export const spec = {
  system: systemParam,
  q: p.text({
    maxLength: 100,
    description: 'Text in number/symbol/issuer, diacritics-insensitive (e.g. 41-CT/TW)',
  }),
  type: p.optionalChoice(DOCUMENT_TYPES, 'Document type'),
  level: p.optionalChoice(
    ['central', 'provincial'] as const,
    'Central (no province) or provincial documents'
  ),
  year: p.optionalInt({ min: 1945, max: 2100, description: 'Year of issue' }),
  province: p.provinces('Only documents cited in these provinces'),
  ...pagination(50, 500),
}

/** The document of the `:id` path parameter, or a 404. */
export const documentOf = async ({ c, lease }: RouteCtx): Promise<{ id: string; doc: DocumentInfo }> => {
  const id = pathId(c, 'id')
  const doc = rowAs<DocumentInfo>(await lease.query(DOCUMENT_SQL, { id }))
  if (!doc) throw notFound(id, `Không tìm thấy văn bản "${id}".`, `No document "${id}".`)
  return { id, doc }
}

/** Whether this version's precomputed list (migration 0650) holds every document; asked once per version. */
const listReady = (lease: Lease): Promise<boolean> =>
  lease.fact('document-list', async () =>
    (await lease.has('agg_document_list', 'agg_document_list_provinces', ...AGGREGATES))
      ? (await lease.query(DOCUMENT_LIST_READY_SQL)).rows[0]?.ready === true
      : false
  )

export const bySystem = { system: systemParam }

/** The per-province citations relation: the aggregate's sums when published, else the view. */
const citationsFrom = async (lease: Lease): Promise<string | undefined> =>
  (await lease.has(...AGGREGATES)) ? `(${CITATIONS_AGG})` : undefined

export const documentsRoutes = (reg: RouteRegistry, prefix: string) =>
  reg
    .router(prefix, 'documents')
    .table(
      '/',
      {
        summary: 'Documents cited in articles, with mention counts and number of citing provinces',
        params: spec,
        name: 'documents',
      },
      async (q, { lease }) => {
        const { format: _f, ...filter } = q
        const { sql, params } = (await listReady(lease))
          ? documentListQuery(filter)
          : documentDirectQuery(filter)
        return lease.query(sql, params)
      }
    )
    .table(
      '/citations',
      {
        summary: 'Which provinces cite each central document (matrix rows)',
        params: bySystem,
        name: 'central-citations',
      },
      async (q, { lease }) =>
        lease.query(CENTRAL_CITATIONS_SQL(await citationsFrom(lease)), { system: q.system })
    )
    .json(
      '/:id',
      {
        summary: 'One document with the provinces citing it',
        params: bySystem,
        pathParams: { id: 'Document id' },
      },
      async (q, ctx): Promise<DocumentCitations> => {
        const { id, doc } = await documentOf(ctx)
        const from = await citationsFrom(ctx.lease)
        const citations = await ctx.lease.query(DOCUMENT_CITATIONS_SQL(from), { id, system: q.system })
        return { document: doc, citations: rowsAs(citations) }
      }
    ).app
