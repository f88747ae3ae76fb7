/** A row of /api/articles, declared once beside the server route. */
export type { ArticleRow } from '../../../../server/src/routes/articles-types.ts'
