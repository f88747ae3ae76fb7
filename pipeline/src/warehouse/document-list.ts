/**
 * The documents list precomputed at finalize (issue #17, migration 0650): what /api/documents shows
 * per document, its citing provinces from `agg_documents`, the folded text its search matches, and
 * `rank`, its position in the list's default order (the order of server/src/queries/documents.ts),
 * inserted in that order so a page of the unfiltered list is one range of `rank`; and the ranks cited
 * in each province (`agg_document_list_provinces`), a province's rows one range. Every document's
 * rank can move when one article is added, so the table is rebuilt whole: one sort of the documents.
 */
import type { DuckDBConnection } from '@duckdb/node-api'

const BUILD = `
INSERT INTO agg_document_list
SELECT row_number() OVER (
    ORDER BY d.article_count DESC NULLS LAST, d.mention_count DESC NULLS LAST,
      CAST(d.issued_on AS VARCHAR) DESC NULLS LAST, d.document_id) AS rank,
  d.document_id, d.type, d.number, d.symbol, d.display_symbol, d.label, d.issued_on, d.issuer, d.is_central,
  d.province_code_2008, d.province_code_2025, d.mention_count, d.article_count, d.first_cited, d.last_cited,
  p.name_vi, coalesce(a.citing_provinces_2008, 0), coalesce(a.citing_provinces_2025, 0),
  thidua_fold(concat_ws(' ', d.label, d.display_symbol, d.number || '/' || d.symbol, d.issuer))
FROM documents d
LEFT JOIN agg_documents a USING (document_id)
LEFT JOIN provinces p ON p.code = d.province_code_2025 AND p.system = '2025'
ORDER BY rank`

/**
 * Rebuilds the list when finalize changed anything, or when it does not hold every document (a
 * warehouse migrated to 0650 before its next change).
 */
export const buildDocumentList = async (conn: DuckDBConnection, changed: boolean): Promise<void> => {
  if (!changed) {
    const r = await conn.runAndReadAll(
      'SELECT (SELECT count(*) FROM agg_document_list) = (SELECT count(*) FROM documents) AS same'
    )
    if (r.getRowObjects()[0]?.same === true) return
  }
  await conn.run('DELETE FROM agg_document_list')
  await conn.run(BUILD)
  await conn.run('DELETE FROM agg_document_list_provinces')
  await conn.run(`INSERT INTO agg_document_list_provinces
    SELECT DISTINCT c.system, c.province_code, l.rank
    FROM agg_document_citations c JOIN agg_document_list l USING (document_id)
    ORDER BY 1, 2, 3`)
}
