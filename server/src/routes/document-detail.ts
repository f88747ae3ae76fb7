/**
 * GET /api/documents/:id/implementation (issue #16): who has answered a document, how fast, who has
 * not; the chain of documents above and below it; its own text from an attachment when there is one.
 */
import { rowAs, rowsAs } from '../http/respond.ts'
import type { RouteCtx, RouteRegistry } from '../http/route-docs.ts'
import {
  ATTACHMENT_SQL,
  CHAIN_SQL,
  IMPLEMENTATION_SQL,
  IMPLEMENTING_ATTACHMENTS_SQL,
  SUMMARY_SQL,
  TABLES_PRESENT_SQL,
} from '../queries/implementation.ts'
import { bySystem, documentOf } from './documents.ts'
import type {
  ChainRow,
  DocumentAttachment,
  Implementation,
  ImplementationRow,
  ImplementationSummary,
} from './documents-types.ts'

const implementation = async (system: '2008' | '2025', ctx: RouteCtx): Promise<Implementation> => {
  const { id, doc } = await documentOf(ctx)
  const { lease } = ctx
  const present = new Set((await lease.query(TABLES_PRESENT_SQL)).rows.map((r) => String(r.table_name)))
  const args = { id, system }
  const tracked = present.has('v_implementation') && present.has('document_relations')
  const provinces = tracked ? await lease.query(IMPLEMENTATION_SQL, args) : null
  const summary = tracked ? await lease.query(SUMMARY_SQL, args) : null
  const chain = tracked ? await lease.query(CHAIN_SQL, { id }) : null
  const attachment = present.has('attachments') ? await lease.query(ATTACHMENT_SQL, { id }) : null
  // Links to each implementing document's own file, where the crawl kept one (migration 0420).
  const files =
    present.has('attachments') && tracked ? await lease.query(IMPLEMENTING_ATTACHMENTS_SQL, args) : null
  const fileOf = new Map(files?.rows.map((r) => [String(r.document_id), String(r.url)]) ?? [])
  const rows = (provinces ? rowsAs<ImplementationRow>(provinces) : []).map(
    (r): ImplementationRow => ({
      ...r,
      attachment_url: fileOf.get(String(r.implementing_document_id)) ?? null,
    })
  )
  const links = chain ? rowsAs<ChainRow>(chain) : []
  return {
    document: doc,
    system,
    tracked,
    summary: summary ? rowAs<ImplementationSummary>(summary) : null,
    provinces: rows,
    implementing: rows.filter((r) => r.implementing_document_id !== null),
    not_yet: rows.filter((r) => r.implementing_document_id === null),
    above: links.filter((r) => r.direction === 'above'),
    below: links.filter((r) => r.direction === 'below'),
    attachment: attachment ? rowAs<DocumentAttachment>(attachment) : null,
  }
}

export const documentDetailRoutes = (reg: RouteRegistry, prefix: string) =>
  reg.router(prefix, 'documents').json(
    '/:id/implementation',
    {
      summary:
        'Who has answered a document: each province’s first implementing document and lag, the national median, provinces not yet, the chain above and below, the attachment text',
      params: bySystem,
      pathParams: { id: 'Document id' },
    },
    (q, ctx) => implementation(q.system, ctx)
  ).app
