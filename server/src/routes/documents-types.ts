/**
 * Answers of the document routes (documents.ts, document-detail.ts), declared once: the handlers
 * answer them and the web imports them as types only (web/src/app/api.ts, web/src/views/document*).
 */

/** A document as the documents table holds it (queries/documents.ts DOCUMENT_COLUMNS). */
export interface DocumentInfo extends Record<string, unknown> {
  document_id: string
  type: string
  number: string
  symbol: string
  display_symbol: string | null
  label: string | null
  issued_on: string | null
  issuer: string | null
  is_central: boolean | null
  province_code_2008: string | null
  province_code_2025: string | null
  mention_count: number | null
  article_count: number | null
  first_cited: string | null
  last_cited: string | null
  province_name: string | null
}

/** A row of GET /api/documents. */
export interface DocRow extends DocumentInfo {
  is_central: boolean
  mention_count: number
  article_count: number
  citing_provinces: number
}

/** A province citing a document (GET /api/documents/:id). */
export interface CitationRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  citing_articles: number
  first_cited: string
  last_cited: string
}

/** The answer of GET /api/documents/:id. */
export interface DocumentCitations {
  document: DocumentInfo
  citations: CitationRow[]
}

/** One province's answer to a document: its first implementing document and lag, or its wait. */
export interface ImplementationRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  implementing_document_id: string | null
  implementing_label: string | null
  issued_on: string | null
  lag_days: number | null
  date_basis: string | null
  via_predecessor: boolean
  predecessor_code: string | null
  predecessor_name: string | null
  article_id: string | null
  article_url: string | null
  article_title: string | null
  days_waiting: number | null
  attachment_url: string | null
}

/** A link of the chain above (what the document answers) or below (what answers it). */
export interface ChainRow extends Record<string, unknown> {
  direction: 'above' | 'below'
  relation: string
  document_id: string | null
  label: string | null
  issued_on: string | null
  campaign_id: string | null
  campaign_name: string | null
  event_id: string | null
  event_label: string | null
  article_id: string | null
  articles: number
  evidence: string | null
  is_central: boolean | null
  province_code_2025: string | null
}

export interface ImplementationSummary extends Record<string, unknown> {
  provinces_total: number
  provinces_answered: number
  median_lag_days: number | null
  min_lag_days: number | null
  max_lag_days: number | null
}

export interface DocumentAttachment extends Record<string, unknown> {
  url: string
  media_type: string | null
  text: string | null
  text_chars: number
}

/** The answer of GET /api/documents/:id/implementation. */
export interface Implementation {
  document: DocumentInfo
  system: '2008' | '2025'
  tracked: boolean
  summary: ImplementationSummary | null
  provinces: ImplementationRow[]
  implementing: ImplementationRow[]
  not_yet: ImplementationRow[]
  above: ChainRow[]
  below: ChainRow[]
  attachment: DocumentAttachment | null
}

/** A row of GET /api/documents/citations: a central document cited in one province. */
export interface CentralCitationRow extends Record<string, unknown> {
  document_id: string
  label: string | null
  province_code: string
  province_name: string | null
  citing_articles: number
}
