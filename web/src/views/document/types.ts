/** The answer of GET /api/documents/:id/implementation, declared once beside the server route. */
export type {
  ChainRow,
  Implementation,
  ImplementationRow as ProvinceRow,
} from '../../../../server/src/routes/documents-types.ts'
