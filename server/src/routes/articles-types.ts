/**
 * Answers of the article routes (articles.ts), declared once: the handlers answer them and the web
 * imports them as types only (web/src/app/api.ts, web/src/views/articles/types.ts).
 */

/** A row of GET /api/articles (list or search; the mention span only on an entity drill-down). */
export interface ArticleRow extends Record<string, unknown> {
  article_id: string
  title: string
  published_at: string | null
  source_id: string
  url: string
  province_code_2008: string | null
  province_code_2025: string | null
  snippet: string | null
  score: number | null
  origin: string | null
  is_copy: boolean
  mention_start?: number | null
  mention_end?: number | null
}
