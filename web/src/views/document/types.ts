/** The answer of GET /api/documents/:id/implementation (server/src/routes/document-detail.ts). */
interface DocumentInfo {
  document_id: string
  label: string | null
  display_symbol: string | null
  type: string
  issued_on: string | null
  issuer: string | null
  is_central: boolean | null
  province_name: string | null
  article_count: number | null
  first_cited: string | null
}
export interface ProvinceRow extends Record<string, unknown> {
  province_code: string
  province_name: string
  implementing_document_id: string | null
  implementing_label: string | null
  issued_on: string | null
  lag_days: number | null
  date_basis: string | null
  via_predecessor: boolean
  predecessor_name: string | null
  article_id: string | null
  article_url: string | null
  article_title: string | null
  days_waiting: number | null
  attachment_url: string | null
}
export interface ChainRow {
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
}
export interface Implementation {
  document: DocumentInfo
  system: '2008' | '2025'
  tracked: boolean
  summary: {
    provinces_total: number
    provinces_answered: number
    median_lag_days: number | null
    min_lag_days: number | null
    max_lag_days: number | null
  } | null
  provinces: ProvinceRow[]
  implementing: ProvinceRow[]
  not_yet: ProvinceRow[]
  above: ChainRow[]
  below: ChainRow[]
  attachment: { url: string; media_type: string | null; text: string | null; text_chars: number } | null
}
