/**
 * The documents list precomputed at finalize (issue #17, migration 0650): what /api/documents shows
 * per document, its citing provinces from `agg_documents`, the folded text its search matches, and
 * `rank`, its position in the list's default order (the order of server/src/queries/documents.ts),
 * inserted in that order so a page of the unfiltered list is one range of `rank`; and the ranks cited
 * in each province (`agg_document_list_provinces`), a province's rows one range.
 * Incremental (a finalize that changed some articles): one sort of the documents' ranking columns gives
 * every new rank; only the rows of documents finalize rebuilt or whose citing provinces changed are
 * rewritten, the others get their new rank when it moved (one integer column, not the whole table).
 * Rewritten rows are appended after the sorted ones, so their `rank` zone maps are wider until the
 * next full finalize rebuilds the table in order; the rows are the same either way (tested).
 */
import type { DuckDBConnection } from '@duckdb/node-api'

const ORDER = `d.article_count DESC NULLS LAST, d.mention_count DESC NULLS LAST,
  CAST(d.issued_on AS VARCHAR) DESC NULLS LAST, d.document_id`

/** The list's rows of `documents d` (joined with `join`, filtered by `where`), `rank` given. */
const listRows = (rank: string, join: string, where: string) => `
SELECT ${rank} AS rank,
  d.document_id, d.type, d.number, d.symbol, d.display_symbol, d.label, d.issued_on, d.issuer, d.is_central,
  d.province_code_2008, d.province_code_2025, d.mention_count, d.article_count, d.first_cited, d.last_cited,
  p.name_vi, coalesce(a.citing_provinces_2008, 0), coalesce(a.citing_provinces_2025, 0),
  thidua_fold(concat_ws(' ', d.label, d.display_symbol, d.number || '/' || d.symbol, d.issuer))
FROM documents d ${join}
LEFT JOIN agg_documents a USING (document_id)
LEFT JOIN provinces p ON p.code = d.province_code_2025 AND p.system = '2025'
WHERE ${where}
ORDER BY rank`

const rebuild = async (conn: DuckDBConnection) => {
  await conn.run('DELETE FROM agg_document_list')
  await conn.run(
    `INSERT INTO agg_document_list ${listRows(`row_number() OVER (ORDER BY ${ORDER})`, '', 'true')}`
  )
  await conn.run('DELETE FROM agg_document_list_provinces')
  await conn.run(`INSERT INTO agg_document_list_provinces
    SELECT DISTINCT c.system, c.province_code, l.rank
    FROM agg_document_citations c JOIN agg_document_list l USING (document_id)
    ORDER BY 1, 2, 3`)
}

/**
 * temp.fin_list_docs: the documents whose list row must be rewritten: those finalize's aggregates
 * redid (temp.fin_agg_docs: rebuilt, deleted, or cited by recomputed articles), any document missing
 * from the list or gone from `documents`, and any whose province name no longer matches.
 */
const seedScope = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_list_ranks AS
    SELECT d.document_id, row_number() OVER (ORDER BY ${ORDER}) AS rank FROM documents d`)
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_list_docs AS
    SELECT document_id FROM temp.fin_agg_docs
    UNION (SELECT document_id FROM documents EXCEPT SELECT document_id FROM agg_document_list)
    UNION (SELECT document_id FROM agg_document_list EXCEPT SELECT document_id FROM documents)
    UNION SELECT l.document_id FROM agg_document_list l
      LEFT JOIN provinces p ON p.code = l.province_code_2025 AND p.system = '2025'
      WHERE l.province_name IS DISTINCT FROM p.name_vi`)
  // Rows kept whose position moved, by old and new rank (ranks are unique, so the map is one-to-one).
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_list_moves AS
    SELECT l.rank AS old_rank, r.rank AS new_rank FROM agg_document_list l JOIN temp.fin_list_ranks r USING (document_id)
    WHERE l.rank <> r.rank AND l.document_id NOT IN (SELECT document_id FROM temp.fin_list_docs)`)
}

/** The rows of temp.fin_list_docs rewritten, the other rows' ranks moved, in both tables. */
const update = async (conn: DuckDBConnection) => {
  await seedScope(conn)
  const rewritten = 'document_id IN (SELECT document_id FROM temp.fin_list_docs)'
  await conn.run(`DELETE FROM agg_document_list_provinces
    WHERE rank IN (SELECT rank FROM agg_document_list WHERE ${rewritten})`)
  await conn.run(`DELETE FROM agg_document_list WHERE ${rewritten}`)
  for (const t of ['agg_document_list', 'agg_document_list_provinces'])
    await conn.run(
      `UPDATE ${t} SET rank = m.new_rank FROM temp.fin_list_moves m WHERE ${t}.rank = m.old_rank`
    )
  const ranked = 'JOIN temp.fin_list_ranks r USING (document_id)'
  await conn.run(`INSERT INTO agg_document_list ${listRows('r.rank', ranked, `d.${rewritten}`)}`)
  await conn.run(`INSERT INTO agg_document_list_provinces
    SELECT DISTINCT c.system, c.province_code, r.rank
    FROM agg_document_citations c JOIN temp.fin_list_ranks r USING (document_id)
    WHERE c.${rewritten} ORDER BY 1, 2, 3`)
}

/**
 * `full`: rebuilt whole. `incremental`: after an incremental finalize that changed articles (needs
 * temp.fin_agg_docs). `unchanged`: nothing to do, unless the list does not hold every document (a
 * warehouse migrated to 0650 before its next change), then rebuilt whole.
 */
export const buildDocumentList = async (
  conn: DuckDBConnection,
  mode: 'full' | 'incremental' | 'unchanged'
): Promise<void> => {
  if (mode === 'unchanged') {
    const r = await conn.runAndReadAll(
      'SELECT (SELECT count(*) FROM agg_document_list) = (SELECT count(*) FROM documents) AS same'
    )
    if (r.getRowObjects()[0]?.same === true) return
  }
  if (mode === 'incremental') await update(conn)
  else await rebuild(conn)
}
