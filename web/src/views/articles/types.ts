/** A row of /api/articles. */
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
