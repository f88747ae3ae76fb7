/** A row of /api/documents, declared once beside the server route. */
export type { DocRow } from '../../../../server/src/routes/documents-types.ts'
