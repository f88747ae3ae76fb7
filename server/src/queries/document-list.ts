/**
 * /api/documents from the precomputed list (migration 0650, pipeline/src/warehouse/document-list.ts):
 * the same columns, types, rows and order as DOCUMENTS_SQL over `documents` and its citations
 * (`aggregate-twins.ts` holds them side by side). Per request, D documents: the unfiltered list reads
 * one range of `rank` (a row group or two, whatever D); a province filter reads that province's range
 * of agg_document_list_provinces (its cited documents) and fetches one page of rows by rank; other
 * filters scan the list, one narrow table of D rows, with no join.
 */
import { DOCUMENTS_SQL } from './documents.ts'
import { inList, type Params } from './sql-fragments.ts'

export interface DocumentFilter {
  readonly system: '2008' | '2025'
  readonly q: string | null
  readonly type: string | null
  readonly level: 'central' | 'provincial' | null
  readonly year: number | null
  readonly province: ReadonlyArray<string>
  readonly limit: number
  readonly offset: number
}

const LIST_COLUMNS = `l.document_id, l.type, l.number, l.symbol, l.display_symbol, l.label,
  CAST(l.issued_on AS VARCHAR) AS issued_on, l.issuer, l.is_central, l.province_code_2008, l.province_code_2025,
  l.mention_count, l.article_count, CAST(l.first_cited AS VARCHAR) AS first_cited,
  CAST(l.last_cited AS VARCHAR) AS last_cited, l.province_name,
  CASE WHEN $system = '2008' THEN l.citing_provinces_2008 ELSE l.citing_provinces_2025 END AS citing_provinces`

/** The conditions of the filters other than provinces, with their parameters added to `params`. */
const conditions = (f: DocumentFilter, params: Params): string[] => {
  const out: string[] = []
  if (f.type !== null) {
    params.type = f.type
    out.push('l.type = $type')
  }
  if (f.level !== null)
    out.push(f.level === 'central' ? 'coalesce(l.is_central, false)' : 'NOT coalesce(l.is_central, false)')
  if (f.year !== null) {
    params.year = f.year
    out.push('year(l.issued_on) = $year')
  }
  if (f.q !== null) {
    params.q = f.q
    out.push(`l.search_text LIKE '%' || thidua_fold($q) || '%'`)
  }
  return out
}

/**
 * The list query and exactly the parameters it names. Unfiltered: one range of rank. Provinces only:
 * the province's ranks (one range of agg_document_list_provinces), a page of them, then those rows.
 * Otherwise a scan of the list.
 */
export const documentListQuery = (f: DocumentFilter): { sql: string; params: Params } => {
  const params: Params = { system: f.system, limit: f.limit, offset: f.offset }
  const conds = conditions(f, params)
  const cited = f.province.length
    ? `SELECT DISTINCT rank FROM agg_document_list_provinces WHERE system = $system AND ${inList('province_code', f.province, params, 'p')}`
    : null
  if (cited === null && conds.length === 0)
    return {
      params,
      sql: `SELECT ${LIST_COLUMNS}, (SELECT count(*) FROM agg_document_list) AS total
FROM agg_document_list l WHERE l.rank > $offset AND l.rank <= $offset + $limit ORDER BY l.rank`,
    }
  if (cited !== null && conds.length === 0)
    return {
      params,
      sql: `WITH r AS (${cited}), page AS (SELECT rank FROM r ORDER BY rank LIMIT $limit OFFSET $offset)
SELECT ${LIST_COLUMNS}, (SELECT count(*) FROM r) AS total
FROM agg_document_list l WHERE l.rank IN (SELECT rank FROM page) ORDER BY l.rank`,
    }
  if (cited !== null) conds.push(`l.rank IN (${cited})`)
  return {
    params,
    sql: `WITH f AS (SELECT * FROM agg_document_list l WHERE ${conds.join(' AND ')})
SELECT ${LIST_COLUMNS}, (SELECT count(*) FROM f) AS total FROM f l ORDER BY l.rank LIMIT $limit OFFSET $offset`,
  }
}

/** The direct twin: documents joined with v_document_citations (versions without the list). */
export const documentDirectQuery = (f: DocumentFilter): { sql: string; params: Params } => {
  const { province, ...rest } = f
  const params: Params = { ...rest }
  const provFilter = province.length
    ? `AND EXISTS (SELECT 1 FROM v_document_citations v2 WHERE v2.document_id = d.document_id AND v2.system = $system AND ${inList('v2.province_code', province, params, 'p')})`
    : ''
  return { sql: DOCUMENTS_SQL(provFilter), params }
}

/** True when this version's list holds every document (a version migrated but not yet rebuilt does not). */
export const DOCUMENT_LIST_READY_SQL = `SELECT (SELECT count(*) FROM agg_document_list) = (SELECT count(*) FROM documents) AS ready`
