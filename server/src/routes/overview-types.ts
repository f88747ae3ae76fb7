/**
 * The answer of GET /api/overview/figures (overview.ts), shared as types only with the web's key figures
 * (web/src/views/overview/KeyFigures.tsx) and the route's tests.
 */
export interface OverviewFigures {
  readonly articles: number
  readonly all_articles: number
  readonly provinces_with_data: number
  readonly provinces_total: number
  readonly campaigns: number
  readonly central_documents: number
  readonly first_article: string | null
  readonly latest_article: string | null
  readonly captured: number
  readonly rebuilt: number
  readonly attachments: number
  readonly extractor_version: string | null
}

/** A row of GET /api/overview/trend: one province's year under the overview filters. */
export interface YearRow extends Record<string, unknown> {
  readonly province_code: string
  readonly province_name: string | null
  readonly year: number
  readonly articles: number
  readonly all_articles: number
}
