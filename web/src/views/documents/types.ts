/** A row of /api/documents. */
export interface DocRow extends Record<string, unknown> {
  document_id: string
  type: string
  number: string
  symbol: string
  display_symbol: string | null
  label: string | null
  issued_on: string | null
  issuer: string | null
  is_central: boolean
  province_name: string | null
  mention_count: number
  article_count: number
  citing_provinces: number
}
