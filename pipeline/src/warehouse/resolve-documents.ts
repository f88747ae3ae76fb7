/**
 * Document resolution: each mention's own key, then an undated or symbol-less mention joins the one
 * dated document it can only mean, then one documents row per resolved id.
 *
 * Resolution never crosses a (type, number) group: a weak mention only joins a strong one of the same
 * type and number. So the incremental form re-resolves the groups the changed articles touch (their
 * mentions now, and the documents their old rows named) and rebuilds the documents whose mentions
 * changed: those the changed articles cite now or cited before, and those a mention was re-pointed
 * from or to; every other document keeps its row.
 */
import type { DuckDBConnection } from '@duckdb/node-api'

const GROUP = '(type, thidua_key_number(number))'

/**
 * The groups to re-resolve, from temp.fin_changed and finalize_stale_ids; temp.fin_docs starts with the
 * documents the changed articles cite and those their old rows cited; temp.fin_doc_before keeps the
 * groups' mentions' documents before resolution, so the documents a re-pointed mention leaves or
 * joins are added after it (changedMentionDocs).
 */
const seedScope = async (conn: DuckDBConnection) => {
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_doc_groups AS
    SELECT DISTINCT type, thidua_key_number(number) AS n FROM document_mentions
    WHERE article_id IN (SELECT article_id FROM temp.fin_changed) AND number IS NOT NULL
    UNION SELECT type, thidua_key_number(number) FROM documents
    WHERE document_id IN (SELECT id FROM finalize_stale_ids WHERE kind = 'document') AND number IS NOT NULL`)
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_docs AS
    SELECT document_id FROM document_mentions WHERE article_id IN (SELECT article_id FROM temp.fin_changed)
    UNION SELECT id FROM finalize_stale_ids WHERE kind = 'document'`)
  await conn.run(`CREATE OR REPLACE TEMP TABLE fin_doc_before AS
    SELECT article_id, mention_index, document_id FROM document_mentions
    WHERE ${GROUP} IN (SELECT type, n FROM temp.fin_doc_groups)`)
}

/** A documents row is made of its mentions only: those whose mentions resolution moved are redone. */
const changedMentionDocs = (conn: DuckDBConnection) =>
  conn.run(`INSERT INTO temp.fin_docs
    SELECT DISTINCT unnest([b.document_id, m.document_id]) FROM temp.fin_doc_before b
    JOIN document_mentions m USING (article_id, mention_index) WHERE m.document_id IS DISTINCT FROM b.document_id
    EXCEPT SELECT document_id FROM temp.fin_docs`)

/**
 * Resolves every mention (`full`) or the groups around temp.fin_changed. Leaves temp.fin_docs, the
 * documents rebuilt (incremental only).
 */
export const resolveDocuments = async (conn: DuckDBConnection, full: boolean): Promise<void> => {
  if (!full) await seedScope(conn)
  const inScope = full ? 'true' : `${GROUP} IN (SELECT type, n FROM temp.fin_doc_groups)`
  await conn.run(
    `UPDATE document_mentions SET document_id = key_document_id WHERE document_id <> key_document_id AND ${inScope}`
  )
  // An undated ("Kế hoạch 138/KH-UBND" in a 2025 article) or symbol-less ("Chỉ thị số 01") mention joins
  // the one dated document with the same issuer, type and number: the latest of the five years up to
  // the article's year, or the same year. Ambiguous matches stay apart. A Party document named without
  // its symbol ("Chỉ thị 34 của Bộ Chính trị") is cited for decades: with no match in those five years
  // it joins the one earlier Party document (…/TW) of that type and number, if there is exactly one.
  // A mention already keyed to a dated document (by its own article, see sameArticleReferents) stays.
  await conn.run(`UPDATE document_mentions SET document_id = pick.document_id FROM (
    WITH strong AS (
      SELECT key_document_id AS document_id, issuer_scope, issuer_province_2008 AS p8,
        issuer_province_2025 AS p25, type, thidua_key_number(number) AS n, thidua_key_symbol(symbol) AS s, key_year,
        regexp_matches(thidua_key_symbol(symbol), '/TW($|-)') AS party,
        coalesce(bool_or(contains(issuer, 'Chính trị')), false) AS politburo,
        coalesce(bool_or(contains(issuer, 'Bí thư')), false) AS secretariat
      FROM document_mentions
      WHERE key_year_basis IN ('issued_on', 'symbol') AND symbol IS NOT NULL AND number IS NOT NULL AND ${inScope}
      GROUP BY ALL
    ),
    weak AS (
      SELECT article_id, mention_index, issuer_scope, issuer_province_2008 AS p8, issuer_province_2025 AS p25, type,
        thidua_key_number(number) AS n, thidua_key_symbol(symbol) AS s, key_year, key_year_basis,
        -- All mentions with one key share the issuer any of them names ("Chỉ thị 05" beside "Chỉ thị số 05
        -- của Bộ Chính trị" in the same article).
        coalesce(bool_or(issuer_level = 'party_central') OVER (PARTITION BY key_document_id), false) AS party,
        coalesce(bool_or(issuer_level IN ('government', 'prime_minister')) OVER (PARTITION BY key_document_id), false) AS government,
        coalesce(bool_or(contains(issuer, 'Chính trị')) OVER (PARTITION BY key_document_id), false) AS politburo,
        coalesce(bool_or(contains(issuer, 'Bí thư')) OVER (PARTITION BY key_document_id), false) AS secretariat
      FROM document_mentions
      WHERE number IS NOT NULL AND key_year IS NOT NULL AND (key_year_basis = 'article' OR symbol IS NULL)
        AND key_document_id NOT IN (SELECT document_id FROM strong) AND ${inScope}
    ),
    cand AS (
      SELECT w.article_id, w.mention_index, st.document_id, st.key_year,
        w.key_year_basis <> 'article' OR st.key_year >= w.key_year - 5 AS recent
      FROM weak w JOIN strong st ON st.type = w.type AND st.n = w.n
        AND (w.s IS NULL OR w.s = st.s)
        AND (NOT w.party OR st.party) AND (NOT w.government OR NOT st.party)
        -- Party numbering restarts each term: the Politburo's 05 is not the Secretariat's 05.
        AND NOT (w.politburo AND NOT w.secretariat AND st.secretariat AND NOT st.politburo)
        AND NOT (w.secretariat AND NOT w.politburo AND st.politburo AND NOT st.secretariat)
        AND ((w.issuer_scope = 'central' AND st.issuer_scope = 'central')
          OR (w.issuer_scope <> 'central' AND st.issuer_scope <> 'central' AND w.p25 = st.p25
              AND (w.p8 IS NULL OR st.p8 IS NULL OR w.p8 = st.p8)))
        AND CASE WHEN w.key_year_basis = 'article'
                 THEN st.key_year BETWEEN w.key_year - 5 AND w.key_year
                   OR (w.party AND st.party AND w.issuer_scope = 'central' AND st.key_year < w.key_year - 5)
                 ELSE st.key_year = w.key_year END
    ),
    ranked AS (
      SELECT *, bool_or(recent) OVER m AS any_recent, max(CASE WHEN recent THEN key_year END) OVER m AS best_year
      FROM cand WINDOW m AS (PARTITION BY article_id, mention_index)
    )
    SELECT article_id, mention_index, any_value(document_id) AS document_id
    FROM ranked WHERE (recent AND key_year = best_year) OR NOT any_recent
    GROUP BY article_id, mention_index HAVING count(DISTINCT document_id) = 1
  ) pick
  WHERE document_mentions.article_id = pick.article_id AND document_mentions.mention_index = pick.mention_index`)
  if (!full) await changedMentionDocs(conn)
  await buildDocuments(conn, full)
}

/** One documents row per resolved id, all of them or those of temp.fin_docs (deleted first). */
const buildDocuments = async (conn: DuckDBConnection, full: boolean) => {
  const docScope = full ? 'true' : 'document_id IN (SELECT document_id FROM temp.fin_docs)'
  await conn.run(`DELETE FROM documents WHERE ${docScope}`)
  // A document's own attachment (migration 0420) is its best source: its date and issuer outrank news.
  await conn.run(`INSERT INTO documents BY NAME
    WITH m AS (
      SELECT dm.*, a.published_date, t.attachment_id IS NOT NULL AS own
      FROM document_mentions dm JOIN articles a USING (article_id)
      LEFT JOIN attachments t ON t.article_id = dm.article_id AND t.mention_index = dm.mention_index
      WHERE ${full ? 'true' : `dm.${docScope}`}
    ),
    dates AS (
      SELECT document_id, issued_on, count(*) AS c, bool_or(own) AS own FROM m WHERE issued_on IS NOT NULL GROUP BY document_id, issued_on
    ),
    issuers AS (
      SELECT document_id, issuer_display, count(*) AS c, bool_or(own) AS own FROM m WHERE issuer_display IS NOT NULL GROUP BY document_id, issuer_display
    ),
    -- The issuer most mentions give, completed with the province ("UBND tỉnh Lạng Sơn"); an issuer read
    -- off the symbol alone ("UBND", "TW") only when the text never names one.
    best_issuer AS (
      SELECT document_id,
        first(issuer_display ORDER BY own DESC, regexp_matches(issuer_display, '^[A-ZĐƯ&]+[0-9]*$'), c DESC, issuer_display) AS issuer
      FROM issuers GROUP BY document_id
    ),
    best_date AS (
      SELECT document_id, first(issued_on ORDER BY own DESC, c DESC, issued_on) AS issued_on, count(*) > 1 AS conflict
      FROM dates GROUP BY document_id
    ),
    -- mode(x ORDER BY x): a tie goes to the smallest value; a bare mode() picks by thread timing, so a
    -- rerun over the same mentions could resolve differently (found by test/long/scale.test.ts).
    agg AS (
      SELECT document_id,
        any_value(type ORDER BY type) AS type,
        mode(number ORDER BY number) AS number,
        mode(symbol ORDER BY symbol) AS symbol,
        max(key_year) FILTER (WHERE key_document_id = document_id) AS key_year,
        max(key_year) AS any_year,
        mode(year_in_symbol ORDER BY year_in_symbol) AS year_in_symbol,
        mode(issuer ORDER BY issuer) AS issuer_written,
        any_value(issuer_scope ORDER BY issuer_scope) FILTER (WHERE key_document_id = document_id) AS own_scope,
        any_value(issuer_scope ORDER BY issuer_scope) AS issuer_scope,
        mode(issuer_province_2008 ORDER BY issuer_province_2008) AS province_code_2008,
        mode(issuer_province_2025 ORDER BY issuer_province_2025) AS province_code_2025,
        count(*) AS mention_count,
        count(DISTINCT article_id) AS article_count,
        min(published_date) AS first_cited,
        max(published_date) AS last_cited,
        first(article_id ORDER BY published_date NULLS LAST, article_id) AS first_article_id
      FROM m GROUP BY document_id
    )
    SELECT g.document_id, g.type, g.number, g.symbol,
      coalesce(g.key_year, g.any_year) AS year,
      d.issued_on, coalesce(i.issuer, g.issuer_written) AS issuer,
      coalesce(g.own_scope, g.issuer_scope) AS issuer_scope,
      coalesce(g.own_scope, g.issuer_scope) = 'central' AS is_central,
      g.year_in_symbol,
      thidua_display_symbol(g.number, g.symbol, g.year_in_symbol) AS display_symbol,
      thidua_document_type_vi(g.type) || coalesce(' ' || thidua_display_symbol(g.number, g.symbol, g.year_in_symbol), '') AS label,
      g.first_article_id,
      g.province_code_2008, g.province_code_2025,
      g.mention_count, g.article_count,
      coalesce(d.conflict, false) AS issued_on_conflict,
      g.first_cited, g.last_cited
    FROM agg g LEFT JOIN best_date d USING (document_id) LEFT JOIN best_issuer i USING (document_id)`)
}
