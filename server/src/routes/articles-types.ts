/**
 * Answers of the article routes (articles.ts), declared once: the handlers answer them and the web
 * imports them as types only (web/src/app/api.ts, web/src/views/articles/types.ts).
 */
import type { EntitySpan } from './entity-spans.ts'

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

/** The article of GET /api/articles/:id (queries/articles.ts ARTICLE_SQL). */
export interface ArticleRecord extends Record<string, unknown> {
  article_id: string
  source_id: string
  source_name: string | null
  url: string
  title: string
  published_at: string | null
  published_date: string | null
  province_code_2008: string | null
  province_name_2008: string | null
  province_code_2025: string | null
  province_name_2025: string | null
  body_text: string
  origin: string
  cluster_id: string | null
  cluster_size: number | null
}

/** The answer of GET /api/articles/:id: the article, its entities' spans, its raw mentions by kind. */
export interface ArticleDetail {
  article: ArticleRecord
  entities: EntitySpan[]
  mentions: Record<'documents' | 'events' | 'campaigns' | 'times', Array<Record<string, unknown>>>
}
